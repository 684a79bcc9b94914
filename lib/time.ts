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

/** Local midnight of the calendar day `days` after (or before) the one containing `at`. */
export function addDays(at: number, days: number): number {
  const date = new Date(startOfDay(at));
  // By calendar date, not by 24 h: days around DST changes are 23 or 25 h long.
  date.setDate(date.getDate() + days);
  return date.getTime();
}

/**
 * Regions whose week starts on a day other than Monday, from the Unicode CLDR
 * supplemental week data (`weekData/firstDay`, CLDR 48, 2025, as shipped in
 * ICU 78). Used where the browser has no Intl week info: Firefox ESR does not
 * implement `Intl.Locale#getWeekInfo` (2026). Every other region starts on
 * Monday, as ISO 8601 does. A unit test checks this table against the ICU in Node.
 */
const FIRST_DAY_BY_REGION: Readonly<Record<string, number>> = {
  // Sunday
  ...Object.fromEntries(
    (
      'AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN IS JM JP KE KH KR LA MH MM MO MT MX MZ NI NP ' +
      'PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'
    )
      .split(' ')
      .map((region) => [region, 0]),
  ),
  // Saturday
  ...Object.fromEntries('AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' ').map((region) => [region, 6])),
  // Friday
  MV: 5,
};

/** The fallback: the locale's region (or its likely region: "es" is Spain) in the CLDR table. */
export function firstDayFromTable(locale: string): number {
  try {
    const parsed = new Intl.Locale(locale);
    const region = parsed.region ?? parsed.maximize().region;
    const firstDay = region ? FIRST_DAY_BY_REGION[region] : undefined;
    return firstDay ?? 1;
  } catch {
    return 1;
  }
}

/**
 * The locale's first day of the week (0 = Sunday … 6 = Saturday), from
 * Intl.Locale week info where the browser has it, else from the CLDR table.
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
    // An invalid locale tag: the table answers (Monday).
  }
  return firstDayFromTable(locale);
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

/** Local midnight of a `YYYY-MM-DD` day key. */
export function dayStart(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!).getTime();
}

export { DAY_MS };
