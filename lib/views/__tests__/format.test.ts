import { describe, expect, it } from 'vitest';
import { createFormat } from '../format';

const NBSP = '\u00a0';
const clean = (text: string) => text.replaceAll(NBSP, ' ').replaceAll('\u202f', ' ');

describe('createFormat', () => {
  const en = createFormat('en-US');
  const es = createFormat('es-ES');

  it('gives estimates two significant digits in the reader’s locale', () => {
    expect(clean(en.amount('energy', 12.345))).toBe('12 Wh');
    expect(clean(es.amount('energy', 0.3456))).toBe('0,35 Wh');
    expect(clean(en.amount('co2', 0.0042))).toBe('0.0042 g');
  });

  it('moves to larger units as amounts grow', () => {
    expect(clean(en.amount('energy', 1530))).toBe('1.5 kWh');
    expect(clean(es.amount('water', 65_000))).toBe('65 L');
    expect(clean(en.amount('co2', 2_400_000))).toBe('2.4 t');
    expect(clean(en.amount('energy', 999))).toBe('1 kWh');
  });

  it('writes ranges with one unit, or one per end when they differ', () => {
    expect(clean(en.range('energy', { low: 3.14, central: 12, high: 48.2 }))).toBe('3.1–48 Wh');
    expect(clean(es.range('energy', { low: 520, central: 900, high: 2400 }))).toBe('520 Wh – 2,4 kWh');
  });

  it('formats counts, ratios, changes and shares', () => {
    expect(en.count(12345)).toBe('12,345');
    expect(clean(es.count(12345))).toBe('12.345');
    expect(es.times(7.456)).toBe('7,5×');
    expect(en.change(-0.123)).toBe('-12%');
    expect(en.change(0)).toBe('0%');
    expect(en.change(0.5)).toBe('+50%');
    expect(clean(es.percent(0.45))).toBe('45 %');
  });

  it('names days in the reader’s language', () => {
    const monday = new Date(2026, 10, 23, 12).getTime();
    expect(en.weekdayLong(monday)).toBe('Monday');
    expect(es.weekdayLong(monday)).toBe('lunes');
    expect(en.weekdayNarrow(monday)).toBe('M');
    expect(en.date(monday)).toBe('Nov 23, 2026');
  });
});
