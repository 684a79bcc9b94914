import type { Column } from './columns';

/**
 * Everything an import can find wrong with a file, as data: the dashboard
 * words each problem in the user's language (components/ExportImport.tsx), so
 * the codes and their fields are what tests check. Lines are 1-based physical
 * lines of the file (the line where the record starts), as a text editor
 * numbers them.
 */

/** What a cell must hold, to tell the user how to fix it. */
export type Expectation =
  | { readonly type: 'uuid' }
  | { readonly type: 'timestamp' }
  | { readonly type: 'count'; readonly max: number }
  | { readonly type: 'model'; readonly maxLength: number }
  | { readonly type: 'one-of'; readonly options: readonly string[] };

export type CsvProblem =
  /** Before reading: the file is bigger than the import accepts. */
  | { readonly code: 'file-too-large'; readonly limit: number }
  | { readonly code: 'not-utf8' }
  /** No header line at all. */
  | { readonly code: 'empty-file' }
  | { readonly code: 'unknown-column'; readonly line: number; readonly column: string }
  | { readonly code: 'duplicate-column'; readonly line: number; readonly column: string }
  | { readonly code: 'missing-column'; readonly line: number; readonly column: Column }
  /** A quoted cell opened on this line never closes. */
  | { readonly code: 'unterminated-quote'; readonly line: number }
  /** A double quote inside a cell that does not start with one. */
  | { readonly code: 'quote-in-unquoted-cell'; readonly line: number }
  /** Characters between a closing quote and the next comma or line end. */
  | { readonly code: 'text-after-quote'; readonly line: number }
  /** A carriage return not followed by a line feed, outside quotes. */
  | { readonly code: 'bare-cr'; readonly line: number }
  | { readonly code: 'cell-too-long'; readonly line: number; readonly limit: number }
  | { readonly code: 'wrong-cell-count'; readonly line: number; readonly expected: number; readonly found: number }
  | { readonly code: 'too-many-rows'; readonly line: number; readonly limit: number }
  | {
      readonly code: 'invalid-value';
      readonly line: number;
      readonly column: Column;
      /** The offending text, cut to PROBLEM_VALUE_CHARS; render it as text only. */
      readonly value: string;
      readonly expected: Expectation;
    }
  | { readonly code: 'duplicate-id'; readonly line: number; readonly firstLine: number };

export type ProblemCode = CsvProblem['code'];

/** Long enough to recognise a value, short enough for one line of an error list. */
export const PROBLEM_VALUE_CHARS = 40;

export function excerpt(text: string): string {
  return text.length > PROBLEM_VALUE_CHARS ? `${text.slice(0, PROBLEM_VALUE_CHARS - 1)}…` : text;
}
