import type { Range } from '../lib/footprint/range';

/**
 * Where the central estimate sits between the low and high bounds, on a
 * logarithmic scale (the bounds are factors apart, not amounts apart). The
 * numbers are always written next to it; the bar only adds their shape, so
 * it is hidden from screen readers.
 */
export function centralPosition(range: Range): number {
  if (!(range.low > 0) || !(range.high > range.low)) return 0.5;
  const position = Math.log(range.central / range.low) / Math.log(range.high / range.low);
  return Math.min(1, Math.max(0, position));
}

export function RangeBar({ range }: { range: Range }) {
  const x = 2 + centralPosition(range) * 96;
  return (
    <svg class="range-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="span" x="0" y="2" width="100" height="6" rx="3" />
      <rect class="mark" x={x - 1.5} y="0" width="3" height="10" rx="1" />
    </svg>
  );
}
