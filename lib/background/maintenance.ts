import type { FrugalDb } from '../store/db';
import { applyToRollup } from '../store/rollups';

/**
 * Deleting history, in the background (which makes every capture and deletion). Events leave with
 * their share of their day's rollup, as `deleteEvent` does, so the rollups
 * always equal the sum of the events that remain.
 */

/** Events per transaction: a long prune must not hold the database for seconds. */
const PRUNE_BATCH = 500;

/** Delete every event that started before `cutoff` (epoch ms). Resolves with how many were deleted. */
export async function deleteEventsBefore(db: FrugalDb, cutoff: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const tx = db.transaction(['events', 'rollups'], 'readwrite', { durability: 'strict' });
    const old = await tx.objectStore('events').index('at').getAll(IDBKeyRange.upperBound(cutoff, true), PRUNE_BATCH);
    for (const record of old) {
      await applyToRollup(tx, record.rollupDay, record, -1);
      await tx.objectStore('events').delete(record.id);
    }
    await tx.done;
    deleted += old.length;
    if (old.length < PRUNE_BATCH) return deleted;
  }
}

/** Delete every event, rollup and health record, in one transaction. Resolves with how many events there were. */
export async function deleteEverything(db: FrugalDb): Promise<number> {
  const tx = db.transaction(['events', 'rollups', 'health'], 'readwrite', { durability: 'strict' });
  const events = await tx.objectStore('events').count();
  await Promise.all([tx.objectStore('events').clear(), tx.objectStore('rollups').clear(), tx.objectStore('health').clear()]);
  await tx.done;
  return events;
}
