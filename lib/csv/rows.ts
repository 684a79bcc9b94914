import { measurementProblem, parseMeasurement } from '../capture/schema';
import {
  KINDS,
  LIMITS,
  MODEL_SOURCES,
  SITE_IDS,
  STATUSES,
  TASKS,
  type Measurement,
  type SiteId,
  type StoredEvent,
} from '../event';
import { METHOD_VERSION, type Range, type RegionCode } from '../footprint';
import { COLUMNS, isColumn, RAW_COLUMNS, type RawColumn } from './columns';
import { csvRecord, restoreFormula, textCell } from './cells';
import { formatEstimate } from './decimal';
import type { EventEstimator } from './estimates';
import { type CsvProblem, excerpt, type Expectation } from './problems';

/**
 * One event <-> one CSV record. Export writes the raw measurements and the
 * estimates of the current method; import reads the raw columns only and
 * checks them with the same check every captured measurement passes
 * (lib/capture/schema.ts), which names the first invalid field of a row.
 */

/** The grid whose figures the export uses: the user's region, or each model's hosting region. */
export type ExportRegion = RegionCode | 'provider';

/**
 * The CSV does not carry how an event was detected nor by which adapter
 * version (CONTRACT columns): an imported event that is new to this browser
 * gets these. Nothing reads them for estimates or views; an event already
 * stored keeps its own.
 */
export const IMPORTED_PROVENANCE = { detector: 'network', adapterVersion: 1 } as const satisfies Pick<
  Measurement,
  'detector' | 'adapterVersion'
>;

type RawField = Exclude<keyof StoredEvent, 'detector' | 'adapterVersion'>;

interface RawColumnSpec {
  readonly field: RawField;
  readonly expected: Expectation;
  /** Text to the value the check reads; a value it cannot read stays text, which the check rejects. */
  readonly read: (text: string) => unknown;
  readonly write: (event: StoredEvent) => string;
}

const count = (field: RawField & keyof Measurement, max: number): RawColumnSpec => ({
  field,
  expected: { type: 'count', max },
  read: (text) => (/^\d{1,16}$/.test(text) ? Number(text) : text),
  write: (event) => String(event[field]),
});

const oneOf = (field: RawField, options: readonly string[]): RawColumnSpec => ({
  field,
  expected: { type: 'one-of', options },
  read: (text) => text,
  write: (event) => textCell(String(event[field])),
});

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

/**
 * Epoch ms of an ISO-8601 UTC time as the export writes it
 * (`2026-11-26T09:30:00.000Z`; the fraction may be shorter or absent), or NaN.
 * Only UTC ("Z"): the column is timestamp_utc. Impossible dates (Feb 30) are NaN.
 */
export function parseUtcTimestamp(text: string): number {
  const parts = ISO_UTC.exec(text);
  if (!parts) return Number.NaN;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number((parts[7] ?? '').padEnd(3, '0'));
  const at = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const date = new Date(at);
  const sameFields =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return sameFields ? at : Number.NaN;
}

const RAW_SPECS: Readonly<Record<RawColumn, RawColumnSpec>> = {
  id: { field: 'id', expected: { type: 'uuid' }, read: (text) => text, write: (event) => textCell(event.id) },
  timestamp_utc: {
    field: 'at',
    expected: { type: 'timestamp' },
    read: parseUtcTimestamp,
    write: (event) => new Date(event.at).toISOString(),
  },
  site: oneOf('site', SITE_IDS),
  kind: oneOf('kind', KINDS),
  model: {
    field: 'model',
    expected: { type: 'model', maxLength: LIMITS.modelLength },
    read: (text) => (text === '' ? null : text),
    write: (event) => textCell(event.model ?? ''),
  },
  model_source: oneOf('modelSource', MODEL_SOURCES),
  task: oneOf('task', TASKS),
  input_chars: count('inputChars', LIMITS.chars),
  output_chars: count('outputChars', LIMITS.chars),
  reasoning_chars: count('reasoningChars', LIMITS.chars),
  input_tokens: count('inputTokens', LIMITS.tokens),
  output_tokens: count('outputTokens', LIMITS.tokens),
  reasoning_tokens: count('reasoningTokens', LIMITS.tokens),
  images: count('images', LIMITS.images),
  duration_ms: count('durationMs', LIMITS.durationMs),
  status: oneOf('status', STATUSES),
};

const SITE_SET = new Set<string>(SITE_IDS);
const COLUMN_OF_FIELD = new Map<string, RawColumn>(RAW_COLUMNS.map((column) => [RAW_SPECS[column].field, column]));

