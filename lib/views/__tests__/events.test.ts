import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../event';
import { openFrugalDb, type FrugalDb } from '../../store/db';
import { listEvents, type EventCursor, type EventFilter } from '../events';
import { sampleHistory, storeEvents } from './sample-history';

let db: FrugalDb;
let events: StoredEvent[];
const NOW = new Date(2026, 10, 26, 15).getTime();

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFrugalDb();
  events = sampleHistory({ now: NOW, days: 40 });
  // Two prompts sent in the same millisecond: the pages must neither skip nor repeat one.
  events.push({ ...events[10]!, id: 'ffffffff-0000-4000-8000-000000000001' }, { ...events[10]!, id: '00000000-0000-4000-8000-000000000001' });
  await storeEvents(db, events);
});

async function everyPage(filter: EventFilter, limit: number): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  let after: EventCursor | null = null;
  do {
    const page = await listEvents(db, filter, after, limit);
    expect(page.events.length).toBeLessThanOrEqual(limit);
    seen.push(...page.events);
    after = page.next;
  } while (after);
  return seen;
}

const newestFirst = (list: StoredEvent[]) => [...list].sort((a, b) => b.at - a.at || b.id.localeCompare(a.id)).map((event) => event.id);

describe('listEvents', () => {
  it('pages through every prompt once, newest first', async () => {
    const seen = await everyPage({}, 7);
    expect(seen.map((event) => event.id)).toEqual(newestFirst(events));
    expect(seen[0]).not.toHaveProperty('rollupDay');
  });

  it('filters by site, task, kind, outcome and dates', async () => {
    const from = NOW - 10 * 86_400_000;
    const filter: EventFilter = { site: 'chatgpt', task: 'code', from, to: NOW };
    const expected = events.filter((event) => event.site === 'chatgpt' && event.task === 'code' && event.at >= from && event.at < NOW);
    expect(expected.length).toBeGreaterThan(2);
    expect((await everyPage(filter, 2)).map((event) => event.id)).toEqual(newestFirst(expected));
    const images = events.filter((event) => event.kind === 'image' && event.status === 'complete');
    expect((await everyPage({ kind: 'image', status: 'complete' }, 50)).length).toBe(images.length);
  });

  it('returns nothing for an empty date range', async () => {
    expect(await listEvents(db, { from: NOW, to: NOW - 1 }, null)).toEqual({ events: [], next: null });
  });
});
