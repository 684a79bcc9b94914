/**
 * Frugal's benchmarks, on the built extension in real Chromium and Firefox:
 *
 *   npm run bench              (builds first; prints one Markdown table)
 *   npm run bench -- --json    (the same numbers as one JSON object)
 *   npm run bench -- --only tap  (one part: bundles, history or tap)
 *
 * Every ratio is measured side by side in one run, so a slow or busy machine
 * moves both sides; absolute times are this machine's. Medians of several runs.
 * What each row measures, and the targets, are in BENCHMARKS.md.
 */
import { readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sampleHistoryOf } from '../lib/views/__tests__/sample-history';
import { BROWSERS, launch, type BrowserName, type ExtensionBrowser, type Tab } from '../e2e/browsers';
import { clickExport, installProbe, timeGetAll, type ProbeWindow } from '../e2e/csv-probe';
import { seedHistory, startReplay, waitForAnswers, waitForEvents } from '../e2e/harness';
import { chatgptReplay } from '../e2e/replay/chatgpt/site';
import { LONG_PREFIX, longAnswerChatgpt } from '../e2e/replay/long-answer';

const OUTPUT = resolve(process.env.FRUGAL_OUTPUT_DIR ?? '.output');
const HISTORY_EVENTS = 100_000;
const POPUP_OPENS = 7;
const EXPORT_RUNS = 3;
const TAP_RUNS = 7;
/** Words in the long answer: about 20,000 tokens' worth of v1 deltas (a very long answer). */
const LONG_ANSWER_DELTAS = 20_000;

interface Row {
  measure: string;
  browser: string;
  value: string;
  target: string;
  met: boolean | null;
}
const rows: Row[] = [];
const record = (measure: string, browser: string, value: string, target = '', met: boolean | null = null): void => {
  rows.push({ measure, browser, value, target, met });
  process.stderr.write(`  ${measure} (${browser}): ${value}\n`);
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;
const ratio = (value: number): string => value.toFixed(2);

// ---------------------------------------------------------------------------
// Bundle sizes, from the built files

function bundleSizes(): void {
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const dir = join(OUTPUT, target);
    const size = (file: string): { raw: number; gzip: number } => {
      const bytes = readFileSync(join(dir, file));
      return { raw: bytes.length, gzip: gzipSync(bytes).length };
    };
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[]; js: string[] }[] };
    // What one page of each supported site loads: every content script whose matches include it.
    const pages = new Map<string, string[]>();
    for (const script of manifest.content_scripts) for (const match of script.matches) pages.set(match, [...(pages.get(match) ?? []), ...script.js]);
    const perPage = [...pages].map(([match, files]) => ({ match, ...files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip })) }));
    const largest = perPage.reduce((a, b) => (b.raw > a.raw ? b : a));
    const smallest = perPage.reduce((a, b) => (b.raw < a.raw ? b : a));
    record('Content scripts per page, largest', target, `${kB(largest.raw)} (${kB(largest.gzip)} gzip), ${largest.match}`, '≤ 30 kB', largest.raw <= 30 * 1024);
    record('Content scripts per page, smallest', target, `${kB(smallest.raw)} (${kB(smallest.gzip)} gzip), ${smallest.match}`, '≤ 30 kB', smallest.raw <= 30 * 1024);
    const over = perPage.filter((page) => page.raw > 30 * 1024);
    record(
      'Content-script pages within 30 kB',
      target,
      `${perPage.length - over.length} of ${perPage.length}${over.length ? `; over: ${over.map((page) => `${new URL(page.match.replace('*', '')).host} ${kB(page.raw)}`).join(', ')}` : ''}`,
    );
    const pageScripts = (html: string): string[] =>
      [...readFileSync(join(dir, html), 'utf8').matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
    for (const [name, html, limit] of [
      ['Popup JavaScript', 'popup.html', 80],
      ['Dashboard JavaScript', 'dashboard.html', null],
    ] as const) {
      const total = pageScripts(html).map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
      record(name, target, `${kB(total.raw)} (${kB(total.gzip)} gzip)`, limit ? `≤ ${limit} kB` : '', limit ? total.raw <= limit * 1024 : null);
    }
    const background = size('background.js');
    record('Background', target, `${kB(background.raw)} (${kB(background.gzip)} gzip)`);
  }
}

// ---------------------------------------------------------------------------
// In the browsers

