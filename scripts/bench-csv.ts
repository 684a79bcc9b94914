/**
 * Measures the CSV export and import on a large history:
 *
 *   npx tsx scripts/bench-csv.ts [events=100000]
 *
 * Runs in Node on fake-indexeddb (the in-memory IndexedDB the unit tests
 * use), so absolute times differ from a browser's; the ratio of the export to
 * a bare `getAll` of the same rows is the figure to watch (issue 8: at most 3).
 * "Longest pause" is the longest the main thread went without running a 1 ms
 * heartbeat timer during the export: what a page would feel as a freeze.
 * fake-indexeddb does its own work synchronously (a browser's IndexedDB works
 * off the page's thread), so that pause includes the fake database's; the
 * formatting alone ("formatMs", all rows already in memory, and its share per
 * batch) is this code's part. e2e/csv.e2e.ts measures the same in real browsers.
 * Prints one JSON object.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { EventEstimator } from '../lib/csv/estimates';
import { exportCsv } from '../lib/csv/export';
import { readImportText, writeImport } from '../lib/csv/import';
import { eventRecord } from '../lib/csv/rows';
import { DEFAULT_BATCH_SIZE } from '../lib/store/batches';
import { openFrugalDb, type FrugalDb } from '../lib/store/db';
import { toStoredEvent } from '../lib/store/events';
import { importEvents } from '../lib/store/import';
import { sampleHistoryOf } from '../lib/views/__tests__/sample-history';

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** Runs `work` with a 1 ms heartbeat and reports the longest gap between beats. */
async function longestPause<T>(work: () => Promise<T>): Promise<{ result: T; pauseMs: number }> {
  let last = performance.now();
  let longest = 0;
  const beat = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    const result = await work();
    return { result, pauseMs: longest };
  } finally {
    clearInterval(beat);
  }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(count) || count < 1) throw new Error('events must be a positive integer');
  const db: FrugalDb = await openFrugalDb();
  const seeded = await timed(() => importEvents(db, sampleHistoryOf(count, Date.UTC(2026, 10, 1))));

  const rawRead = await timed(() => db.getAllFromIndex('events', 'at'));
  const estimator = new EventEstimator('provider');
  const formatStart = performance.now();
  let formatted = 0;
  for (const record of rawRead.result) formatted += eventRecord(toStoredEvent(record), estimator).length;
  const formatMs = performance.now() - formatStart;
  const exported = await timed(() => longestPause(() => exportCsv(db, { region: 'provider' })));
  const { parts, rows } = exported.result.result;
  const text = parts.join('');
  const bytes = Buffer.byteLength(text, 'utf8');

  const read = await timed(() => readImportText(text));
  if (formatted !== text.length - parts[0]!.length) throw new Error('formatting alone and the export differ');
  if (!read.result.ok) throw new Error(`export did not import: ${JSON.stringify(read.result.problems.slice(0, 3))}`);
  const rowsRead = read.result.rows;
  globalThis.indexedDB = new IDBFactory();
  const target = await openFrugalDb();
  const written = await timed(() => writeImport(target, rowsRead));

  console.log(
    JSON.stringify(
      {
        events: count,
        seedMs: round(seeded.ms),
        getAllMs: round(rawRead.ms),
        exportMs: round(exported.ms),
        exportToGetAllRatio: round(exported.ms / rawRead.ms),
        exportLongestPauseMs: round(exported.result.pauseMs),
        formatMs: round(formatMs),
        formatPerBatchMs: round((formatMs * DEFAULT_BATCH_SIZE) / count),
        exportRows: rows,
        exportBytes: bytes,
        bytesPerRow: Math.round(bytes / rows),
        importReadMs: round(read.ms),
        importWriteMs: round(written.ms),
        importAdded: written.result.added,
      },
      null,
      2,
    ),
  );
}

await main();
