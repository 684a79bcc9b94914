import type { SiteId } from '../event';
import type { FrugalDb } from '../store/db';
import { groupSums, readRollups } from '../store/rollups';
import { dayKey, startOfWeek } from '../time';

export interface WeekBySite {
  /** Local midnight the week started. */
  start: number;
  total: number;
  sites: { site: SiteId; prompts: number }[];
}

/** This week's prompt count per site, read from the daily rollups (O(days), not O(events)). */
export async function loadWeekBySite(db: FrugalDb, now: number, locale: string): Promise<WeekBySite> {
  const start = startOfWeek(now, locale);
  const rollups = await readRollups(db, dayKey(start), dayKey(now));
  const bySite = groupSums(rollups, (rollup) => rollup.site);
  const sites = [...bySite]
    .map(([site, sums]) => ({ site, prompts: sums.count }))
    .sort((a, b) => b.prompts - a.prompts || a.site.localeCompare(b.site));
  return { start, total: sites.reduce((sum, entry) => sum + entry.prompts, 0), sites };
}
