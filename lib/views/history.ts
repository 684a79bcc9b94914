import type { Aggregate, EstimateOptions, Footprint } from '../footprint';
import { aggregate } from '../footprint/aggregate';
import type { FrugalDb, RollupRecord } from '../store/db';
import { addDays, dayKey, dayStart, startOfWeek } from '../time';
import { rollupGroups } from './groups';

/**
 * What the dashboard shows over the whole history, from the daily rollups
 * (one record per day, site, model, kind and task: a few thousand for years
 * of use), never from the events.
 */

export interface WeekPoint {
  /** Local midnight starting the week. */
  readonly start: number;
  readonly prompts: number;
  readonly footprint: Footprint;
  /** What the simpler tools would have cost for the same prompts. */
  readonly simpler: Footprint;
}

export interface History {
  readonly rollups: readonly RollupRecord[];
  /** Every week from the first recorded one to this one, empty weeks included. */
  readonly weeks: readonly WeekPoint[];
  /** The first recorded day's local midnight; null for an empty history. */
  readonly since: number | null;
}

export const PERIODS = ['week', 'month', 'year', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** All rollups, oldest day first. */
export function readAllRollups(db: FrugalDb): Promise<RollupRecord[]> {
  return db.getAllFromIndex('rollups', 'day');
}

export function buildHistory(rollups: readonly RollupRecord[], now: number, locale: string, options: EstimateOptions): History {
  if (rollups.length === 0) return { rollups, weeks: [], since: null };
  const since = dayStart(rollups[0]!.day);
  const byWeek = new Map<number, RollupRecord[]>();
  const weekOfDay = new Map<string, number>();
  for (const rollup of rollups) {
    let week = weekOfDay.get(rollup.day);
    if (week === undefined) {
      week = startOfWeek(dayStart(rollup.day), locale);
      weekOfDay.set(rollup.day, week);
    }
    const list = byWeek.get(week);
    if (list) list.push(rollup);
    else byWeek.set(week, [rollup]);
  }
  const weeks: WeekPoint[] = [];
  for (let start = startOfWeek(since, locale); start <= now; start = addDays(start, 7)) {
    const total = aggregate(rollupGroups(byWeek.get(start) ?? []), options);
    weeks.push({ start, prompts: total.prompts, footprint: total.total, simpler: total.alternatives });
  }
  return { rollups, weeks, since };
}

/** The first day a period covers (a `YYYY-MM-DD` key), or null for all time. */
export function periodStartDay(period: Period, now: number, locale: string): string | null {
  switch (period) {
    case 'week':
      return dayKey(startOfWeek(now, locale));
    case 'month':
      return dayKey(addDays(startOfWeek(now, locale), -21));
    case 'year':
      return dayKey(addDays(now, -364));
    case 'all':
      return null;
  }
}

/** Totals and breakdowns (by site, model and task) over a period. */
export function periodTotals(history: History, period: Period, now: number, locale: string, options: EstimateOptions): Aggregate {
  const from = periodStartDay(period, now, locale);
  const rollups = from === null ? history.rollups : history.rollups.filter((rollup) => rollup.day >= from);
  return aggregate(rollupGroups(rollups), options);
}
