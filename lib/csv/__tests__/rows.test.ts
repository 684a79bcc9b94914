import { describe, expect, it } from 'vitest';
import { KINDS, LIMITS, MODEL_SOURCES, SITE_IDS, STATUSES, TASKS } from '../../event';
import { COLUMNS, DERIVED_COLUMNS, RAW_COLUMNS, type RawColumn } from '../columns';
import { EventEstimator } from '../estimates';
import { excerpt } from '../problems';
import { readCsv } from '../reader';
import { eventRecord, HEADER_RECORD, IMPORTED_PROVENANCE, parseUtcTimestamp, readEventRecord, readHeader, type HeaderLayout } from '../rows';
import { AT, storedEvent } from './helpers';

const cellsOf = (record: string): string[] => {
  const [item] = [...readCsv(record, 1000)];
  if (!item || !('record' in item)) throw new Error('not one record');
  return [...item.record.cells];
};

const layout = readHeader(COLUMNS, 1) as HeaderLayout;
const rowWith = (changes: Partial<Record<RawColumn, string>>): string[] => {
  const cells = cellsOf(eventRecord(storedEvent(), new EventEstimator('provider')));
  for (const [column, text] of Object.entries(changes)) cells[COLUMNS.indexOf(column as RawColumn)] = text;
  return cells;
};

describe('the CONTRACT columns', () => {
  it('are written in this exact order', () => {
    expect(HEADER_RECORD).toBe(
      'id,timestamp_utc,site,kind,model,model_source,task,input_chars,output_chars,reasoning_chars,' +
        'input_tokens,output_tokens,reasoning_tokens,images,duration_ms,status,energy_wh_low,energy_wh,' +
        'energy_wh_high,co2_g_low,co2_g,co2_g_high,water_ml_low,water_ml,water_ml_high,grid_region,method_version\r\n',
    );
  });
});

describe('parseUtcTimestamp', () => {
  it('reads what toISOString writes, and shorter fractions', () => {
    expect(parseUtcTimestamp(new Date(AT).toISOString())).toBe(AT);
    expect(parseUtcTimestamp('2026-03-12T09:30:15Z')).toBe(Date.UTC(2026, 2, 12, 9, 30, 15));
    expect(parseUtcTimestamp('2026-03-12T09:30:15.5Z')).toBe(Date.UTC(2026, 2, 12, 9, 30, 15, 500));
  });

  it.each([
    '2026-03-12 09:30:15Z',
    '2026-03-12T09:30:15',
    '2026-03-12T09:30:15+01:00',
    '2026-02-30T09:30:15Z',
    '2026-03-12T24:00:00Z',
    '2026-03-12T09:30:15.1234Z',
    '1773307815250',
    '',
  ])('rejects %j', (text) => {
    expect(parseUtcTimestamp(text)).toBeNaN();
  });
});

describe('readHeader', () => {
  it('maps every raw column, in the contract order or any other', () => {
    expect(readHeader(COLUMNS, 1)).toMatchObject({ width: 27, positions: { id: 0, status: 15 } });
    const reversed = [...COLUMNS].reverse();
    expect(readHeader(reversed, 1)).toMatchObject({ width: 27, positions: { id: 26, status: 11 } });
  });

  it('accepts a file with only the raw columns: the derived ones are recomputed', () => {
    expect(readHeader(RAW_COLUMNS, 1)).toMatchObject({ width: 16 });
  });

  it('rejects an unknown column, cut to a readable length', () => {
    expect(readHeader([...COLUMNS, 'notes'], 3)).toEqual([{ code: 'unknown-column', line: 3, column: 'notes' }]);
    expect(readHeader([...COLUMNS, 'x'.repeat(500)], 1)).toEqual([
      { code: 'unknown-column', line: 1, column: `${'x'.repeat(39)}…` },
    ]);
    // Names are exact: a spreadsheet's changed case is a different column.
    expect(readHeader(COLUMNS.map((name) => (name === 'site' ? 'Site' : name)), 1)).toEqual([
      { code: 'unknown-column', line: 1, column: 'Site' },
      { code: 'missing-column', line: 1, column: 'site' },
    ]);
  });

  it('rejects a column given twice', () => {
    expect(readHeader([...COLUMNS, 'energy_wh'], 1)).toEqual([{ code: 'duplicate-column', line: 1, column: 'energy_wh' }]);
  });

  it('names every missing raw column', () => {
    expect(readHeader(DERIVED_COLUMNS, 1)).toEqual(RAW_COLUMNS.map((column) => ({ code: 'missing-column', line: 1, column })));
  });
});

