import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, sentAtLeast, testPage } from '../../capture/__tests__/fakes';
import { KINDS, MODEL_SOURCES, SITE_IDS, STATUSES, TASKS } from '../../event';
import { estimateEvent, METHOD_VERSION, REGION_CODES } from '../../footprint';
import { chatgpt } from '../../sites/chatgpt';
import type { FrugalDb } from '../../store/db';
import { storeMeasurements } from '../../store/events';
import { type Column, COLUMNS } from '../columns';
import { formatEstimate } from '../decimal';
import { csvFileName, exportCsv, UTF8_BOM } from '../export';
import { AT, exportText, freshDb, seed, storedEvent, uuid } from './helpers';

let db: FrugalDb;
beforeEach(async () => {
  db = await freshDb();
});

/** The export read by an independent RFC 4180 reader, as one object per row. */
function rowsOf(text: string): Record<Column, string>[] {
  const parsed = Papa.parse<Record<Column, string>>(text, { header: true, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('exportCsv', () => {
  it('writes the contract header, then one CRLF record per event in time order, UTF-8 without a BOM by default', async () => {
    await seed(db, [storedEvent({ id: uuid(2), at: AT + 1000 }), storedEvent({ id: uuid(1) })]);
    const text = await exportText(db);
    expect(text.startsWith(`${COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(rowsOf(text).map((row) => row.id)).toEqual([uuid(1), uuid(2)]);
  });

  it('starts with a byte order mark when asked, for spreadsheet programs', async () => {
    const { parts } = await exportCsv(db, { region: 'provider', bom: true });
    const bytes = new TextEncoder().encode(parts.join(''));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parts[0]!.startsWith(UTF8_BOM + COLUMNS[0])).toBe(true);
  });

  it('writes the raw measurements exactly, with the timestamp in ISO-8601 UTC', async () => {
    const event = storedEvent({ model: null, task: 'code', inputTokens: 1234, durationMs: 86_400_000 });
    await seed(db, [event]);
    expect(rowsOf(await exportText(db))[0]).toMatchObject({
      id: event.id,
      timestamp_utc: '2026-03-12T09:30:15.250Z',
      site: 'chatgpt',
      kind: 'text',
      model: '',
      model_source: 'response',
      task: 'code',
      input_tokens: '1234',
      duration_ms: '86400000',
      status: 'complete',
    });
  });

  it('writes the current method estimates, with the grid the user chose or the provider grid', async () => {
    const event = storedEvent();
    await seed(db, [event]);
    for (const region of ['FRA', 'provider'] as const) {
      const row = rowsOf(await exportText(db, { region }))[0]!;
      const expected = estimateEvent(event, { region });
      expect(row).toMatchObject({
        energy_wh_low: formatEstimate(expected.energyWh.low),
        energy_wh: formatEstimate(expected.energyWh.central),
        energy_wh_high: formatEstimate(expected.energyWh.high),
        co2_g: formatEstimate(expected.co2g.central),
        water_ml_high: formatEstimate(expected.waterMl.total.high),
        grid_region: expected.gridRegion,
        method_version: METHOD_VERSION,
      });
    }
    expect(rowsOf(await exportText(db, { region: 'FRA' }))[0]!.grid_region).toBe('FRA');
  });

  it('exports an inclusive time range', async () => {
    await seed(db, [0, 1, 2, 3].map((n) => storedEvent({ id: uuid(n), at: AT + n * 60_000 })));
    const rows = rowsOf(await exportText(db, { from: AT + 60_000, to: AT + 120_000 }));
    expect(rows.map((row) => row.id)).toEqual([uuid(1), uuid(2)]);
  });

  it('exports an empty history as the header alone', async () => {
    expect(await exportText(db)).toBe(`${COLUMNS.join(',')}\r\n`);
  });

  it('reports progress batch by batch up to the total', async () => {
    await seed(db, Array.from({ length: 25 }, (_, n) => storedEvent({ id: uuid(n), at: AT + n })));
    const progress: { rows: number; total: number }[] = [];
    const result = await exportCsv(db, { region: 'provider', batchSize: 10, onProgress: (step) => progress.push(step) });
    expect(result.rows).toBe(25);
    expect(progress).toEqual([
      { rows: 0, total: 25 },
      { rows: 10, total: 25 },
      { rows: 20, total: 25 },
      { rows: 25, total: 25 },
    ]);
  });

  it('stops when cancelled', async () => {
    await seed(db, Array.from({ length: 25 }, (_, n) => storedEvent({ id: uuid(n), at: AT + n })));
    const controller = new AbortController();
    const run = exportCsv(db, {
      region: 'provider',
      batchSize: 10,
      signal: controller.signal,
      onProgress: ({ rows }) => rows >= 10 && controller.abort(),
    });
    await expect(run).rejects.toThrow();
  });
});

describe('what an export can contain', () => {
  const CANARY = 'CANARY-8d1f3e-ship-the-migration-plan';

  /** Every column's only possible shapes: ids, times, enum values, numbers, region codes, the method. */
  const COUNT = /^\d+$/;
  const ESTIMATE = /^\d+(\.\d+)?$/;
  const SHAPES: Record<Column, RegExp> = {
    id: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    timestamp_utc: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    site: new RegExp(`^(${SITE_IDS.join('|')})$`),
    kind: new RegExp(`^(${KINDS.join('|')})$`),
    model: /^([a-z0-9][a-z0-9._:/+-]{0,79})?$/,
    model_source: new RegExp(`^(${MODEL_SOURCES.join('|')})$`),
    task: new RegExp(`^(${TASKS.join('|')})$`),
    input_chars: COUNT,
    output_chars: COUNT,
    reasoning_chars: COUNT,
    input_tokens: COUNT,
    output_tokens: COUNT,
    reasoning_tokens: COUNT,
    images: COUNT,
    duration_ms: COUNT,
    status: new RegExp(`^(${STATUSES.join('|')})$`),
    energy_wh_low: ESTIMATE,
    energy_wh: ESTIMATE,
    energy_wh_high: ESTIMATE,
    co2_g_low: ESTIMATE,
    co2_g: ESTIMATE,
    co2_g_high: ESTIMATE,
    water_ml_low: ESTIMATE,
    water_ml: ESTIMATE,
    water_ml_high: ESTIMATE,
    grid_region: new RegExp(`^(${REGION_CODES.join('|')})$`),
    method_version: new RegExp(`^${METHOD_VERSION.replaceAll('.', '\\.')}$`),
  };

  it('holds no prompt or answer text: prompts with a canary, captured through the real tap, export without it', async () => {
    const page = testPage([chatgpt], () => ({ body: fixture('chatgpt', 'routed.sse').replaceAll('hola, ¿qué tal?', CANARY) }));
    const prompt = `=HYPERLINK(1) ${CANARY}, "quoted"`;
    const body = fixture('chatgpt', 'routed.request.json').replace('"hola, ¿qué tal?"', JSON.stringify(prompt));
    await (await page.win.fetch('https://chatgpt.com/backend-api/f/conversation', { method: 'POST', body })).text();
    await sentAtLeast(page, 2);
    for (const measurement of page.sent) await storeMeasurements(db, 'chatgpt', [measurement]);

    const text = await exportText(db, { bom: true });
    expect(text).not.toContain('CANARY');
    expect(text).not.toContain('HYPERLINK');
    const rows = rowsOf(text.slice(1));
    expect(rows).toHaveLength(1);
    // The prompt was measured, so the text really passed through the tap.
    expect(rows[0]!.input_chars).toBe(String([...prompt].length));
  });

  it('holds nothing but contract fields: every cell of a varied history has its column’s shape', async () => {
    const events = SITE_IDS.flatMap((site, n) =>
      TASKS.map((task, m) =>
        storedEvent({
          id: uuid(n * 100 + m),
          site,
          task,
          at: AT + n * 1000 + m,
          kind: KINDS[m % KINDS.length]!,
          model: m % 3 === 0 ? null : `model-${m}.${n}:beta/x+1`,
          images: m,
        }),
      ),
    );
    await seed(db, events);
    for (const region of ['provider', 'WORLD', 'JPN'] as const) {
      const rows = rowsOf(await exportText(db, { region }));
      expect(rows).toHaveLength(events.length);
      for (const row of rows) {
        expect(Object.keys(row)).toEqual(COLUMNS);
        for (const column of COLUMNS) expect(row[column], column).toMatch(SHAPES[column]);
      }
    }
  });
});

describe('csvFileName', () => {
  const now = new Date(2026, 10, 26, 15, 0).getTime();
  it('names the whole history by the export date (local)', () => {
    expect(csvFileName(now)).toBe('frugal-history-2026-11-26.csv');
  });
  it('names a range by its first and last days', () => {
    expect(csvFileName(now, { from: new Date(2026, 0, 1).getTime(), to: new Date(2026, 2, 31, 23, 59).getTime() })).toBe(
      'frugal-history-2026-01-01-to-2026-03-31.csv',
    );
    expect(csvFileName(now, { to: new Date(2026, 2, 31).getTime() })).toBe('frugal-history-start-to-2026-03-31.csv');
    expect(csvFileName(now, { from: new Date(2026, 0, 1).getTime() })).toBe('frugal-history-2026-01-01-to-2026-11-26.csv');
  });
});
