import { describe, expect, it } from 'vitest';
import { dayKey, daysBetween, firstDayOfWeek, startOfWeek } from '../time';

describe('time', () => {
  it('formats local calendar days that sort as text', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
    expect(dayKey(new Date(2026, 11, 31, 0, 0).getTime())).toBe('2026-12-31');
  });

  it("starts the week on the locale's first day", () => {
    expect(firstDayOfWeek('en-US')).toBe(0);
    expect(firstDayOfWeek('es-ES')).toBe(1);
    expect(firstDayOfWeek('not a locale!')).toBe(1);
    const thursday = new Date(2026, 10, 26, 15).getTime();
    expect(new Date(startOfWeek(thursday, 'es-ES')).getDate()).toBe(23); // Monday 23 Nov
    expect(new Date(startOfWeek(thursday, 'en-US')).getDate()).toBe(22); // Sunday 22 Nov
  });

  it('lists calendar days, one per date even across DST changes', () => {
    const days = daysBetween(new Date(2026, 2, 27).getTime(), new Date(2026, 2, 31, 12).getTime());
    expect(days).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
  });
});
