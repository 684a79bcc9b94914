import type { SiteId } from '../event';
import type { Aggregate, EstimateOptions, Footprint } from '../footprint';
// Modules, not the index: pages bundle only what they use (the index also brings the validation scenarios).
import { aggregate } from '../footprint/aggregate';
import { healthStatus } from '../health';
import type { FrugalDb, RollupRecord } from '../store/db';
import { readHealth } from '../store/health';
import { readRollups } from '../store/rollups';
import { addDays, dayKey, startOfDay, startOfWeek } from '../time';
import { rollupGroups } from './groups';

/**
 * What the popup shows, read from the daily rollups of this week and last
 * week only: at most 14 days of rollups whatever the length of the history,
 * so the popup opens as fast with ten years of use as with none.
 */

export interface DayTotal {
  /** Local midnight. */
  readonly start: number;
  readonly prompts: number;
  readonly footprint: Footprint;
  /** False for days of the week still to come. */
  readonly past: boolean;
}

export interface PopupView {
  readonly weekStart: number;
  readonly thisWeek: Aggregate;
  /** The seven days of this week, in order. */
  readonly days: readonly DayTotal[];
  /** Days of this week so far, today included (1–7). */
  readonly daysSoFar: number;
  /** Last week over the same days (its first `daysSoFar` days), to compare like with like. */
  readonly sameDaysLastWeek: Aggregate;
  /** Whether anything was ever recorded (the first-run view when not). */
  readonly hasHistory: boolean;
  /** Sites whose detector needs an update, by the page witness. */
  readonly needsUpdate: readonly SiteId[];
}

async function anyRollup(db: FrugalDb): Promise<boolean> {
  const cursor = await db.transaction('rollups').store.openKeyCursor();
  return cursor !== null;
}

export async function loadPopupView(
  db: FrugalDb,
  now: number,
  locale: string,
  options: EstimateOptions,
): Promise<PopupView> {
  const weekStart = startOfWeek(now, locale);
  const lastWeekStart = addDays(weekStart, -7);
  const today = startOfDay(now);
  const [rollups, health] = await Promise.all([readRollups(db, dayKey(lastWeekStart), dayKey(now)), readHealth(db)]);
  const hasHistory = rollups.length > 0 || (await anyRollup(db));

  const thisWeekDays = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
  const daysSoFar = thisWeekDays.filter((start) => start <= today).length;
  const byDay = new Map<string, RollupRecord[]>();
  for (const rollup of rollups) {
    const list = byDay.get(rollup.day);
    if (list) list.push(rollup);
    else byDay.set(rollup.day, [rollup]);
  }
  const rollupsOn = (starts: readonly number[]): RollupRecord[] => starts.flatMap((start) => byDay.get(dayKey(start)) ?? []);

  const days = thisWeekDays.map((start): DayTotal => {
    const total = aggregate(rollupGroups(rollupsOn([start])), options);
    return { start, prompts: total.prompts, footprint: total.total, past: start <= today };
  });
  const lastWeekSoFar = Array.from({ length: daysSoFar }, (_, index) => addDays(lastWeekStart, index));

  return {
    weekStart,
    thisWeek: aggregate(rollupGroups(rollupsOn(thisWeekDays)), options),
    days,
    daysSoFar,
    sameDaysLastWeek: aggregate(rollupGroups(rollupsOn(lastWeekSoFar)), options),
    hasHistory,
    needsUpdate: health.filter((entry) => healthStatus(entry) === 'needs-update').map((entry) => entry.site),
  };
}
