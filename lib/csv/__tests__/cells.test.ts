import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecord, neutraliseFormula, restoreFormula, textCell } from '../cells';
import { readCsv } from '../reader';

describe('textCell', () => {
  it('leaves plain text alone', () => {
    expect(textCell('gpt-5-3')).toBe('gpt-5-3');
    expect(textCell('')).toBe('');
  });

  it('quotes a cell holding a comma, a quote, CR or LF, doubling the quotes (RFC 4180)', () => {
    expect(textCell('a,b')).toBe('"a,b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(textCell('a\nb')).toBe('"a\nb"');
    expect(textCell('a\rb')).toBe('"a\rb"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('neutralises a formula start: %j', (value) => {
    const cell = textCell(value);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1) : cell;
    expect(unquoted.startsWith("'")).toBe(true);
    expect(unquoted.slice(1)).toBe(value);
  });

  it('quotes a neutralised cell that also needs quotes', () => {
    expect(textCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });
});

/** Text that often starts like a formula, never with an apostrophe (no valid value does). */
const cellText = fc
  .tuple(fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', '"', ','), fc.string({ unit: 'binary' }))
  .map(([start, rest]) => start + rest)
  .filter((text) => !text.startsWith("'"));

describe('restoreFormula', () => {
  it('drops the apostrophe only before a formula start', () => {
    expect(restoreFormula("'=1")).toBe('=1');
    expect(restoreFormula("'-5")).toBe('-5');
    expect(restoreFormula("'abc")).toBe("'abc");
    expect(restoreFormula('=1')).toBe('=1');
  });

  it('undoes neutralisation for any text that does not itself start with an apostrophe', () => {
    fc.assert(
      fc.property(cellText, (text) => restoreFormula(neutraliseFormula(text)) === text),
    );
  });

  it('a written cell reads back as the original text', () => {
    fc.assert(
      fc.property(
        fc.array(cellText, { minLength: 1, maxLength: 5 }),
        (cells) => {
          const text = csvRecord(cells.map(textCell));
          const items = [...readCsv(text, Number.MAX_SAFE_INTEGER)];
          expect(items).toHaveLength(1);
          const item = items[0]!;
          expect('record' in item && item.record.cells.map(restoreFormula)).toEqual(cells);
        },
      ),
    );
  });
});

describe('csvRecord', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvRecord(['a', '"b,c"', ''])).toBe('a,"b,c",\r\n');
  });
});
