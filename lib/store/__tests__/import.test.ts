import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb, storedEvent, sumsOfStore, uuid } from '../../csv/__tests__/helpers';
import { dayKey } from '../../time';
import type { FrugalDb } from '../db';
import { getEvents, storeMeasurements } from '../events';
import { importEvents, mergeOutcome, planImport } from '../import';
import { readRollups } from '../rollups';

let db: FrugalDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const stored = storedEvent({ durationMs: 5000, outputChars: 800, detector: 'dom', adapterVersion: 7 });

describe('mergeOutcome', () => {
  it('adds a new id', () => {
    expect(mergeOutcome(undefined, stored)).toBe('add');
  });

  it('keeps the stored event when the file has the same or a less advanced measurement', () => {
    expect(mergeOutcome(stored, stored)).toBe('keep');
    expect(mergeOutcome(stored, { ...stored, durationMs: 10, status: 'interrupted' })).toBe('keep');
    // An edited label without more measurement is not an update.
    expect(mergeOutcome(stored, { ...stored, model: 'other' })).toBe('keep');
  });

  it('updates when the file has a more advanced measurement of the same prompt', () => {
    expect(mergeOutcome(stored, { ...stored, durationMs: 9000 })).toBe('update');
  });

  it('is a conflict when the id is stored with another site or start time', () => {
    expect(mergeOutcome(stored, { ...stored, site: 'claude', durationMs: 9000 })).toBe('conflict');
    expect(mergeOutcome(stored, { ...stored, at: stored.at + 1 })).toBe('conflict');
  });
});

describe('importEvents', () => {
  it('adds, updates, keeps and refuses conflicts, in one go, and reports each', async () => {
    await importEvents(db, [stored, storedEvent({ id: uuid(2) }), storedEvent({ id: uuid(3) })]);
    const incoming = [
      storedEvent({ id: uuid(9), at: stored.at + 60_000 }),
      { ...stored, durationMs: 9000, outputChars: 1200, detector: 'network' as const, adapterVersion: 1 },
      storedEvent({ id: uuid(2) }),
      storedEvent({ id: uuid(3), site: 'claude' }),
    ];
    expect(await planImport(db, incoming)).toEqual(['add', 'update', 'keep', 'conflict']);
    expect(await importEvents(db, incoming)).toEqual(['add', 'update', 'keep', 'conflict']);
    const events = new Map((await getEvents(db)).map((event) => [event.id, event]));
    expect(events.size).toBe(4);
    // The update takes the measurement and keeps what the CSV does not carry.
    expect(events.get(stored.id)).toMatchObject({ durationMs: 9000, outputChars: 1200, detector: 'dom', adapterVersion: 7 });
    expect(events.get(uuid(3))!.site).toBe('chatgpt');
    const sums = await sumsOfStore(db);
    expect(sums.rollups).toEqual(sums.events);
  });

  it('changes nothing when the same events are imported again', async () => {
    const events = [stored, storedEvent({ id: uuid(2), at: stored.at + 86_400_000, model: null })];
    await importEvents(db, events);
    const before = { events: await db.getAll('events'), rollups: await db.getAll('rollups') };
    expect(await importEvents(db, events)).toEqual(['keep', 'keep']);
    expect({ events: await db.getAll('events'), rollups: await db.getAll('rollups') }).toEqual(before);
  });

  it('counts new events in their local day, and moves an updated one between rollups', async () => {
    await importEvents(db, [stored]);
    await importEvents(db, [{ ...stored, durationMs: 9000, model: 'gpt-5-2-thinking', task: 'code' }]);
    const rollups = await readRollups(db, dayKey(stored.at), dayKey(stored.at));
    expect(rollups).toHaveLength(1);
    expect(rollups[0]).toMatchObject({ model: 'gpt-5-2-thinking', task: 'code', count: 1 });
  });

  it('keeps rollups equal to the sums of events when captures and imports interleave', async () => {
    const capture = storedEvent({ id: uuid(5), durationMs: 100, status: 'interrupted' });
    await Promise.all([
      storeMeasurements(db, 'chatgpt', [capture]),
      importEvents(db, [{ ...capture, durationMs: 7000, status: 'complete' }, storedEvent({ id: uuid(6) })]),
      storeMeasurements(db, 'chatgpt', [{ ...capture, durationMs: 3000 }]),
    ]);
    expect((await getEvents(db)).find((event) => event.id === uuid(5))!.durationMs).toBe(7000);
    const sums = await sumsOfStore(db);
    expect(sums.rollups).toEqual(sums.events);
  });

  it('writes nothing when a write fails midway', async () => {
    await importEvents(db, [stored]);
    const before = { events: await db.getAll('events'), rollups: await db.getAll('rollups') };
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 50) throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const many = Array.from({ length: 100 }, (_, n) => storedEvent({ id: uuid(100 + n), at: stored.at + n }));
    await expect(importEvents(db, many)).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect({ events: await db.getAll('events'), rollups: await db.getAll('rollups') }).toEqual(before);
  });

  it('writes nothing when the database refuses a record', async () => {
    const many = Array.from({ length: 20 }, (_, n) => storedEvent({ id: uuid(100 + n), at: stored.at + n }));
    // A key the database cannot store, in the middle of valid events.
    many[10] = { ...many[10]!, id: undefined as unknown as string };
    await expect(importEvents(db, many)).rejects.toThrow();
    expect(await db.count('events')).toBe(0);
    expect(await db.count('rollups')).toBe(0);
  });
});
