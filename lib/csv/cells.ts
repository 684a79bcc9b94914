/**
 * Writing cells as RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180, 2005):
 * records end with CRLF; a field containing a comma, a double quote, CR or LF
 * is enclosed in double quotes, and a double quote inside it is doubled.
 *
 * Formula injection (CSV injection, CWE-1236; OWASP "CSV Injection" page,
 * seen 2026-11): spreadsheet programs run a cell starting with = + - @ (and,
 * in some, after a leading tab or CR) as a formula. Every *text* cell starting
 * with one of those gets a leading apostrophe, which spreadsheets show as
 * plain text. Numbers are written by the exporter itself, never neutralised:
 * a count is never negative, and a spreadsheet must still see numbers.
 *
 * Import undoes it: an apostrophe followed by one of those characters is
 * dropped again, so a neutralised value imports back to the original. No
 * valid raw value starts with an apostrophe, so the reversal is unambiguous.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreFormula(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** One text cell, neutralised and quoted as needed. */
export function textCell(text: string): string {
  const safe = neutraliseFormula(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record: cells joined by commas, ended by CRLF. Cells must already be formatted. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}
