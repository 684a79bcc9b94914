import { describe, expect, it } from 'vitest';
import { addDays, dayKey, daysBetween, dayStart, firstDayFromTable, firstDayOfWeek, startOfWeek } from '../time';

describe('time', () => {
  it('formats local calendar days that sort as text', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
    expect(dayKey(new Date(2026, 11, 31, 0, 0).getTime())).toBe('2026-12-31');
  });

  it('reads a day key back as that local midnight', () => {
    expect(dayStart('2026-03-29')).toBe(new Date(2026, 2, 29).getTime());
    expect(dayKey(dayStart('2026-12-31'))).toBe('2026-12-31');
  });

  it("starts the week on the locale's first day", () => {
    expect(firstDayOfWeek('en-US')).toBe(0);
    expect(firstDayOfWeek('es-ES')).toBe(1);
    expect(firstDayOfWeek('not a locale!')).toBe(1);
    const thursday = new Date(2026, 10, 26, 15).getTime();
    expect(new Date(startOfWeek(thursday, 'es-ES')).getDate()).toBe(23); // Monday 23 Nov
    expect(new Date(startOfWeek(thursday, 'en-US')).getDate()).toBe(22); // Sunday 22 Nov
    expect(new Date(startOfWeek(thursday, 'ar-EG')).getDate()).toBe(21); // Saturday 21 Nov
  });

  it('knows the first day without Intl week info (Firefox), from likely regions', () => {
    expect(firstDayFromTable('en')).toBe(0); // likely region US
    expect(firstDayFromTable('en-GB')).toBe(1);
    expect(firstDayFromTable('es')).toBe(1); // likely region ES
    expect(firstDayFromTable('es-MX')).toBe(0);
    expect(firstDayFromTable('fa-IR')).toBe(6);
    expect(firstDayFromTable('dv-MV')).toBe(5);
    expect(firstDayFromTable('not a locale!')).toBe(1);
  });

  it('has the same first day as the ICU in Node for every region', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let compared = 0;
    for (const a of letters) {
      for (const b of letters) {
        const locale = new Intl.Locale(`und-${a}${b}`) as Intl.Locale & { weekInfo?: { firstDay: number } };
        // Deprecated codes (BU, ZR…) are canonicalised to their successors: compare the current ones.
        if (locale.region !== `${a}${b}` || !locale.weekInfo) continue;
        expect([`${a}${b}`, firstDayFromTable(`und-${a}${b}`)]).toEqual([`${a}${b}`, locale.weekInfo.firstDay % 7]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(600);
  });

  it('steps calendar days across DST changes', () => {
    const days = daysBetween(new Date(2026, 2, 27).getTime(), new Date(2026, 2, 31, 12).getTime());
    expect(days).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    expect(dayKey(addDays(new Date(2026, 2, 28, 23).getTime(), 1))).toBe('2026-03-29');
    expect(dayKey(addDays(new Date(2026, 2, 30, 1).getTime(), -7))).toBe('2026-03-23');
  });
});
