import fc from 'fast-check';
import { encode } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { measureText, TextTally } from '../tokens';
import { HELD_OUT_SAMPLES, TOKEN_SAMPLES } from './token-samples';

/** Estimated vs o200k_base (gpt-tokenizer) for each sample, printed so the error is visible. */
function compare(samples: Record<string, string>) {
  const rows = Object.entries(samples).map(([name, text]) => {
    const real = encode(text).length;
    const estimate = measureText(text).tokens;
    return { name, real, estimate, error: estimate / real - 1 };
  });
  const real = rows.reduce((sum, row) => sum + row.real, 0);
  const estimate = rows.reduce((sum, row) => sum + row.estimate, 0);
  console.table(rows.map((row) => ({ ...row, error: `${(row.error * 100).toFixed(1)}%` })));
  return { rows, total: estimate / real - 1 };
}

describe('token estimate against a real tokenizer (o200k_base)', () => {
  it('stays within 20% per sample and 5% overall on the samples it was fitted on', () => {
    const { rows, total } = compare(TOKEN_SAMPLES);
    for (const row of rows) expect(Math.abs(row.error), row.name).toBeLessThan(0.2);
    expect(Math.abs(total)).toBeLessThan(0.05);
  });

  it('stays within 25% per sample and 10% overall on held-out samples', () => {
    const { rows, total } = compare(HELD_OUT_SAMPLES);
    for (const row of rows) expect(Math.abs(row.error), row.name).toBeLessThan(0.25);
    expect(Math.abs(total)).toBeLessThan(0.1);
  });
});

describe('TextTally', () => {
  it('counts characters as code points (an emoji is one)', () => {
    expect(measureText('a😂b').chars).toBe(3);
    expect(measureText('¿qué?').chars).toBe(5);
    expect(measureText('').tokens).toBe(0);
  });

  it('gives the same count however the text is split into chunks', () => {
    const texts = [...Object.values(TOKEN_SAMPLES), ...Object.values(HELD_OUT_SAMPLES)];
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.nat(), { maxLength: 20 }), (text, cuts) => {
        const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const tally = new TextTally();
        let start = 0;
        for (const position of positions) {
          tally.add(text.slice(start, position));
          start = position;
        }
        tally.add(text.slice(start));
        const whole = measureText(text);
        expect({ chars: tally.chars, tokens: tally.tokens }).toEqual(whole);
      }),
    );
  });

  it('never returns a negative or non-finite count for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const { chars, tokens } = measureText(text);
        expect(Number.isFinite(tokens) && tokens >= 0).toBe(true);
        expect(chars).toBeLessThanOrEqual(text.length);
      }),
    );
  });

  it('starts over on reset', () => {
    const tally = new TextTally();
    tally.add('some words here');
    tally.reset();
    tally.add('hi');
    expect({ chars: tally.chars, tokens: tally.tokens }).toEqual(measureText('hi'));
  });
});
