import type { EquivalentCount, Footprint } from '../footprint';
import { equivalentsOf } from '../footprint/equivalents';

/**
 * The one everyday equivalent to show: the largest unit that still counts
 * at least one (1.2 hours of an LED bulb rather than 72 minutes' worth of
 * teaspoons), or, for a very small footprint, the one closest to one.
 */
export function pickEquivalent(footprint: Footprint): EquivalentCount | null {
  const candidates = equivalentsOf(footprint).filter((entry) => entry.count.central > 0);
  if (candidates.length === 0) return null;
  const whole = candidates.filter((entry) => entry.count.central >= 1);
  const pool = whole.length > 0 ? whole : candidates;
  const better = (a: EquivalentCount, b: EquivalentCount): EquivalentCount =>
    whole.length > 0 ? (b.count.central < a.count.central ? b : a) : b.count.central > a.count.central ? b : a;
  return pool.reduce(better);
}
