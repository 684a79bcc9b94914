import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEstimate, SIGNIFICANT_DIGITS } from '../decimal';

describe('formatEstimate', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [0.1, '0.1'],
    [0.2844, '0.2844'],
    [14.5937, '14.59'],
    [1234.5, '1235'],
    [12_345_678, '12350000'],
    [0.000001234, '0.000001234'],
    [1.5e-9, '0.0000000015'],
    [9.9996, '10'],
    [99_996, '100000'],
  ])('%d -> %s', (value, text) => {
    expect(formatEstimate(value)).toBe(text);
  });

  it('writes 0 for what cannot be an estimate (negative, NaN, infinite)', () => {
    expect(formatEstimate(-1)).toBe('0');
    expect(formatEstimate(Number.NaN)).toBe('0');
    expect(formatEstimate(Number.POSITIVE_INFINITY)).toBe('0');
  });

  it('gives exactly what Intl.NumberFormat gives, for any magnitude an estimate can take', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumSignificantDigits: SIGNIFICANT_DIGITS, useGrouping: false });
    fc.assert(
      fc.property(fc.double({ min: 1e-15, max: 1e15, noNaN: true }), (value) => formatEstimate(value) === intl.format(value)),
      { numRuns: 20_000 },
    );
  });
});
