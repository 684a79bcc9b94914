import type { Aggregate, EstimateOptions, Group } from '../footprint';
import { addSums, emptySums } from '../event';
import type { RollupRecord } from '../store/db';
import type { Settings } from '../settings';

/**
 * Rollups to the groups the footprint model prices. Days of the same (site,
 * model, kind, task) are summed first: the estimate is linear in the sums, so
 * one estimate per key is exact and far cheaper than one per day.
 */
export function rollupGroups(rollups: Iterable<RollupRecord>): Group[] {
  const groups = new Map<string, { key: Group['key']; sums: Group['sums'] }>();
  for (const rollup of rollups) {
    const id = `${rollup.site}\u0000${rollup.model}\u0000${rollup.kind}\u0000${rollup.task}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        key: { site: rollup.site, model: rollup.model === '' ? null : rollup.model, kind: rollup.kind, task: rollup.task },
        sums: emptySums(),
      };
      groups.set(id, group);
    }
    addSums(group.sums, rollup);
  }
  return [...groups.values()];
}

/** The footprint options a user's settings ask for. */
export function estimateOptions(settings: Pick<Settings, 'region'>): EstimateOptions {
  return { region: settings.region };
}

/** How many times more the AI used than the simpler tools, by central energy; null when nothing to compare. */
export function simplerToolsRatio(total: Aggregate): number | null {
  const ai = total.total.energyWh.central;
  const simpler = total.alternatives.energyWh.central;
  return ai > 0 && simpler > 0 ? ai / simpler : null;
}
