import type { CsvProblem } from './problems';

/**
 * A strict RFC 4180 reader, written here rather than taken from papaparse
 * because an import must fail loudly and say where. Papaparse 5.x (tried on
 * 2026-11-26) silently accepts a bare quote inside an unquoted cell, picks one
 * line break for the whole file from its first line (so a file mixing CRLF and
 * LF gets a line break glued into a cell) and numbers rows, not the lines a
 * text editor shows. This reader:
 * - accepts CRLF and LF record ends, mixed in any way (spreadsheets and
 *   editors save either); a CR alone outside quotes is an error;
 * - keeps anything inside quotes, line breaks included; `""` is one quote;
 * - rejects a quote inside an unquoted cell and text after a closing quote;
 * - reports the physical line where each record starts;
 * - drops one leading byte order mark.
 * After a malformed record it resumes at the next line break, so one pass can
 * report several problems.
 */

export interface CsvRecord {
  /** The 1-based line where the record starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export type ReadItem = { readonly record: CsvRecord } | { readonly problem: CsvProblem };

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = '\uFEFF';

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** Records of `text`, in order; a cell longer than `maxCellChars` makes its record a problem. */
export function* readCsv(text: string, maxCellChars: number): Generator<ReadItem, void, undefined> {
  const length = text.length;
  let pos = text.startsWith(BOM) ? BOM.length : 0;
  let line = 1;

  while (pos < length) {
    const recordLine = line;
    const cells: string[] = [];
    let problem: CsvProblem | null = null;
    let recordEnded = false;

    while (!recordEnded) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        let start = pos + 1;
        let parts = '';
        for (;;) {
          const close = text.indexOf('"', start);
          if (close === -1) {
            yield { problem: { code: 'unterminated-quote', line: recordLine } };
            return;
          }
          parts += text.slice(start, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += '"';
            start = close + 2;
            continue;
          }
          line += countLineFeeds(text, pos, close);
          pos = close + 1;
          break;
        }
        value = parts;
        const next = text.charCodeAt(pos);
        if (pos < length && next !== COMMA && next !== CR && next !== LF) {
          problem ??= { code: 'text-after-quote', line };
          const lineEnd = text.indexOf('\n', pos);
          pos = lineEnd === -1 ? length : lineEnd;
        }
      } else {
        const start = pos;
        while (pos < length) {
          const code = text.charCodeAt(pos);
          if (code === COMMA || code === CR || code === LF) break;
          if (code === QUOTE) problem ??= { code: 'quote-in-unquoted-cell', line };
          pos += 1;
        }
        value = text.slice(start, pos);
      }
      if (value.length > maxCellChars) problem ??= { code: 'cell-too-long', line: recordLine, limit: maxCellChars };
      cells.push(value);

      const code = text.charCodeAt(pos);
      if (code === COMMA) {
        // A comma opens one more cell, even at the very end of the text (it is empty).
        pos += 1;
        continue;
      }
      recordEnded = true;
      if (pos >= length) break;
      if (code === LF) pos += 1;
      else if (text.charCodeAt(pos + 1) === LF) pos += 2;
      else {
        problem ??= { code: 'bare-cr', line };
        pos += 1;
      }
      line += 1;
    }

    yield problem ? { problem } : { record: { line: recordLine, cells } };
  }
}
