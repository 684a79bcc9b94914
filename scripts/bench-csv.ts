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
 * Prints one JSON object.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { KINDS, SITE_IDS, STATUSES, TASKS, type StoredEvent } from '../lib/event';
import { exportCsv } from '../lib/csv/export';
import { readImportText, writeImport } from '../lib/csv/import';
import { openFrugalDb, type FrugalDb } from '../lib/store/db';
import { importEvents } from '../lib/store/import';

/** Model ids as sites report them, so estimates go through the real resolver. */
const MODELS = ['gpt-5-3', 'gpt-5-2-thinking', 'claude-sonnet-4-5', 'gemini-2.5-flash', 'deepseek-chat', 'mistral-medium', 'grok-4', null];

/** A small deterministic generator (mulberry32), so every run measures the same history. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function history(count: number): StoredEvent[] {
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  return Array.from({ length: count }, (_, index) => {
    const inputTokens = Math.floor(next() * 4000);
    const outputTokens = Math.floor(next() * 2000);
    return {
      id: `${index.toString(16).padStart(8, '0')}-0000-4000-8000-${Math.floor(next() * 2 ** 48).toString(16).padStart(12, '0')}`,
      at: start + Math.floor(next() * span),
      site: pick(SITE_IDS),
      kind: pick(KINDS),
      model: pick(MODELS),
      modelSource: 'response',
      task: pick(TASKS),
      inputChars: inputTokens * 4,
      outputChars: outputTokens * 4,
      reasoningChars: 0,
      inputTokens,
      outputTokens,
      reasoningTokens: 0,
      images: Math.floor(next() * 4),
      durationMs: Math.floor(next() * 60_000),
      status: pick(STATUSES),
      detector: 'network',
      adapterVersion: 1,
    };
  });
}

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
  const seeded = await timed(() => importEvents(db, history(count)));

  const rawRead = await timed(() => db.getAllFromIndex('events', 'at'));
  const exported = await timed(() => longestPause(() => exportCsv(db, { region: 'provider' })));
  const { parts, rows } = exported.result.result;
  const text = parts.join('');
  const bytes = Buffer.byteLength(text, 'utf8');

  const read = await timed(() => readImportText(text));
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
