import type { Kind, SiteId, Status, StoredEvent, Task } from '../event';
import type { FrugalDb } from '../store/db';
import { toStoredEvent } from '../store/events';

/**
 * The dashboard's list of prompts, newest first, a page at a time, read with
 * a cursor on the `at` index: a page costs about its own size (more when the
 * filters match rarely), never the whole history.
 */
export interface EventFilter {
  site?: SiteId;
  task?: Task;
  kind?: Kind;
  status?: Status;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
}

/** Where the previous page stopped: events sharing a start time are ordered by id. */
export interface EventCursor {
  at: number;
  id: string;
}

export interface EventPage {
  events: StoredEvent[];
  /** Pass back to get the next page; null when there is none. */
  next: EventCursor | null;
}

function matches(event: StoredEvent, filter: EventFilter): boolean {
  return (
    (filter.site === undefined || event.site === filter.site) &&
    (filter.task === undefined || event.task === filter.task) &&
    (filter.kind === undefined || event.kind === filter.kind) &&
    (filter.status === undefined || event.status === filter.status)
  );
}

export async function listEvents(db: FrugalDb, filter: EventFilter, after: EventCursor | null, limit = 50): Promise<EventPage> {
  const lower = filter.from ?? 0;
  const upper = Math.min(filter.to === undefined ? Number.MAX_SAFE_INTEGER : filter.to - 1, after?.at ?? Number.MAX_SAFE_INTEGER);
  if (upper < lower) return { events: [], next: null };
  const events: StoredEvent[] = [];
  let cursor = await db.transaction('events').store.index('at').openCursor(IDBKeyRange.bound(lower, upper), 'prev');
  while (cursor) {
    const record = cursor.value;
    const alreadyShown = after !== null && record.at === after.at && record.id >= after.id;
    if (!alreadyShown && matches(record, filter)) {
      if (events.length === limit) {
        const last = events[events.length - 1]!;
        return { events, next: { at: last.at, id: last.id } };
      }
      events.push(toStoredEvent(record));
    }
    cursor = await cursor.continue();
  }
  return { events, next: null };
}
