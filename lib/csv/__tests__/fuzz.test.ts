import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMeasurement } from '../../capture/schema';
import { SITE_IDS, type StoredEvent } from '../../event';
import type { EventRecord, FrugalDb, RollupRecord } from '../../store/db';
import { mergeOutcome } from '../../store/import';
import { COLUMNS } from '../columns';
import { EventEstimator } from '../estimates';
import { readImport, writeImport } from '../import';
import type { CsvProblem } from '../problems';
import { eventRecord, HEADER_RECORD } from '../rows';
import { anyEvents, freshDb, seed, sumsOfStore } from './helpers';

/**
 * Hostile files: a valid export, then one to four edits of the kinds a broken
 * spreadsheet, a bad merge or an attacker produces (a quarter of the cases get
 * only edits a valid file survives, so that accepting and writing is tested too). Whatever the file, the
 * import must never throw, must refuse it with located problems or accept
 * only valid rows, and must never leave a partial write, also when the
 * database fails midway.
 */

const HOSTILE_SNIPPETS = ['"', '""', ',', '\r', '\n', '\r\n', '\uFEFF', "'", '=1+1', '+', '-', '@', '\t', '\0', '\u2028', 'é', '😀', ' '];

const HOSTILE_VALUES = fc.oneof(
  fc.constantFrom(
    '',
    'abc',
    '1.5',
    '-3',
    '1e3',
    'NaN',
    ' 5',
    '0x10',
    '9'.repeat(20),
    '=HYPERLINK("http://evil","x")',
    '+cmd|/C calc!A0',
    '-2+3',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    "'=1",
    'CHATGPT',
    'Text',
    '2026-13-01T00:00:00.000Z',
    '1970-01-01T00:00:00.000Z',
    '00000000-0000-4000-8000-000000000001',
  ),
  fc.integer({ min: 200, max: 120_000 }).map((length) => 'A'.repeat(length)),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'cell'; row: number; column: number; value: string; quoted: boolean }
  | { kind: 'duplicate-row'; row: number; changeColumn: number | null; value: string }
  | { kind: 'line-ends'; mode: 'lf' | 'mixed' | 'cr' }
  | { kind: 'bom'; count: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'header'; op: 'unknown' | 'duplicate' | 'drop' | 'reverse'; column: number }
  | { kind: 'bytes'; at: number; byte: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...HOSTILE_SNIPPETS), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('cell' as const), row: fc.nat(), column: fc.nat(), value: HOSTILE_VALUES, quoted: fc.boolean() }),
  fc.record({ kind: fc.constant('duplicate-row' as const), row: fc.nat(), changeColumn: fc.option(fc.nat(), { nil: null }), value: HOSTILE_VALUES }),
  fc.record({ kind: fc.constant('line-ends' as const), mode: fc.constantFrom('lf' as const, 'mixed' as const, 'cr' as const) }),
  fc.record({ kind: fc.constant('bom' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('header' as const), op: fc.constantFrom('unknown' as const, 'duplicate' as const, 'drop' as const, 'reverse' as const), column: fc.nat() }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), byte: fc.integer({ min: 0x80, max: 0xff }) }),
);

/** Edits a valid file survives (other line ends, a BOM, fewer or reordered columns): the accepted side. */
const harmlessEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('line-ends' as const), mode: fc.constantFrom('lf' as const, 'mixed' as const) }),
  fc.record({ kind: fc.constant('bom' as const), count: fc.constant(1) }),
  fc.record({ kind: fc.constant('header' as const), op: fc.constantFrom('drop' as const, 'reverse' as const), column: fc.integer({ min: 16, max: 26 }) }),
);

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

function applyEdit(text: string, change: Edit): string {
  const lines = text.split('\r\n');
  const dataRows = Math.max(lines.length - 2, 1);
  switch (change.kind) {
    case 'insert': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'delete': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + change.length);
    }
    case 'cell': {
      const index = 1 + (change.row % dataRows);
      const cells = (lines[index] ?? '').split(',');
      cells[change.column % cells.length] = change.quoted ? quote(change.value) : change.value;
      lines[index] = cells.join(',');
      return lines.join('\r\n');
    }
    case 'duplicate-row': {
      const index = 1 + (change.row % dataRows);
      const cells = (lines[index] ?? '').split(',');
      if (change.changeColumn !== null) cells[change.changeColumn % cells.length] = change.value;
      lines.splice(index + 1, 0, cells.join(','));
      return lines.join('\r\n');
    }
    case 'line-ends':
      if (change.mode === 'lf') return text.replaceAll('\r\n', '\n');
      if (change.mode === 'cr') return text.replaceAll('\r\n', '\r');
      return lines.map((line, index) => line + (index % 2 ? '\n' : '\r\n')).join('');
    case 'bom':
      return '\uFEFF'.repeat(change.count) + text;
    case 'truncate':
      return text.slice(0, change.at % (text.length + 1));
    case 'header': {
      const names: string[] = [...COLUMNS];
      const column = change.column % names.length;
      if (change.op === 'unknown') names[column] = `${names[column]}_x`;
      if (change.op === 'duplicate') names.push(names[column]!);
      lines[0] = names.join(',');
      // Dropping or reordering a column does it in every line: a valid file unless a raw column went.
      if (change.op === 'drop' || change.op === 'reverse') {
        return lines
          .map((line) => {
            const cells = line.split(',');
            if (change.op === 'drop') cells.splice(column, 1);
            else cells.reverse();
            return line === '' ? line : cells.join(',');
          })
          .join('\r\n');
      }
      return lines.join('\r\n');
    }
    case 'bytes':
      return text;
  }
}

