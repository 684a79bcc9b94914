/**
 * An estimate as text: four significant digits, as a plain decimal with a dot
 * (never an exponent, never a thousands separator), whatever the locale, so
 * every CSV reader and spreadsheet gets a number. Estimates are ranges whose
 * ends differ by a factor of several: more digits would only claim precision.
 *
 * Built on toPrecision and toExponential, which round the exact binary value
 * to the nearest (ECMA-262 Number.prototype.toPrecision), the same result as
 * Intl.NumberFormat with maximumSignificantDigits: 4 (the test compares them),
 * at a fraction of the cost: a 100,000-row export formats 900,000 of them.
 */
export const SIGNIFICANT_DIGITS = 4;

/** "0.2800" -> "0.28", "12.00" -> "12"; text without a dot is left alone. */
function withoutTrailingZeros(text: string): string {
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x30) end -= 1;
  if (text.charCodeAt(end - 1) === 0x2e) end -= 1;
  return text.slice(0, end);
}

export function formatEstimate(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '0';
  // The common case: toPrecision writes plain decimals from 1e-6 up to 10^SIGNIFICANT_DIGITS.
  const plain = value.toPrecision(SIGNIFICANT_DIGITS);
  if (!plain.includes('e')) return withoutTrailingZeros(plain);
  const [mantissa = '0', exponentText = '0'] = value.toExponential(SIGNIFICANT_DIGITS - 1).split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  if (exponent >= digits.length - 1) return digits + '0'.repeat(exponent - digits.length + 1);
  return withoutTrailingZeros(`0.${'0'.repeat(-exponent - 1)}${digits}`);
}
