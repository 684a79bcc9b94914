/**
 * A quantity known only within bounds. `low` and `high` are bounds, not a
 * confidence interval: each assumes every uncertain factor at the same end.
 * All quantities here are non-negative, so products and sums of ranges stay
 * ordered (low <= central <= high) when taken end by end.
 */
export interface Range {
  readonly low: number;
  readonly central: number;
  readonly high: number;
}

export const ZERO: Range = { low: 0, central: 0, high: 0 };

export function range(low: number, central: number, high: number): Range {
  return { low, central, high };
}

/** A value known exactly (or with no published spread). */
export function exactly(value: number): Range {
  return { low: value, central: value, high: value };
}

/** A published span with no central figure: the geometric mean sits in the middle of a ratio scale. */
export function span(low: number, high: number): Range {
  return { low, central: Math.sqrt(low * high), high };
}

export function add(a: Range, b: Range): Range {
  return { low: a.low + b.low, central: a.central + b.central, high: a.high + b.high };
}

export function sum(ranges: Iterable<Range>): Range {
  let total = ZERO;
  for (const item of ranges) total = add(total, item);
  return total;
}

/** End-by-end product: lows with lows, highs with highs (both ranges non-negative). */
export function times(a: Range, b: Range): Range {
  return { low: a.low * b.low, central: a.central * b.central, high: a.high * b.high };
}

export function scale(a: Range, factor: number): Range {
  return { low: a.low * factor, central: a.central * factor, high: a.high * factor };
}

/** Divides the bounds and multiplies them out, keeping the central value: used for unknown models. */
export function widen(a: Range, factor: number): Range {
  return { low: a.low / factor, central: a.central, high: a.high * factor };
}