describe('readEventRecord', () => {
  it('reads an exported row back to the event, with the provenance a CSV does not carry', () => {
    expect(readEventRecord(rowWith({}), 2, layout)).toEqual({ event: { ...storedEvent(), ...IMPORTED_PROVENANCE } });
  });

  it('reads an empty model as none', () => {
    expect(readEventRecord(rowWith({ model: '' }), 2, layout)).toMatchObject({ event: { model: null } });
  });

  it('ignores the derived columns entirely', () => {
    const cells = rowWith({});
    for (const column of DERIVED_COLUMNS) cells[COLUMNS.indexOf(column)] = '=not a number';
    expect(readEventRecord(cells, 2, layout)).toHaveProperty('event');
  });

  it('undoes formula neutralisation before checking a value', () => {
    // No valid value starts like a formula, so the restored text is checked as it was written.
    expect(readEventRecord(rowWith({ model: "'=cmd" }), 2, layout)).toMatchObject({
      problems: [{ code: 'invalid-value', column: 'model', value: '=cmd' }],
    });
  });

  it('rejects a row with too few or too many cells', () => {
    expect(readEventRecord(rowWith({}).slice(1), 9, layout)).toEqual({
      problems: [{ code: 'wrong-cell-count', line: 9, expected: 27, found: 26 }],
    });
  });

  const invalid: [RawColumn, string, object][] = [
    ['id', 'not-a-uuid', { type: 'uuid' }],
    ['timestamp_utc', '2026-03-12', { type: 'timestamp' }],
    ['timestamp_utc', '2021-01-01T00:00:00.000Z', { type: 'timestamp' }],
    ['timestamp_utc', new Date(Date.now() + 3 * 86_400_000).toISOString(), { type: 'timestamp' }],
    ['site', 'ChatGPT', { type: 'one-of', options: SITE_IDS }],
    ['kind', 'audio', { type: 'one-of', options: KINDS }],
    ['model', 'GPT 5', { type: 'model', maxLength: LIMITS.modelLength }],
    ['model', 'a'.repeat(81), { type: 'model', maxLength: LIMITS.modelLength }],
    ['model_source', 'guess', { type: 'one-of', options: MODEL_SOURCES }],
    ['task', 'poetry', { type: 'one-of', options: TASKS }],
    ['input_chars', '-1', { type: 'count', max: LIMITS.chars }],
    ['output_chars', '1.5', { type: 'count', max: LIMITS.chars }],
    ['reasoning_chars', '1e3', { type: 'count', max: LIMITS.chars }],
    ['input_tokens', String(LIMITS.tokens + 1), { type: 'count', max: LIMITS.tokens }],
    ['output_tokens', ' 5', { type: 'count', max: LIMITS.tokens }],
    ['reasoning_tokens', '', { type: 'count', max: LIMITS.tokens }],
    ['images', '65', { type: 'count', max: LIMITS.images }],
    ['duration_ms', '99999999999999999', { type: 'count', max: LIMITS.durationMs }],
    ['status', 'done', { type: 'one-of', options: STATUSES }],
  ];
  it.each(invalid)('rejects %s = %j, saying what it must hold', (column, text, expected) => {
    expect(readEventRecord(rowWith({ [column]: text }), 7, layout)).toEqual({
      problems: [{ code: 'invalid-value', line: 7, column, value: excerpt(text), expected }],
    });
  });

  it('reports an unknown site and an invalid measurement field of the same row, in column order', () => {
    expect(readEventRecord(rowWith({ images: 'many', site: 'x' }), 4, layout)).toMatchObject({
      problems: [
        { code: 'invalid-value', column: 'site' },
        { code: 'invalid-value', column: 'images' },
      ],
    });
  });

  it('cuts a long offending value for display', () => {
    const long = `=${'9'.repeat(200)}`;
    expect(readEventRecord(rowWith({ input_chars: long }), 2, layout)).toMatchObject({
      problems: [{ value: `${long.slice(0, 39)}…` }],
    });
  });
});
