import { addSums, emptySums, sumsOf, type MeasurementSums, type StoredEvent } from '../event';
import type { FrugalDb, FrugalSchema, RollupRecord } from './db';
import type { IDBPTransaction } from 'idb';

type WriteTx = IDBPTransaction<FrugalSchema, ('events' | 'rollups')[], 'readwrite'>;

export type RollupKey = FrugalSchema['rollups']['key'];

export function rollupKey(day: string, event: StoredEvent): RollupKey {
  return [day, event.site, event.model ?? '', event.kind, event.task];
}

/**
 * Add (sign 1) or remove (sign -1) one event's measurements in its day's
 * rollup, inside the caller's transaction. An emptied rollup is deleted.
 */
export async function applyToRollup(tx: WriteTx, day: string, event: StoredEvent, sign: 1 | -1): Promise<void> {
  const store = tx.objectStore('rollups');
  const key = rollupKey(day, event);
  const existing = await store.get(key);
  const record: RollupRecord = existing ?? {
    day,
    site: event.site,
    model: event.model ?? '',
    kind: event.kind,
    task: event.task,
    ...emptySums(),
  };
  addSums(record, sumsOf(event), sign);
  if (record.count <= 0) await store.delete(key);
  else await store.put(record);
}

/** Rollups for local days `fromDay`..`toDay` inclusive (`YYYY-MM-DD`). */
export function readRollups(db: FrugalDb, fromDay: string, toDay: string): Promise<RollupRecord[]> {
  return db.getAllFromIndex('rollups', 'day', IDBKeyRange.bound(fromDay, toDay));
}

/** Sums of many rollups, grouped by a key of your choice. */
export function groupSums<K>(rollups: readonly RollupRecord[], keyOf: (rollup: RollupRecord) => K): Map<K, MeasurementSums> {
  const groups = new Map<K, MeasurementSums>();
  for (const rollup of rollups) {
    const key = keyOf(rollup);
    const sums = groups.get(key) ?? emptySums();
    addSums(sums, rollup);
    groups.set(key, sums);
  }
  return groups;
}
