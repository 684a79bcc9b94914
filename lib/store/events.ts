import type { Measurement, SiteId, Status, StoredEvent } from '../event';
import { dayKey } from '../time';
import type { EventRecord, FrugalDb } from './db';
import { applyToRollup } from './rollups';

export type WriteOutcome = 'added' | 'updated' | 'unchanged' | 'rejected';

const STATUS_RANK: Record<Status, number> = { interrupted: 0, error: 1, complete: 2 };

/**
 * Whether `next` is a more advanced measurement of the same turn than `current`.
 * A turn is sent when it opens, when it ends and again if it is resumed; each
 * later measurement ran longer and counted at least as much. Ordering by that,
 * rather than by arrival, makes writes idempotent and order-independent: a
 * retried or late provisional record never overwrites the final one.
 */
export function supersedes(next: Measurement, current: Measurement): boolean {
  if (next.durationMs !== current.durationMs) return next.durationMs > current.durationMs;
  const nextChars = next.outputChars + next.reasoningChars;
  const currentChars = current.outputChars + current.reasoningChars;
  if (nextChars !== currentChars) return nextChars > currentChars;
  if (next.images !== current.images) return next.images > current.images;
  return STATUS_RANK[next.status] > STATUS_RANK[current.status];
}

/**
 * Store measurements from one site in a single transaction: new ids are added,
 * known ids updated when the new measurement supersedes the stored one, and the
 * daily rollups follow in the same transaction. Resolves after the commit.
 * An id stored for another site, or with another start time, is rejected: a
 * forged update can never move or re-label an event.
 */
export async function storeMeasurements(
  db: FrugalDb,
  site: SiteId,
  measurements: readonly Measurement[],
): Promise<Map<string, WriteOutcome>> {
  const outcomes = new Map<string, WriteOutcome>();
  const tx = db.transaction(['events', 'rollups'], 'readwrite', { durability: 'strict' });
  const events = tx.objectStore('events');
  for (const measurement of measurements) {
    const event: StoredEvent = { ...measurement, site };
    const existing = await events.get(event.id);
    if (existing && (existing.site !== site || existing.at !== event.at)) {
      outcomes.set(event.id, 'rejected');
      continue;
    }
    if (existing && !supersedes(event, existing)) {
      outcomes.set(event.id, 'unchanged');
      continue;
    }
    if (existing) await applyToRollup(tx, existing.rollupDay, existing, -1);
    const record: EventRecord = { ...event, rollupDay: existing?.rollupDay ?? dayKey(event.at) };
    await events.put(record);
    await applyToRollup(tx, record.rollupDay, record, 1);
    outcomes.set(event.id, existing ? 'updated' : 'added');
  }
  await tx.done;
  return outcomes;
}

/** Remove one event and its share of its day's rollup. Resolves true if it existed. */
export async function deleteEvent(db: FrugalDb, id: string): Promise<boolean> {
  const tx = db.transaction(['events', 'rollups'], 'readwrite', { durability: 'strict' });
  const existing = await tx.objectStore('events').get(id);
  if (existing) {
    await applyToRollup(tx, existing.rollupDay, existing, -1);
    await tx.objectStore('events').delete(id);
  }
  await tx.done;
  return existing !== undefined;
}

/** The stored event without the internal rollup day. */
export function toStoredEvent({ rollupDay: _day, ...event }: EventRecord): StoredEvent {
  return event;
}

export async function getEvents(db: FrugalDb, from = -Infinity, to = Infinity): Promise<StoredEvent[]> {
  const range = Number.isFinite(from) || Number.isFinite(to)
    ? IDBKeyRange.bound(Number.isFinite(from) ? from : 0, Number.isFinite(to) ? to : Number.MAX_SAFE_INTEGER)
    : undefined;
  const records = await db.getAllFromIndex('events', 'at', range);
  return records.map(toStoredEvent);
}
