import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { addSums, emptySums, type MeasurementSums, sumsOf, type StoredEvent } from '../event';
import { dayKey } from '../time';
import type { EventRecord, FrugalDb, FrugalSchema, RollupRecord } from './db';
import { supersedes } from './events';
import { rollupKey, type RollupKey } from './rollups';

/**
 * Importing a history (a CSV backup) in one transaction: every event is
 * written, with the rollups following, or none is.
 *
 * Merge by id, with the same rule as captures (lib/store/events.ts):
 * - a new id is added;
 * - a known id with the same site and start time is replaced only when the
 *   imported measurement is more advanced (it ran longer, counted more, or
 *   ended), so importing a file twice, or an older backup, changes nothing;
 *   the stored event keeps its detector and adapter version, which a CSV does
 *   not carry;
 * - a known id with another site or start time is a conflict: the stored
 *   event is kept. An import never moves or re-labels an event.
 *
 * It runs in whichever extension context calls it (the dashboard): IndexedDB
 * transactions are atomic and readwrite transactions over the same stores run
 * one after the other across every connection of the extension's origin, so a
 * capture the background stores meanwhile waits and then merges by the same rule.
 */

export type MergeOutcome = 'add' | 'update' | 'keep' | 'conflict';

export function mergeOutcome(stored: StoredEvent | undefined, incoming: StoredEvent): MergeOutcome {
  if (!stored) return 'add';
  if (stored.site !== incoming.site || stored.at !== incoming.at) return 'conflict';
  return supersedes(incoming, stored) ? 'update' : 'keep';
}

/** Reads per round trip: enough to keep the database busy, few enough to stay light on memory. */
const READ_CHUNK = 5_000;

/**
 * A request awaited later, with Promise.all: if the code issuing the
 * requests throws before that, the transaction aborts them all, and their
 * rejections must not surface as unhandled errors. Promise.all still sees them.
 */
function handled<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

type EventStore = IDBPObjectStore<FrugalSchema, ('events' | 'rollups')[], 'events', IDBTransactionMode>;

async function storedVersions(store: EventStore, events: readonly StoredEvent[]): Promise<Map<string, EventRecord>> {
  const stored = new Map<string, EventRecord>();
  for (let start = 0; start < events.length; start += READ_CHUNK) {
    const chunk = events.slice(start, start + READ_CHUNK);
    const found = await Promise.all(chunk.map((event) => handled(store.get(event.id))));
    found.forEach((record) => {
      if (record) stored.set(record.id, record);
    });
  }
  return stored;
}

/** What importing `events` would do now, one outcome per event, in order. Reads only. */
export async function planImport(db: FrugalDb, events: readonly StoredEvent[]): Promise<MergeOutcome[]> {
  const tx = db.transaction(['events', 'rollups'], 'readonly');
  const current = await storedVersions(tx.objectStore('events'), events);
  await tx.done;
  return events.map((event) => {
    const outcome = mergeOutcome(current.get(event.id), event);
    if (outcome === 'add' || outcome === 'update') current.set(event.id, { ...event, rollupDay: '' });
    return outcome;
  });
}

/** Rollup changes gathered over the whole import, applied once per rollup at the end. */
class RollupChanges {
  private readonly changes = new Map<
    string,
    { key: RollupKey; empty: RollupRecord; added: MeasurementSums; removed: MeasurementSums }
  >();

  record(day: string, event: StoredEvent, sign: 1 | -1): void {
    const key = rollupKey(day, event);
    const name = JSON.stringify(key);
    let change = this.changes.get(name);
    if (!change) {
      const empty: RollupRecord = {
        day,
        site: event.site,
        model: event.model ?? '',
        kind: event.kind,
        task: event.task,
        ...emptySums(),
      };
      change = { key, empty, added: emptySums(), removed: emptySums() };
      this.changes.set(name, change);
    }
    addSums(sign === 1 ? change.added : change.removed, sumsOf(event));
  }

  async apply(tx: IDBPTransaction<FrugalSchema, ('events' | 'rollups')[], 'readwrite'>): Promise<void> {
    const store = tx.objectStore('rollups');
    const changes = [...this.changes.values()];
    const existing = await Promise.all(changes.map((change) => store.get(change.key)));
    const writes = changes.map(({ key, empty, added, removed }, index) => {
      const rollup: RollupRecord = existing[index] ?? empty;
      // Adding first: a removal is always of sums this rollup holds, so nothing is clamped at zero.
      addSums(addSums(rollup, added), removed, -1);
      return handled<unknown>(rollup.count <= 0 ? store.delete(key) : store.put(rollup));
    });
    await Promise.all(writes);
  }
}

/**
 * Write `events` in one transaction and resolve after it committed, with the
 * outcome of each event in order. Any failure aborts the transaction: nothing
 * is written and the error is thrown.
 */
export async function importEvents(db: FrugalDb, events: readonly StoredEvent[]): Promise<MergeOutcome[]> {
  const tx = db.transaction(['events', 'rollups'], 'readwrite', { durability: 'strict' });
  try {
    const store = tx.objectStore('events');
    const current = await storedVersions(store, events);
    const rollups = new RollupChanges();
    const writes: Promise<unknown>[] = [];
    const outcomes = events.map((event) => {
      const stored = current.get(event.id);
      const outcome = mergeOutcome(stored, event);
      if (outcome === 'add' || outcome === 'update') {
        const record: EventRecord = stored
          ? { ...event, detector: stored.detector, adapterVersion: stored.adapterVersion, rollupDay: stored.rollupDay }
          : { ...event, rollupDay: dayKey(event.at) };
        if (stored) rollups.record(stored.rollupDay, stored, -1);
        rollups.record(record.rollupDay, record, 1);
        current.set(record.id, record);
        writes.push(handled(store.put(record)));
      }
      return outcome;
    });
    await Promise.all(writes);
    await rollups.apply(tx);
    await tx.done;
    return outcomes;
  } catch (error) {
    // A failed request has aborted it already; an error of this code's own must abort it too,
    // or the writes issued so far would commit.
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted.
    }
    throw error;
  }
}