/**
 * Popup first render over several opens, medians: from the page's start
 * (`data-rendered-at`: loading the code, then reading and drawing) and from the
 * script's start (`data-render-ms`: reading and drawing only).
 */
async function popupFirstRender(browser: ExtensionBrowser, ready: string): Promise<{ fromPageStart: number; fromScript: number }> {
  const times: { fromPageStart: number; fromScript: number }[] = [];
  for (let run = 0; run < POPUP_OPENS; run += 1) {
    const popup = await browser.openExtensionPage('popup.html');
    await popup.waitFor(ready, 60_000);
    await popup.waitFor('#app[data-rendered-at]');
    times.push(
      await popup.evaluate(() => {
        const { renderedAt, renderMs } = document.getElementById('app')!.dataset;
        return { fromPageStart: Number(renderedAt), fromScript: Number(renderMs) };
      }, null),
    );
    await popup.close();
  }
  // The first open also loads the code from disk; the median is a warm open, as a person's second click.
  return { fromPageStart: median(times.map((time) => time.fromPageStart)), fromScript: median(times.map((time) => time.fromScript)) };
}

/** Bytes the extension's origin holds, as the browser estimates them. */
async function storedBytes(browser: ExtensionBrowser): Promise<number> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    return await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0, null);
  } finally {
    await page.close();
  }
}

/** CSV export through the dashboard vs a bare getAll of the same rows, side by side, several times. */
async function exportAgainstGetAll(browser: ExtensionBrowser): Promise<{ exportMs: number; getAllMs: number; ratio: number; pauseMs: number }> {
  const runs: { exportMs: number; getAllMs: number; pauseMs: number }[] = [];
  for (let run = 0; run < EXPORT_RUNS; run += 1) {
    const tab = await browser.openExtensionPage('dashboard.html#data');
    await tab.waitFor('[data-testid="csv-export-button"]', 60_000);
    await tab.evaluate(installProbe, null);
    const getAll = await tab.evaluate(timeGetAll, null);
    if (getAll.count !== HISTORY_EVENTS) throw new Error(`getAll read ${getAll.count} events, not ${HISTORY_EVENTS}`);
    await tab.evaluate(clickExport, null);
    await tab.waitFor('[data-testid="csv-exported"]', 300_000);
    const exported = await tab.evaluate(async () => {
      const probe = (window as unknown as ProbeWindow).csvProbe;
      const rows = (await probe.blob!.text()).split('\r\n').length - 2;
      return { ms: probe.offeredAt! - probe.clickedAt!, pauseMs: probe.longestPause!, rows };
    }, null);
    if (exported.rows !== HISTORY_EVENTS) throw new Error(`the export held ${exported.rows} rows, not ${HISTORY_EVENTS}`);
    runs.push({ exportMs: exported.ms, getAllMs: getAll.ms, pauseMs: exported.pauseMs });
    await tab.close();
  }
  return {
    exportMs: median(runs.map((run) => run.exportMs)),
    getAllMs: median(runs.map((run) => run.getAllMs)),
    ratio: median(runs.map((run) => run.exportMs / run.getAllMs)),
    pauseMs: median(runs.map((run) => run.pauseMs)),
  };
}

async function historyBenchmarks(browserName: BrowserName): Promise<void> {
  const browser = await launch(browserName, { hosts: [] });
  try {
    const empty = await popupFirstRender(browser, '[data-testid="first-run"]');
    const bytesBefore = await storedBytes(browser);
    const history = sampleHistoryOf(HISTORY_EVENTS, Date.now());
    await seedHistory(browser, history);
    // Let the databases settle (Chromium's compaction, Firefox's checkpoint) before estimating.
    await new Promise((done) => setTimeout(done, 3_000));
    const bytesAfter = await storedBytes(browser);
    const full = await popupFirstRender(browser, '[data-testid="week-prompts"]');
    const events = `${HISTORY_EVENTS.toLocaleString('en-US')} events`;
    record('Popup first render from page start, 0 events', browserName, ms(empty.fromPageStart), '< 150 ms', empty.fromPageStart < 150);
    record(`Popup first render from page start, ${events}`, browserName, ms(full.fromPageStart), '< 150 ms', full.fromPageStart < 150);
    record('Popup first render from script start, 0 / 100k events', browserName, `${ms(empty.fromScript)} / ${ms(full.fromScript)}`, '< 150 ms', full.fromScript < 150 && empty.fromScript < 150);
    const growth = full.fromPageStart / empty.fromPageStart;
    record('Popup first render, ratio 100k / 0', browserName, ratio(growth), '≤ 1.5', growth <= 1.5);
    record('Bytes stored per event (estimate, events + rollups)', browserName, `${((bytesAfter - bytesBefore) / HISTORY_EVENTS).toFixed(0)} B`);
    const csv = await exportAgainstGetAll(browser);
    record('CSV export of 100k events', browserName, `${ms(csv.exportMs)} (getAll ${ms(csv.getAllMs)}; longest pause ${ms(csv.pauseMs)})`);
    record('CSV export / getAll, ratio', browserName, ratio(csv.ratio), '≤ 3', csv.ratio <= 3);
  } finally {
    await browser.close();
    browser.dispose();
  }
}

