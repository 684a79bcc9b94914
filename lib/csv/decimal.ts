/**
 * An estimate as text: four significant digits, as a plain decimal with a dot
 * (never an exponent, never a thousands separator), whatever the locale, so
 * every CSV reader and spreadsheet gets a number. Estimates are ranges whose
 * ends differ by a factor of several: more digits would only claim precision.
 *
 * Built on toExponential, which rounds the exact binary value to the nearest
 * (ECMA-262 Number.prototype.toExponential), the same result as
 * Intl.NumberFormat with maximumSignificantDigits: 4 (the test compares them),
 * at a tenth of the cost: a 100,000-row export formats 900,000 of them.
 */
export const SIGNIFICANT_DIGITS = 4;

export function formatEstimate(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '0';
  const [mantissa = '0', exponentText = '0'] = value.toExponential(SIGNIFICANT_DIGITS - 1).split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  let text: string;
  if (exponent >= digits.length - 1) text = digits + '0'.repeat(exponent - digits.length + 1);
  else if (exponent >= 0) text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  else text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
