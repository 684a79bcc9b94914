import type { StoredEvent } from '../event';
import type { EventRecord, FrugalDb } from './db';
import { toStoredEvent } from './events';

/**
 * Read events in time order, in batches, each batch in its own short
 * transaction: a long export never holds the database (captures keep being
 * stored meanwhile) and never holds the whole history in memory twice.
 *
 * Batches are `getAll` calls on the `at` index, much cheaper per record than
 * a cursor's `continue()`. The index orders by (at, id); a batch resumes at
 * the last time read, asking for as many extra records as it already
 * returned at that same millisecond, and skips those.
 */

export interface BatchOptions {
  /** Epoch ms, inclusive; the whole history when absent. */
  readonly from?: number;
  readonly to?: number;
  readonly batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 2_000;

function timeRange(from: number, to: number): IDBKeyRange {
  return IDBKeyRange.bound(from, to);
}

export function countEvents(db: FrugalDb, options: BatchOptions = {}): Promise<number> {
  return db.countFromIndex('events', 'at', timeRange(options.from ?? 0, options.to ?? Number.MAX_SAFE_INTEGER));
}

export async function* eventBatches(db: FrugalDb, options: BatchOptions = {}): AsyncGenerator<StoredEvent[], void, undefined> {
  const to = options.to ?? Number.MAX_SAFE_INTEGER;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let lower = options.from ?? 0;
  if (lower > to) return;
  let last: EventRecord | null = null;
  /** Records at `last.at` with an id up to `last.id`: already returned. */
  let alreadyRead = 0;

  for (;;) {
    const want = batchSize + alreadyRead;
    const records = await db.getAllFromIndex('events', 'at', timeRange(lower, to), want);
    const seen = last;
    const fresh = seen ? records.filter((record) => record.at !== seen.at || record.id > seen.id) : records;
    if (fresh.length > 0) yield fresh.map(toStoredEvent);
    if (records.length < want) return;
    const newest = records[records.length - 1]!;
    last = newest;
    lower = newest.at;
    alreadyRead = records.filter((record) => record.at === newest.at).length;
  }
}
