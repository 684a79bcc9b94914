import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../event';
import type { FrugalDb } from '../../store/db';
import { getEvents } from '../../store/events';
import { COLUMNS, RAW_COLUMNS } from '../columns';
import { IMPORT_LIMITS, type ImportReading, previewImport, readImport, readImportText, writeImport } from '../import';
import type { CsvProblem } from '../problems';
import { IMPORTED_PROVENANCE } from '../rows';
import { AT, exportText, freshDb, seed, storedEvent, sumsOfStore, uuid } from './helpers';

let db: FrugalDb;
beforeEach(async () => {
  db = await freshDb();
});

/** The export of a history made in another (throwaway) database; `db` is a fresh one afterwards. */
async function exported(events: readonly StoredEvent[]): Promise<string> {
  const source = await freshDb();
  await seed(source, events);
  const text = await exportText(source);
  db = await freshDb();
  return text;
}

function problemsOf(reading: ImportReading): readonly CsvProblem[] {
  if (reading.ok) throw new Error('expected the file to be refused');
  return reading.problems;
}

function rowsOf(reading: ImportReading) {
  if (!reading.ok) throw new Error(`refused: ${JSON.stringify(reading.problems)}`);
  return reading.rows;
}

const HEADER = COLUMNS.join(',');

describe('readImport', () => {
  it('reads an export back, each row with its line', async () => {
    const text = await exported([storedEvent(), storedEvent({ id: uuid(2), at: AT + 5 })]);
    expect(rowsOf(await readImportText(text))).toEqual([
      { line: 2, event: { ...storedEvent(), ...IMPORTED_PROVENANCE } },
      { line: 3, event: { ...storedEvent({ id: uuid(2), at: AT + 5 }), ...IMPORTED_PROVENANCE } },
    ]);
  });

  it('reads UTF-8 bytes, with or without a byte order mark, with LF line ends too', async () => {
    const text = await exported([storedEvent()]);
    const encode = (value: string) => new TextEncoder().encode(value);
    expect(rowsOf(await readImport(encode(`\uFEFF${text}`)))).toHaveLength(1);
    expect(rowsOf(await readImport(encode(text.replaceAll('\r\n', '\n'))))).toHaveLength(1);
  });

  it('imports a file from an older method version: the estimates in it are ignored', async () => {
    const text = await exported([storedEvent()]);
    const [header, row] = text.split('\r\n');
    const cells = row!.split(',');
    cells.splice(16, 11, '9', '9', '9', '9', '9', '9', '9', '9', '9', 'XYZ', 'frugal-footprint-0.1.0');
    const old = `${header}\r\n${cells.join(',')}\r\n`;
    await writeImport(db, rowsOf(await readImportText(old)));
    expect(await exportText(db)).toBe(text);
  });

  it('imports a file with only the raw columns, and skips blank lines', async () => {
    const raw = `${RAW_COLUMNS.join(',')}\r\n\r\n${(await exported([storedEvent()])).split('\r\n')[1]!.split(',').slice(0, 16).join(',')}\r\n\r\n`;
    expect(rowsOf(await readImportText(raw))).toHaveLength(1);
  });

  it('accepts a header with no rows (an empty history)', async () => {
    expect(rowsOf(await readImportText(`${HEADER}\r\n`))).toEqual([]);
  });

  it('refuses a file with nothing in it', async () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n']) expect(problemsOf(await readImportText(text))).toEqual([{ code: 'empty-file' }]);
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const bytes = new Uint8Array(101);
    expect(problemsOf(await readImport(bytes, { limits: { fileBytes: 100 } }))).toEqual([{ code: 'file-too-large', limit: 100 }]);
    expect(problemsOf(await readImportText('x'.repeat(101), { limits: { fileBytes: 100 } }))).toEqual([
      { code: 'file-too-large', limit: 100 },
    ]);
    expect(IMPORT_LIMITS.fileBytes).toBe(100 * 1024 * 1024);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\r\n`), 0xe9, 0x0d, 0x0a]);
    expect(problemsOf(await readImport(latin1))).toEqual([{ code: 'not-utf8' }]);
  });

  it('refuses more rows than the limit, naming the first line past it', async () => {
    const text = await exported([0, 1, 2].map((n) => storedEvent({ id: uuid(n), at: AT + n })));
    expect(problemsOf(await readImportText(text, { limits: { rows: 2 } }))).toEqual([{ code: 'too-many-rows', line: 4, limit: 2 }]);
  });

  it('refuses a cell longer than the limit', async () => {
    const text = await exported([storedEvent()]);
    expect(problemsOf(await readImportText(text.replace('gpt-5-3', 'g'.repeat(300))))).toEqual([
      { code: 'cell-too-long', line: 2, limit: IMPORT_LIMITS.cellChars },
    ]);
  });

  it('refuses a bad header and reads no further', async () => {
    expect(problemsOf(await readImportText(`${HEADER},notes\r\n"unterminated\r\n`))).toEqual([
      { code: 'unknown-column', line: 1, column: 'notes' },
    ]);
    expect(problemsOf(await readImportText(`"${HEADER}\r\n`))).toEqual([{ code: 'unterminated-quote', line: 1 }]);
  });

  it('refuses an id given twice, pointing at both lines', async () => {
    const text = await exported([storedEvent()]);
    const row = text.split('\r\n')[1];
    expect(problemsOf(await readImportText(`${text}\r\n${row}\r\n`))).toEqual([{ code: 'duplicate-id', line: 4, firstLine: 2 }]);
  });

  it('lists every bad row with its line, across structural and value problems', async () => {
    const text = await exported([0, 1, 2, 3].map((n) => storedEvent({ id: uuid(n), at: AT + n })));
    const lines = text.split('\r\n');
    lines[1] = lines[1]!.replace('chatgpt', 'chat"gpt');
    lines[3] = lines[3]!.replace(',complete,', ',done,');
    const problems = problemsOf(await readImportText(lines.join('\r\n')));
    expect(problems).toEqual([
      { code: 'quote-in-unquoted-cell', line: 2 },
      { code: 'invalid-value', line: 4, column: 'status', value: 'done', expected: expect.objectContaining({ type: 'one-of' }) },
    ]);
  });

  it('shows the first problems and counts the rest', async () => {
    const rows = Array.from({ length: 150 }, () => 'x');
    const reading = await readImportText(`${HEADER}\r\n${rows.join('\r\n')}`);
    expect(reading).toMatchObject({ ok: false, moreProblems: 50 });
    expect(problemsOf(reading)).toHaveLength(IMPORT_LIMITS.problemsShown);
    expect(problemsOf(reading)[0]).toEqual({ code: 'wrong-cell-count', line: 2, expected: 27, found: 1 });
  });

  it('reports progress and gives the page the main thread back while reading a long file', async () => {
    const text = await exported(Array.from({ length: 5000 }, (_, n) => storedEvent({ id: uuid(n), at: AT + n })));
    const progress: number[] = [];
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 0);
    const reading = await readImportText(text, { onProgress: (rows) => progress.push(rows) });
    clearInterval(ticker);
    expect(rowsOf(reading)).toHaveLength(5000);
    expect(progress.at(-1)).toBe(5000);
    expect(progress.length).toBeGreaterThan(2);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('previewImport and writeImport', () => {
  it('previews rows, dates, sites and what is new, then writes exactly that', async () => {
    const stored = [storedEvent({ id: uuid(1) }), storedEvent({ id: uuid(2), durationMs: 100 }), storedEvent({ id: uuid(3) })];
    const file = [
      storedEvent({ id: uuid(1) }),
      storedEvent({ id: uuid(2), durationMs: 9000 }),
      storedEvent({ id: uuid(3), at: AT + 1 }),
      storedEvent({ id: uuid(4), at: AT + 86_400_000, site: 'claude', model: 'claude-sonnet-4-5' }),
      storedEvent({ id: uuid(5), at: AT - 86_400_000, site: 'claude', model: 'claude-sonnet-4-5' }),
    ];
    const text = await exported(file);
    await seed(db, stored);
    const rows = rowsOf(await readImportText(text));
    const expected = {
      rows: 5,
      from: AT - 86_400_000,
      to: AT + 86_400_000,
      sites: [
        { site: 'chatgpt', rows: 3 },
        { site: 'claude', rows: 2 },
      ],
      added: 2,
      updated: 1,
      alreadyPresent: 1,
      conflicts: [{ line: 5, id: uuid(3) }],
    };
    expect(await previewImport(db, rows)).toEqual(expected);
    expect(await db.count('events')).toBe(3);
    expect(await writeImport(db, rows)).toEqual(expected);
    expect(await db.count('events')).toBe(5);
    const sums = await sumsOfStore(db);
    expect(sums.rollups).toEqual(sums.events);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const text = await exported([storedEvent(), storedEvent({ id: uuid(2), at: AT + 9 })]);
    const rows = rowsOf(await readImportText(text));
    await writeImport(db, rows);
    const before = { events: await db.getAll('events'), rollups: await db.getAll('rollups') };
    expect(await writeImport(db, rows)).toMatchObject({ added: 0, updated: 0, alreadyPresent: 2 });
    expect({ events: await db.getAll('events'), rollups: await db.getAll('rollups') }).toEqual(before);
  });

  it('restores a backup into an empty store event for event (provenance aside)', async () => {
    const events = [storedEvent(), storedEvent({ id: uuid(2), at: AT + 9, kind: 'image', images: 2, model: null })];
    const text = await exported(events);
    await writeImport(db, rowsOf(await readImportText(text)));
    expect(await getEvents(db)).toEqual(events.map((event) => ({ ...event, ...IMPORTED_PROVENANCE })));
  });
});
