import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMeasurement } from '../schema';
import { validMeasurement } from './fakes';

const VALID = validMeasurement();

describe('measurement schema', () => {
  it('accepts a valid measurement unchanged', () => {
    expect(parseMeasurement(VALID)).toEqual(VALID);
    expect(parseMeasurement({ ...VALID, model: null })).toEqual({ ...VALID, model: null });
  });

  it.each<[string, unknown]>([
    ['an unknown key', { ...VALID, prompt: 'the text' }],
    ['a missing key', (({ task: _task, ...rest }) => rest)(VALID)],
    ['an unknown site-like enum', { ...VALID, kind: 'audio' }],
    ['an unknown status', { ...VALID, status: 'done' }],
    ['a negative count', { ...VALID, outputChars: -1 }],
    ['a fractional count', { ...VALID, outputTokens: 1.5 }],
    ['a count past the limit', { ...VALID, inputChars: 20_000_001 }],
    ['too many images', { ...VALID, images: 65 }],
    ['a string number', { ...VALID, outputChars: '800' }],
    ['NaN', { ...VALID, durationMs: Number.NaN }],
    ['a timestamp before ChatGPT existed', { ...VALID, at: Date.UTC(2020, 0, 1) }],
    ['a timestamp far in the future', { ...VALID, at: Date.now() + 3 * 86_400_000 }],
    ['markup in the model id', { ...VALID, model: '<img src=x onerror=alert(1)>' }],
    ['an over-long model id', { ...VALID, model: 'a'.repeat(81) }],
    ['a non-UUID id', { ...VALID, id: 'abc' }],
    ['adapter version zero', { ...VALID, adapterVersion: 0 }],
    ['null', null],
    ['an array', [VALID]],
  ])('rejects %s', (_label, input) => {
    expect(parseMeasurement(input)).toBeNull();
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => parseMeasurement(input)).not.toThrow();
      }),
    );
  });
});