function toBytes(text: string, edits: readonly Edit[]): Uint8Array {
  let bytes = new TextEncoder().encode(text);
  for (const change of edits) {
    if (change.kind !== 'bytes') continue;
    const at = change.at % (bytes.length + 1);
    bytes = new Uint8Array([...bytes.slice(0, at), change.byte, ...bytes.slice(at)]);
  }
  return bytes;
}

interface Snapshot {
  events: EventRecord[];
  rollups: RollupRecord[];
}

async function snapshot(db: FrugalDb): Promise<Snapshot> {
  return { events: await db.getAll('events'), rollups: await db.getAll('rollups') };
}

function checkProblem(problem: CsvProblem, lineCount: number): void {
  if ('line' in problem) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lineCount);
  }
  if (problem.code === 'invalid-value') expect(problem.value.length).toBeLessThanOrEqual(40);
}

/** A stored history overlapping the file: some ids the same, some measured further, some moved. */
function storedBefore(events: readonly StoredEvent[]): StoredEvent[] {
  return events.flatMap((event, index) => {
    if (index % 4 === 0) return [event];
    if (index % 4 === 1) return [{ ...event, durationMs: Math.max(0, event.durationMs - 1), status: 'interrupted' as const }];
    if (index % 4 === 2) return [{ ...event, at: event.at - 1 }];
    return [];
  });
}

/** How the cases ended: each kind must be common, or the fuzz tests less than it claims. */
const outcomes = { refused: 0, written: 0, failedWrite: 0 };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('importing hostile files', () => {
  it('never throws, never accepts an invalid row, never writes part of a file', async () => {
    const estimator = new EventEstimator('provider');
    await fc.assert(
      fc.asyncProperty(
        anyEvents(6),
        fc.oneof(
          { arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }), weight: 3 },
          { arbitrary: fc.array(harmlessEdit, { maxLength: 3 }), weight: 1 },
        ),
        fc.option(fc.nat(8), { nil: null }),
        async (events, edits, failAtWrite) => {
          const valid = HEADER_RECORD + events.map((event) => eventRecord(event, estimator)).join('');
          const text = edits.reduce(applyEdit, valid);
          const bytes = toBytes(text, edits);

          const db = await freshDb();
          await seed(db, storedBefore(events));
          const before = await snapshot(db);

          const reading = await readImport(bytes);
          if (!reading.ok) {
            expect(reading.problems.length).toBeGreaterThan(0);
            const lineCount = text.split(/\r\n|\n|\r/).length;
            for (const problem of reading.problems) checkProblem(problem, lineCount);
            outcomes.refused += 1;
            return;
          }

          const stored = new Map(before.events.map((event) => [event.id, event]));
          const ids = new Set<string>();
          for (const { event } of reading.rows) {
            const { site, ...measurement } = event;
            expect(parseMeasurement(measurement)).not.toBeNull();
            expect(SITE_IDS).toContain(site);
            expect(ids.has(event.id)).toBe(false);
            ids.add(event.id);
          }

          if (failAtWrite !== null) {
            const put = IDBObjectStore.prototype.put;
            let calls = 0;
            vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
              if (calls++ === failAtWrite) throw new DOMException('injected', 'UnknownError');
              return put.apply(this, args);
            });
          }
          let written = true;
          try {
            await writeImport(db, reading.rows);
          } catch (error) {
            expect(String(error)).toContain('injected');
            written = false;
          }
          vi.restoreAllMocks();
          const after = await snapshot(db);
          if (!written) {
            expect(after).toEqual(before);
            outcomes.failedWrite += 1;
            return;
          }
          outcomes.written += 1;
          const afterById = new Map(after.events.map((event) => [event.id, event]));
          for (const { event } of reading.rows) {
            const previous = stored.get(event.id);
            const outcome = mergeOutcome(previous, event);
            const now = afterById.get(event.id)!;
            if (outcome === 'add') expect(now).toMatchObject(event);
            else if (outcome === 'update') {
              expect(now).toEqual({ ...event, detector: previous!.detector, adapterVersion: previous!.adapterVersion, rollupDay: previous!.rollupDay });
            } else expect(now).toEqual(previous);
          }
          for (const event of before.events) if (!ids.has(event.id)) expect(afterById.get(event.id)).toEqual(event);
          expect(after.events.length).toBe(new Set([...stored.keys(), ...ids]).size);
          const sums = await sumsOfStore(db);
          expect(sums.rollups).toEqual(sums.events);
        },
      ),
      { numRuns: 1_200 },
    );
    console.log('hostile files:', outcomes);
    expect(outcomes.refused + outcomes.written + outcomes.failedWrite).toBeGreaterThanOrEqual(1_200);
    expect(outcomes.refused).toBeGreaterThan(500);
    expect(outcomes.written).toBeGreaterThan(100);
    expect(outcomes.failedWrite).toBeGreaterThan(50);

  }, 600_000);
});