function rangeCells(range: Range): string {
  return `${formatEstimate(range.low)},${formatEstimate(range.central)},${formatEstimate(range.high)}`;
}

export const HEADER_RECORD = csvRecord(COLUMNS);

/** Written once: every record ends with these two cells' text. */
const METHOD_CELL = textCell(METHOD_VERSION);

/**
 * The CSV record of one event, ending with CRLF. Built by concatenation: an
 * export writes 100,000 of them, and arrays of cells would triple the garbage.
 */
export function eventRecord(event: StoredEvent, estimator: EventEstimator): string {
  const estimate = estimator.estimate(event);
  let record = '';
  for (const column of RAW_COLUMNS) record += `${RAW_SPECS[column].write(event)},`;
  return `${record}${rangeCells(estimate.energyWh)},${rangeCells(estimate.co2g)},${rangeCells(estimate.waterMl)},${textCell(estimate.gridRegion)},${METHOD_CELL}\r\n`;
}

/** Where each raw column sits in a file's records. */
export interface HeaderLayout {
  readonly width: number;
  readonly positions: Readonly<Record<RawColumn, number>>;
}

/**
 * Check a header record: every name must be a contract column, none twice,
 * every raw column present. Derived columns may be missing (they are
 * recomputed) and columns may come in any order.
 */
export function readHeader(cells: readonly string[], line: number): HeaderLayout | CsvProblem[] {
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  cells.forEach((name, position) => {
    if (!isColumn(name)) problems.push({ code: 'unknown-column', line, column: excerpt(name) });
    else if (seen.has(name)) problems.push({ code: 'duplicate-column', line, column: name });
    else seen.set(name, position);
  });
  for (const column of RAW_COLUMNS) {
    if (!seen.has(column)) problems.push({ code: 'missing-column', line, column });
  }
  if (problems.length > 0) return problems;
  const positions = Object.fromEntries(RAW_COLUMNS.map((column) => [column, seen.get(column)!])) as Record<RawColumn, number>;
  return { width: cells.length, positions };
}

/**
 * The stored event a record describes (as it would be stored if new to this
 * browser), or what is wrong with it: an unknown site and the first invalid
 * measurement field.
 */
export function readEventRecord(
  cells: readonly string[],
  line: number,
  layout: HeaderLayout,
): { event: StoredEvent } | { problems: CsvProblem[] } {
  if (cells.length !== layout.width) {
    return { problems: [{ code: 'wrong-cell-count', line, expected: layout.width, found: cells.length }] };
  }
  const positions = layout.positions;
  const read = (column: Exclude<RawColumn, 'site'>): unknown =>
    RAW_SPECS[column].read(restoreFormula(cells[positions[column]]!));
  const site = restoreFormula(cells[positions.site]!);
  // A literal with every field, in the contract's order: one object shape for every row.
  const candidate = {
    id: read('id'),
    at: read('timestamp_utc'),
    kind: read('kind'),
    model: read('model'),
    modelSource: read('model_source'),
    task: read('task'),
    inputChars: read('input_chars'),
    outputChars: read('output_chars'),
    reasoningChars: read('reasoning_chars'),
    inputTokens: read('input_tokens'),
    outputTokens: read('output_tokens'),
    reasoningTokens: read('reasoning_tokens'),
    images: read('images'),
    durationMs: read('duration_ms'),
    status: read('status'),
    ...IMPORTED_PROVENANCE,
  } satisfies Record<keyof Measurement, unknown>;
  const invalid: RawColumn[] = SITE_SET.has(site) ? [] : ['site'];
  const failingField = measurementProblem(candidate);
  if (failingField !== null) {
    const failingColumn = COLUMN_OF_FIELD.get(failingField);
    // Only a field the CSV does not carry can fail unmapped: a change to the measurement contract.
    if (!failingColumn) throw new Error(`CSV import does not fill the measurement field "${failingField}"`);
    invalid.push(failingColumn);
  }
  const measurement = invalid.length === 0 ? parseMeasurement(candidate) : null;
  if (!measurement) {
    invalid.sort((a, b) => RAW_COLUMNS.indexOf(a) - RAW_COLUMNS.indexOf(b));
    return {
      problems: invalid.map((column) => ({
        code: 'invalid-value',
        line,
        column,
        value: excerpt(restoreFormula(cells[layout.positions[column]]!)),
        expected: RAW_SPECS[column].expected,
      })),
    };
  }
  return { event: { ...measurement, site: site as SiteId } };
}
