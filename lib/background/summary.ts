import type { EstimateOptions } from '../footprint';
import { aggregate } from '../footprint/aggregate';
import type { Range } from '../footprint/range';
import type { FrugalDb } from '../store/db';
import { readRollups } from '../store/rollups';
import { addDays, dayKey, startOfWeek } from '../time';
import { rollupGroups } from '../views/groups';

/**
 * The weekly summary: when a new week starts, a short digest of the week
 * that ended, kept in storage.local until the popup shows it (the toolbar
 * badge says one is waiting; a notification too, if the user opted in).
 * Computed from the rollups of two weeks, so it costs the same whatever the
 * history's length.
 */
export interface WeeklySummary {
  /** Local midnight starting the summarised week. */
  readonly weekStart: number;
  readonly prompts: number;
  readonly energyWh: Range;
  readonly co2g: Range;
  readonly waterMl: Range;
  /** What the simpler tools would have used for the same prompts. */
  readonly simplerEnergyWh: Range;
  /** The week before it, for the change. */
  readonly previousPrompts: number;
  readonly previousEnergyWh: number;
  /** The popup showed it; no badge then. */
  readonly seen: boolean;
}

export const SUMMARY_KEY = 'weeklySummary';

/** The start of the week that ended most recently. */
export function lastWeekStart(now: number, locale: string): number {
  return addDays(startOfWeek(now, locale), -7);
}

export async function summarizeWeek(db: FrugalDb, weekStart: number, options: EstimateOptions): Promise<WeeklySummary> {
  const previousStart = addDays(weekStart, -7);
  const rollups = await readRollups(db, dayKey(previousStart), dayKey(addDays(weekStart, 6)));
  const inWeek = rollups.filter((rollup) => rollup.day >= dayKey(weekStart));
  const before = rollups.filter((rollup) => rollup.day < dayKey(weekStart));
  const week = aggregate(rollupGroups(inWeek), options);
  const previous = aggregate(rollupGroups(before), options);
  return {
    weekStart,
    prompts: week.prompts,
    energyWh: week.total.energyWh,
    co2g: week.total.co2g,
    waterMl: week.total.waterMl.total,
    simplerEnergyWh: week.alternatives.energyWh,
    previousPrompts: previous.prompts,
    previousEnergyWh: previous.total.energyWh.central,
    // An empty week is recorded (so it is not recomputed) but announces nothing.
    seen: week.prompts === 0,
  };
}

export interface SummaryStore {
  read(): Promise<WeeklySummary | null>;
  write(summary: WeeklySummary): Promise<void>;
}

/**
 * Makes the summary of the week that just ended, once per week. Resolves with
 * it when it is new and has something to say, else null.
 */
export async function refreshWeeklySummary(
  db: FrugalDb,
  store: SummaryStore,
  now: number,
  locale: string,
  options: EstimateOptions,
): Promise<WeeklySummary | null> {
  const weekStart = lastWeekStart(now, locale);
  const stored = await store.read();
  if (stored && stored.weekStart >= weekStart) return null;
  const summary = await summarizeWeek(db, weekStart, options);
  await store.write(summary);
  return summary.seen ? null : summary;
}
