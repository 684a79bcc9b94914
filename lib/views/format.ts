import type { Range } from '../footprint/range';

/**
 * Numbers, units and dates in the reader's locale, through Intl. Estimates
 * are shown with two significant digits: the model is uncertain by a factor
 * of several, so a third digit would claim a precision it does not have.
 * Unit symbols are SI (Wh, g, mL), the same in every language we ship; Intl
 * has no watt-hour unit, so the symbol is appended after a no-break space.
 */

export type Quantity = 'energy' | 'co2' | 'water';

interface Scale {
  readonly factor: number;
  readonly symbol: string;
}

/** Each quantity's units, smallest first, with how many base units each is. */
const SCALES: Readonly<Record<Quantity, readonly Scale[]>> = {
  energy: [
    { factor: 1, symbol: 'Wh' },
    { factor: 1e3, symbol: 'kWh' },
    { factor: 1e6, symbol: 'MWh' },
  ],
  co2: [
    { factor: 1, symbol: 'g' },
    { factor: 1e3, symbol: 'kg' },
    { factor: 1e6, symbol: 't' },
  ],
  water: [
    { factor: 1, symbol: 'mL' },
    { factor: 1e3, symbol: 'L' },
    { factor: 1e6, symbol: 'm³' },
  ],
};

const NBSP = '\u00a0';
const EN_DASH = '–';

export interface Format {
  readonly locale: string;
  /** A whole count: "1,234". */
  count(value: number): string;
  /** An estimate with its unit: "4.2 kWh". */
  amount(quantity: Quantity, value: number): string;
  /** A range: "3.1–48 Wh", or "520 Wh – 2.4 kWh" when the ends need different units. */
  range(quantity: Quantity, value: Range): string;
  /** A plain number with two significant digits: "0.63". */
  number(value: number): string;
  /** How many times larger: "7.5×". */
  times(value: number): string;
  /** A signed change: "+12%", "−8%". */
  change(fraction: number): string;
  /** A share: "45%". */
  percent(fraction: number): string;
  /** "Mon 23 Nov". */
  day(at: number): string;
  /** "M" for a chart axis. */
  weekdayNarrow(at: number): string;
  /** "Monday". */
  weekdayLong(at: number): string;
  /** "23 Nov 2026". */
  date(at: number): string;
  /** "23 Nov 2026, 14:05". */
  dateTime(at: number): string;
  /** "Nov 2026". */
  month(at: number): string;
}

function scaleFor(quantity: Quantity, value: number): Scale {
  const scales = SCALES[quantity];
  let chosen = scales[0]!;
  for (const scale of scales) if (Math.abs(value) >= scale.factor) chosen = scale;
  return chosen;
}

export function createFormat(locale: string): Format {
  const estimate = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' });
  const narrow = new Intl.DateTimeFormat(locale, { weekday: 'narrow' });
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long' });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });

  const scaled = (quantity: Quantity, value: number): { text: string; symbol: string } => {
    // Round first, so 999.7 Wh is "1 kWh", not "1,000 Wh".
    const rounded = Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(2)) : 0;
    const scale = scaleFor(quantity, rounded);
    return { text: estimate.format(rounded / scale.factor), symbol: scale.symbol };
  };

  return {
    locale,
    count: (value) => whole.format(value),
    amount(quantity, value) {
      const { text, symbol } = scaled(quantity, value);
      return `${text}${NBSP}${symbol}`;
    },
    range(quantity, value) {
      const low = scaled(quantity, value.low);
      const high = scaled(quantity, value.high);
      if (low.symbol === high.symbol) return `${low.text}${EN_DASH}${high.text}${NBSP}${high.symbol}`;
      return `${low.text}${NBSP}${low.symbol} ${EN_DASH} ${high.text}${NBSP}${high.symbol}`;
    },
    number: (value) => estimate.format(value),
    times: (value) => `${estimate.format(value)}×`,
    change: (fraction) => signed.format(fraction),
    percent: (fraction) => share.format(fraction),
    day: (at) => day.format(at),
    weekdayNarrow: (at) => narrow.format(at),
    weekdayLong: (at) => long.format(at),
    date: (at) => date.format(at),
    dateTime: (at) => dateTime.format(at),
    month: (at) => month.format(at),
  };
}
