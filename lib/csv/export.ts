import { dayKey } from '../time';
import { countEvents, eventBatches } from '../store/batches';
import type { FrugalDb } from '../store/db';
import { EventEstimator } from './estimates';
import { eventRecord, type ExportRegion, HEADER_RECORD } from './rows';
import { yieldToPage } from './yield';

/**
 * The history as CSV, built batch by batch so 100,000 events never freeze
 * the page: each batch is one short read and a few milliseconds of
 * formatting, then the page gets the main thread back. The result is a list
 * of text parts for a Blob (which encodes them as UTF-8), not one huge string.
 *
 * Events stored while an export runs may or may not be in it; every event in
 * it is complete and appears once.
 */

export const UTF8_BOM = '\uFEFF';

export interface ExportOptions {
  /** Epoch ms, inclusive; the whole history when absent. */
  readonly from?: number;
  readonly to?: number;
  /** Grid for the estimates: the user's region setting. */
  readonly region: ExportRegion;
  /** Start with a byte order mark, which spreadsheet programs need to read UTF-8. */
  readonly bom?: boolean;
  readonly batchSize?: number;
  readonly onProgress?: (progress: { readonly rows: number; readonly total: number }) => void;
  readonly signal?: AbortSignal;
}

export interface CsvExport {
  readonly parts: readonly string[];
  readonly rows: number;
}

export async function exportCsv(db: FrugalDb, options: ExportOptions): Promise<CsvExport> {
  const range = { from: options.from, to: options.to, batchSize: options.batchSize };
  const total = await countEvents(db, range);
  const parts = [options.bom ? UTF8_BOM + HEADER_RECORD : HEADER_RECORD];
  const estimator = new EventEstimator(options.region);
  let rows = 0;
  options.onProgress?.({ rows, total });
  for await (const batch of eventBatches(db, range)) {
    options.signal?.throwIfAborted();
    let text = '';
    for (const event of batch) text += eventRecord(event, estimator);
    parts.push(text);
    rows += batch.length;
    // Captures during the export can add events: the total never reads below what is done.
    options.onProgress?.({ rows, total: Math.max(total, rows) });
    await yieldToPage();
  }
  options.signal?.throwIfAborted();
  return { parts, rows };
}

/** `frugal-history-2026-11-26.csv`, or with a range `frugal-history-2026-01-01-to-2026-03-31.csv` (local days). */
export function csvFileName(now: number, range: { from?: number; to?: number } = {}): string {
  if (range.from === undefined && range.to === undefined) return `frugal-history-${dayKey(now)}.csv`;
  const from = range.from === undefined ? 'start' : dayKey(range.from);
  const to = dayKey(range.to ?? now);
  return `frugal-history-${from}-to-${to}.csv`;
}
