import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../event';
import { addFootprints, EMPTY_FOOTPRINT, estimateEvent } from '../../footprint';
import { openFrugalDb, type FrugalDb } from '../../store/db';
import { updateHealth } from '../../store/health';
import { addDays, startOfWeek } from '../../time';
import { loadPopupView } from '../popup';
import { sampleHistory, storeEvents } from './sample-history';

let db: FrugalDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFrugalDb();
});

function totalOf(events: readonly StoredEvent[], region?: 'WORLD') {
  return events.reduce((sum, event) => addFootprints(sum, estimateEvent(event, { region })), EMPTY_FOOTPRINT);
}

// Thursday 26 November 2026, 15:00 local time.
const NOW = new Date(2026, 10, 26, 15).getTime();

describe('loadPopupView', () => {
  it('shows the first-run view on an empty history', async () => {
    const view = await loadPopupView(db, NOW, 'es-ES', {});
    expect(view.hasHistory).toBe(false);
    expect(view.thisWeek.prompts).toBe(0);
    expect(view.days).toHaveLength(7);
  });

  it("totals this week from rollups exactly as the events' own estimates", async () => {
    const events = sampleHistory({ now: NOW, days: 60 });
    await storeEvents(db, events);
    for (const [locale, region] of [['es-ES', undefined], ['en-US', 'WORLD']] as const) {
      const view = await loadPopupView(db, NOW, locale, { region });
      const weekStart = startOfWeek(NOW, locale);
      const thisWeek = events.filter((event) => event.at >= weekStart);
      expect(view.weekStart).toBe(weekStart);
      expect(view.thisWeek.prompts).toBe(thisWeek.length);
      const expected = totalOf(thisWeek, region);
      expect(view.thisWeek.total.energyWh.central).toBeCloseTo(expected.energyWh.central, 9);
      expect(view.thisWeek.total.co2g.high).toBeCloseTo(expected.co2g.high, 9);
      expect(view.thisWeek.total.waterMl.total.low).toBeCloseTo(expected.waterMl.total.low, 9);
      expect(view.days.reduce((sum, day) => sum + day.prompts, 0)).toBe(thisWeek.length);
    }
  });

  it('compares with the same days of last week, and marks days still to come', async () => {
    const events = sampleHistory({ now: NOW, days: 30 });
    await storeEvents(db, events);
    const view = await loadPopupView(db, NOW, 'es-ES', {});
    // Monday to Thursday so far.
    expect(view.daysSoFar).toBe(4);
    expect(view.days.map((day) => day.past)).toEqual([true, true, true, true, false, false, false]);
    const lastMonday = addDays(view.weekStart, -7);
    const lastFriday = addDays(view.weekStart, -3);
    const sameDays = events.filter((event) => event.at >= lastMonday && event.at < lastFriday);
    expect(view.sameDaysLastWeek.prompts).toBe(sameDays.length);
    expect(view.sameDaysLastWeek.total.energyWh.central).toBeCloseTo(totalOf(sameDays).energyWh.central, 9);
  });

  it('lists the sites whose detector needs an update', async () => {
    await storeEvents(db, sampleHistory({ now: NOW, days: 3 }));
    await updateHealth(db, 'claude', (health) => ({ ...health, missed: 5 }));
    await updateHealth(db, 'gemini', (health) => ({ ...health, lastDetectionAt: NOW }));
    const view = await loadPopupView(db, NOW, 'es-ES', {});
    expect(view.needsUpdate).toEqual(['claude']);
    expect(view.hasHistory).toBe(true);
  });

  it('knows there is history even when the last two weeks are empty', async () => {
    await storeEvents(db, sampleHistory({ now: addDays(NOW, -40), days: 5 }));
    const view = await loadPopupView(db, NOW, 'es-ES', {});
    expect(view.thisWeek.prompts).toBe(0);
    expect(view.hasHistory).toBe(true);
  });
});