/**
 * The tap's cost: the page's main-thread time (Chromium's TaskDuration) to
 * receive and show one long streamed answer, with and without the extension,
 * in two browsers side by side, runs alternating.
 */
async function tapCost(): Promise<void> {
  const { server, origin } = await startReplay([longAnswerChatgpt(chatgptReplay(), LONG_ANSWER_DELTAS)]);
  const withExtension = await launch('chromium', { hosts: server.hosts });
  const without = await launch('chromium', { hosts: server.hosts, withoutExtension: true });
  const oneAnswer = async (browser: ExtensionBrowser): Promise<number> => {
    const tab: Tab = await browser.newTab();
    await tab.goto(origin('chatgpt.com'));
    await tab.waitFor('#prompt-textarea');
    // The page has loaded and settled: count only the answer's work.
    await new Promise((done) => setTimeout(done, 500));
    const before = (await tab.mainThreadMs())!;
    await tab.type('#prompt-textarea', `${LONG_PREFIX} tell me everything`);
    await tab.click('[data-testid="send-button"]');
    await waitForAnswers(tab, 1);
    const after = (await tab.mainThreadMs())!;
    await tab.close();
    return after - before;
  };
  try {
    const costs: { with: number[]; without: number[] } = { with: [], without: [] };
    for (let run = 0; run < TAP_RUNS; run += 1) {
      costs.without.push(await oneAnswer(without));
      costs.with.push(await oneAnswer(withExtension));
    }
    // The extension really measured every answer, in full.
    const events = await waitForEvents(withExtension, (stored) => stored.filter((event) => event.status === 'complete').length >= TAP_RUNS, 60_000);
    const outputChars = new Set(events.map((event) => event.outputChars));
    const withMs = median(costs.with);
    const withoutMs = median(costs.without);
    if (!(withoutMs > 0 && withMs > 0)) throw new Error(`no main-thread time measured: ${JSON.stringify(costs)}`);
    record(
      'Tap: main thread for one long answer, with / without',
      'chromium',
      `${ratio(withMs / withoutMs)} (${ms(withMs)} vs ${ms(withoutMs)}; ${LONG_ANSWER_DELTAS.toLocaleString('en-US')} deltas, ${[...outputChars].join('/')} answer chars measured)`,
      '≤ 1.05',
      withMs / withoutMs <= 1.05,
    );
  } finally {
    for (const browser of [withExtension, without]) {
      await browser.close();
      browser.dispose();
    }
    await server.stop();
  }
}

// ---------------------------------------------------------------------------

function table(): string {
  const lines = ['| Measure | Build / browser | Result | Target | Met |', '|---|---|---|---|---|'];
  for (const row of rows) lines.push(`| ${row.measure} | ${row.browser} | ${row.value} | ${row.target} | ${row.met === null ? '' : row.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

const started = Date.now();
process.stderr.write(`Frugal benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`);
statSync(join(OUTPUT, 'chrome-mv3', 'manifest.json'));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && !['bundles', 'history', 'tap'].includes(only)) throw new Error(`--only takes bundles, history or tap, not ${only}`);
if (!only || only === 'bundles') bundleSizes();
if (!only || only === 'history') for (const browserName of BROWSERS) await historyBenchmarks(browserName);
if (!only || only === 'tap') await tapCost();
if (process.argv.includes('--json')) console.log(JSON.stringify({ machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, rows }, null, 2));
else console.log(table());
process.stderr.write(`(${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
