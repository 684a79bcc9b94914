import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { validMeasurement } from '../../capture/__tests__/fakes';
import { emptySums, sumsOf, addSums } from '../../event';
import { dayKey } from '../../time';
import { openFrugalDb, type FrugalDb } from '../db';
import { deleteEvent, getEvents, storeMeasurements, supersedes } from '../events';
import { readRollups } from '../rollups';

let db: FrugalDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFrugalDb();
});

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AT = Date.UTC(2026, 10, 26, 12);

describe('storeMeasurements', () => {
  it('adds new events with the site and counts them in the day rollup', async () => {
    const outcomes = await storeMeasurements(db, 'chatgpt', [
      validMeasurement({ id: id(1), at: AT }),
      validMeasurement({ id: id(2), at: AT + 1000, outputChars: 100 }),
    ]);
    expect([...outcomes.values()]).toEqual(['added', 'added']);
    const events = await getEvents(db);
    expect(events.map((event) => event.site)).toEqual(['chatgpt', 'chatgpt']);
    expect(events[0]).not.toHaveProperty('rollupDay');
    const [rollup] = await readRollups(db, dayKey(AT), dayKey(AT));
    expect(rollup).toMatchObject({ day: dayKey(AT), site: 'chatgpt', model: 'gpt-5-3', count: 2, outputChars: 900 });
  });

  it('is idempotent: the same measurement twice changes nothing', async () => {
    await storeMeasurements(db, 'chatgpt', [validMeasurement({ id: id(1), at: AT })]);
    const again = await storeMeasurements(db, 'chatgpt', [validMeasurement({ id: id(1), at: AT })]);
    expect(again.get(id(1))).toBe('unchanged');
    expect(await getEvents(db)).toHaveLength(1);
    expect((await readRollups(db, dayKey(AT), dayKey(AT)))[0]!.count).toBe(1);
  });

  it('replaces a provisional measurement with the final one, and moves it between rollups', async () => {
    const provisional = validMeasurement({ id: id(1), at: AT, durationMs: 50, status: 'interrupted', model: 'auto', outputChars: 0 });
    const final = validMeasurement({ id: id(1), at: AT, durationMs: 9000, model: 'gpt-5-3', outputChars: 640 });
    await storeMeasurements(db, 'chatgpt', [provisional]);
    expect((await storeMeasurements(db, 'chatgpt', [final])).get(id(1))).toBe('updated');
    // A late retry of the provisional one does not undo the final one.
    expect((await storeMeasurements(db, 'chatgpt', [provisional])).get(id(1))).toBe('unchanged');
    expect(await getEvents(db)).toEqual([{ ...final, site: 'chatgpt' }]);
    const rollups = await readRollups(db, dayKey(AT), dayKey(AT));
    expect(rollups).toHaveLength(1);
    expect(rollups[0]).toMatchObject({ model: 'gpt-5-3', count: 1, outputChars: 640, complete: 1, interrupted: 0 });
  });

  it('rejects an update that would move an event to another site or time', async () => {
    await storeMeasurements(db, 'chatgpt', [validMeasurement({ id: id(1), at: AT })]);
    const forged = validMeasurement({ id: id(1), at: AT, durationMs: 999_999, outputChars: 10_000_000 });
    expect((await storeMeasurements(db, 'claude', [forged])).get(id(1))).toBe('rejected');
    expect((await storeMeasurements(db, 'chatgpt', [{ ...forged, at: AT + 5 }])).get(id(1))).toBe('rejected');
    expect((await getEvents(db))[0]).toMatchObject({ site: 'chatgpt', outputChars: 800 });
  });

  it('keeps rollups equal to the sums of the events, whatever the order of writes', async () => {
    const versions = [
      validMeasurement({ id: id(1), at: AT, durationMs: 10, outputChars: 0, status: 'interrupted' }),
      validMeasurement({ id: id(1), at: AT, durationMs: 500, outputChars: 300 }),
      validMeasurement({ id: id(2), at: AT + 86_400_000, durationMs: 10, model: null }),
      validMeasurement({ id: id(2), at: AT + 86_400_000, durationMs: 20, model: null, images: 2, kind: 'image', task: 'image' }),
      validMeasurement({ id: id(3), at: AT, inputTokens: 5000 }),
    ];
    for (const order of [versions, [...versions].reverse()]) {
      globalThis.indexedDB = new IDBFactory();
      db = await openFrugalDb();
      for (const version of order) await storeMeasurements(db, 'chatgpt', [version]);
      const events = await getEvents(db);
      const expected = events.reduce((sums, event) => addSums(sums, sumsOf(event)), emptySums());
      const rollups = await readRollups(db, '0000-00-00', '9999-99-99');
      const actual = rollups.reduce((sums, rollup) => addSums(sums, rollup), emptySums());
      expect(actual).toEqual(expected);
      expect(events.map((event) => event.durationMs).sort()).toEqual([20, 500, 5200]);
      expect(rollups.find((rollup) => rollup.model === '')).toMatchObject({ kind: 'image', images: 2 });
    }
  });
});

describe('deleteEvent', () => {
  it('removes the event and its share of the rollup, dropping an emptied rollup', async () => {
    await storeMeasurements(db, 'chatgpt', [validMeasurement({ id: id(1), at: AT }), validMeasurement({ id: id(2), at: AT })]);
    expect(await deleteEvent(db, id(1))).toBe(true);
    expect((await readRollups(db, dayKey(AT), dayKey(AT)))[0]!.count).toBe(1);
    expect(await deleteEvent(db, id(2))).toBe(true);
    expect(await readRollups(db, dayKey(AT), dayKey(AT))).toEqual([]);
    expect(await deleteEvent(db, id(2))).toBe(false);
  });
});

describe('supersedes', () => {
  it('orders measurements of one turn by progress, not arrival', () => {
    const base = validMeasurement();
    expect(supersedes({ ...base, durationMs: base.durationMs + 1 }, base)).toBe(true);
    expect(supersedes(base, { ...base, durationMs: base.durationMs + 1 })).toBe(false);
    expect(supersedes({ ...base, outputChars: base.outputChars + 1 }, base)).toBe(true);
    expect(supersedes({ ...base, status: 'complete' }, { ...base, status: 'interrupted' })).toBe(true);
    expect(supersedes(base, base)).toBe(false);
  });
});
