/** Calendar helpers. Days are local calendar days, as the person lives them. */

const DAY_MS = 86_400_000;

/** The local calendar day of an instant, as `YYYY-MM-DD` (sorts as text). */
export function dayKey(at: number): string {
  const date = new Date(at);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Local midnight starting the day that contains `at`. */
export function startOfDay(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * The locale's first day of the week (0 = Sunday … 6 = Saturday), from
 * Intl.Locale week info where the browser has it, else Monday (ISO 8601).
 */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    // Intl numbers days 1 (Monday) … 7 (Sunday).
    if (typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7) return firstDay % 7;
  } catch {
    // An invalid locale tag: fall through to ISO.
  }
  return 1;
}

/** Local midnight starting the week that contains `at`. */
export function startOfWeek(at: number, locale: string): number {
  const date = new Date(startOfDay(at));
  const back = (date.getDay() - firstDayOfWeek(locale) + 7) % 7;
  date.setDate(date.getDate() - back);
  return date.getTime();
}

/** Day keys from `from` to `to` inclusive (local days). */
export function daysBetween(from: number, to: number): string[] {
  const days: string[] = [];
  const cursor = new Date(startOfDay(from));
  // Step by calendar date, not by 24 h: days around DST changes are 23 or 25 h long.
  while (cursor.getTime() <= to) {
    days.push(dayKey(cursor.getTime()));
    cursor.setDate(cursor.getDate() + 1);
  }
  return days;
}

export { DAY_MS };
