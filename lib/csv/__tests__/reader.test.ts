import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CsvProblem } from '../problems';
import { readCsv, type ReadItem } from '../reader';

const read = (text: string, maxCellChars = 1000): ReadItem[] => [...readCsv(text, maxCellChars)];
const records = (text: string) => read(text).map((item) => ('record' in item ? item.record : item.problem));
const problems = (text: string, maxCellChars?: number): CsvProblem[] =>
  read(text, maxCellChars).flatMap((item) => ('problem' in item ? [item.problem] : []));

describe('readCsv', () => {
  it('reads CRLF records with the line each starts on', () => {
    expect(records('a,b\r\n1,2\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('accepts LF and a mix of LF and CRLF, and a last record without a line break', () => {
    expect(records('a,b\n1,2\r\n3,4\n5,6')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
      { line: 4, cells: ['5', '6'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quotes, and counts the lines they span', () => {
    expect(records('"x,y","say ""hi""","two\r\nlines\nthree"\r\nnext,"",\r\n')).toEqual([
      { line: 1, cells: ['x,y', 'say "hi"', 'two\r\nlines\nthree'] },
      { line: 4, cells: ['next', '', ''] },
    ]);
  });

  it('reads an empty cell at the end of the file after a final comma', () => {
    expect(records('a,')).toEqual([{ line: 1, cells: ['a', ''] }]);
  });

  it('drops one leading byte order mark, and only at the start', () => {
    expect(records('\uFEFFa,b\r\n')).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    expect(records('\uFEFF\uFEFFa\r\n')).toEqual([{ line: 1, cells: ['\uFEFFa'] }]);
    expect(records('a,\uFEFFb\r\n')).toEqual([{ line: 1, cells: ['a', '\uFEFFb'] }]);
  });

  it('gives an empty line as one empty cell (the import skips it)', () => {
    expect(records('a\r\n\r\nb\r\n')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['b'] },
    ]);
  });

  it('reports a quoted cell that never closes, at the line it opened, and stops', () => {
    expect(problems('a,b\r\n1,"open\r\n2,3\r\n')).toEqual([{ code: 'unterminated-quote', line: 2 }]);
  });

  it('reports a quote inside an unquoted cell', () => {
    expect(problems('a,b\r\n1,x"y\r\n')).toEqual([{ code: 'quote-in-unquoted-cell', line: 2 }]);
  });

  it('reports text after a closing quote, and resumes on the next line', () => {
    expect(records('a,b\r\n"x"y,2\r\n3,4\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { code: 'text-after-quote', line: 2 },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('numbers a problem after a multi-line cell by the line it is on', () => {
    expect(problems('a,b\r\n"1\r\n2" x,3\r\n')).toEqual([{ code: 'text-after-quote', line: 3 }]);
  });

  it('reports a carriage return alone outside quotes (old Mac line ends)', () => {
    expect(records('a,b\r1,2\r\n')).toEqual([{ code: 'bare-cr', line: 1 }, { line: 2, cells: ['1', '2'] }]);
  });

  it('reports a cell longer than the limit, quoted or not', () => {
    expect(problems('abcd,b\r\n', 3)).toEqual([{ code: 'cell-too-long', line: 1, limit: 3 }]);
    expect(problems('"ab\r\ncd",b\r\n', 3)).toEqual([{ code: 'cell-too-long', line: 1, limit: 3 }]);
    expect(problems('abc,b\r\n', 3)).toEqual([]);
  });

  /** Any table as RFC 4180 text, every cell quoted, with CRLF. */
  const table = fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
  const quoted = (rows: string[][]) => rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n');

  it('reads back any table written as RFC 4180', () => {
    fc.assert(
      fc.property(table, (rows) => {
        expect(records(quoted(rows)).map((record) => 'cells' in record && record.cells)).toEqual(rows);
      }),
    );
  });

  it('agrees with an independent reader (papaparse) on well-formed CRLF files', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const text = quoted(rows);
        const theirs = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', quoteChar: '"' });
        expect(theirs.errors).toEqual([]);
        expect(records(text).map((record) => 'cells' in record && record.cells)).toEqual(theirs.data);
      }),
    );
  });
});
