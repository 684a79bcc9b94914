import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb, seed, storedEvent, uuid } from '../../csv/__tests__/helpers';
import type { StoredEvent } from '../../event';
import type { FrugalDb } from '../db';
import { countEvents, eventBatches } from '../batches';
import { storeMeasurements } from '../events';

let db: FrugalDb;
beforeEach(async () => {
  db = await freshDb();
});

const T0 = Date.UTC(2026, 0, 5, 8);

async function readAll(options: Parameters<typeof eventBatches>[1]): Promise<StoredEvent[][]> {
  const batches: StoredEvent[][] = [];
  for await (const batch of eventBatches(db, options)) batches.push(batch);
  return batches;
}

describe('eventBatches', () => {
  it('returns every event once, ordered by time then id, even when many share a millisecond', async () => {
    // Ids deliberately not in time order; eleven events at T0 + 1 straddle several batches.
    const events = [
      ...Array.from({ length: 11 }, (_, n) => storedEvent({ id: uuid(100 - n), at: T0 + 1 })),
      storedEvent({ id: uuid(1), at: T0 + 2 }),
      storedEvent({ id: uuid(2), at: T0 }),
      storedEvent({ id: uuid(3), at: T0 + 1_000 }),
    ];
    await seed(db, events);
    const batches = await readAll({ batchSize: 3 });
    expect(batches.every((batch) => batch.length <= 3 && batch.length > 0)).toBe(true);
    const read = batches.flat();
    const expected = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    expect(read.map((event) => event.id)).toEqual(expected.map((event) => event.id));
    expect(read[0]).not.toHaveProperty('rollupDay');
  });

  it('reads an inclusive time range, and counts it', async () => {
    await seed(db, [0, 1, 2, 3].map((n) => storedEvent({ id: uuid(n), at: T0 + n * 1000 })));
    const range = { from: T0 + 1000, to: T0 + 2000 };
    expect((await readAll(range)).flat().map((event) => event.id)).toEqual([uuid(1), uuid(2)]);
    expect(await countEvents(db, range)).toBe(2);
    expect(await countEvents(db)).toBe(4);
    expect(await readAll({ from: T0 + 5000, to: T0 })).toEqual([]);
  });

  it('neither repeats nor skips events when captures arrive between batches', async () => {
    await seed(db, [0, 1, 2, 3].map((n) => storedEvent({ id: uuid(10 + n), at: T0 + n })));
    const read: string[] = [];
    let added = false;
    for await (const batch of eventBatches(db, { batchSize: 2 })) {
      read.push(...batch.map((event) => event.id));
      if (!added) {
        added = true;
        // One later than everything, one at the last millisecond already read with a higher id.
        await storeMeasurements(db, 'chatgpt', [
          storedEvent({ id: uuid(90), at: T0 + 10 }),
          storedEvent({ id: uuid(91), at: T0 + 1 }),
        ]);
      }
    }
    expect(read).toEqual([uuid(10), uuid(11), uuid(91), uuid(12), uuid(13), uuid(90)]);
  });
});
