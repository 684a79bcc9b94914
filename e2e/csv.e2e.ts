import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, RAW_COLUMNS } from '../lib/csv/columns';
import { addSums, emptySums, type StoredEvent, sumsOf } from '../lib/event';
import type { EventRecord } from '../lib/store/db';
import { sampleHistory } from '../lib/views/__tests__/sample-history';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './browsers';
import { clickExport, installProbe, timeGetAll, type ProbeWindow } from './csv-probe';
import { seedHistory, startReplay, waitForAnswers, waitForEvents } from './harness';
import { chatgptReplay } from './replay/chatgpt/site';
import type { ReplayServer } from './server';

/**
 * CSV export and import through the dashboard, in both browsers: a history
 * with a real capture (its prompt carrying a canary) and a seeded half year is
 * exported with the button; Python's csv module, an independent reader, reads
 * the file, which must match the stored events field for field and hold no
 * prompt text. The file is then imported through the file picker into a fresh
 * profile, which must end up with the same events and consistent rollups;
 * a second import changes nothing. Last, 100,000 events are imported and
 * exported through the page, timed against a bare IndexedDB getAll.
 *
 * The download is caught in the page (URL.createObjectURL and the link's
 * click): the browsers' own download managers are not driven, so nothing is
 * written outside the test's directories.
 */

/** Give the file picker a file, as a user choosing one would. */
function chooseFile({ text, name }: { text: string; name: string }): void {
  const input = document.querySelector<HTMLInputElement>('[data-testid="csv-file"]')!;
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'text/csv' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Make a CSV of `count` valid events in the page (passing 25 MB through the
 * test protocol would measure the protocol) and give it to the file picker.
 */
function chooseGeneratedFile(count: number): number {
  const sites = ['chatgpt', 'claude', 'gemini', 'perplexity', 'deepseek', 'mistral'];
  const models = ['gpt-5-2', 'claude-sonnet-4-5', 'fbb127bbb056c959', 'turbo', 'deepseek-chat', 'mistral-medium-2508', ''];
  const tasks = ['lookup', 'translate', 'summarize', 'code', 'write', 'chat', 'other'];
  const header =
    'id,timestamp_utc,site,kind,model,model_source,task,input_chars,output_chars,reasoning_chars,' +
    'input_tokens,output_tokens,reasoning_tokens,images,duration_ms,status\r\n';
  const start = Date.now() - 400 * 86_400_000;
  const rows: string[] = [header];
  for (let n = 0; n < count; n += 1) {
    const id = `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${(n * 7919).toString(16).padStart(12, '0')}`;
    const at = new Date(start + n * 300_000).toISOString();
    const tokens = (n * 37) % 4000;
    rows.push(
      `${id},${at},${sites[n % sites.length]},text,${models[n % models.length]},response,${tasks[n % tasks.length]},` +
        `${tokens * 4},${tokens * 8},0,${tokens},${tokens * 2},0,0,${(n * 13) % 60_000},complete\r\n`,
    );
  }
  const text = rows.join('');
  const input = document.querySelector<HTMLInputElement>('[data-testid="csv-file"]')!;
  const files = new DataTransfer();
  files.items.add(new File([text], 'generated.csv', { type: 'text/csv' }));
  (window as unknown as ProbeWindow).csvProbe.clickedAt = performance.now();
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return text.length;
}

const READ_WITH_PYTHON = `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    reader = csv.reader(f, strict=True)
    header = next(reader)
    rows = [dict(zip(header, row)) for row in reader]
json.dump({'header': header, 'rows': rows}, sys.stdout)
`;

/** The raw columns of an event, as text, the way the CSV must hold them. */
function rawCells(event: StoredEvent): Record<string, string> {
  return {
    id: event.id,
    timestamp_utc: new Date(event.at).toISOString(),
    site: event.site,
    kind: event.kind,
    model: event.model ?? '',
    model_source: event.modelSource,
    task: event.task,
    input_chars: String(event.inputChars),
    output_chars: String(event.outputChars),
    reasoning_chars: String(event.reasoningChars),
    input_tokens: String(event.inputTokens),
    output_tokens: String(event.outputTokens),
    reasoning_tokens: String(event.reasoningTokens),
    images: String(event.images),
    duration_ms: String(event.durationMs),
    status: event.status,
  };
}

function withoutProvenance({ detector: _d, adapterVersion: _a, rollupDay: _r, ...event }: EventRecord) {
  return event;
}

describe.each(BROWSERS)('CSV export and import in %s', (browserName) => {
  const canary = `csvcanary${Date.now().toString(36)}`;
  const workDir = mkdtempSync(join(tmpdir(), 'frugal-csv-'));
  let server: ReplayServer;
  let origin: (host: string) => string;
  let browser: ExtensionBrowser;
  let exported: { text: string; fileName: string; bom: boolean };
  let stored: EventRecord[];

  beforeAll(async () => {
    ({ server, origin } = await startReplay([chatgptReplay()]));
    browser = await launch(browserName, { hosts: server.hosts });
  });

  afterAll(async () => {
    await browser?.close();
    browser?.dispose();
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  async function dataSection(on: ExtensionBrowser): Promise<Tab> {
    const tab = await on.openExtensionPage('dashboard.html#data');
    await tab.waitFor('[data-testid="csv-export-button"]');
    await tab.evaluate(installProbe, null);
    return tab;
  }

  /** The exported file: its text, and whether its bytes begin with a UTF-8 BOM (Blob.text() drops one). */
  async function exportFile(tab: Tab): Promise<{ text: string; fileName: string; bom: boolean }> {
    await tab.evaluate(clickExport, null);
    await tab.waitFor('[data-testid="csv-exported"]', 60_000);
    return tab.evaluate(async () => {
      const probe = (window as unknown as ProbeWindow).csvProbe;
      const head = [...new Uint8Array(await probe.blob!.slice(0, 3).arrayBuffer())];
      return { text: await probe.blob!.text(), fileName: probe.fileName!, bom: head.join() === '239,187,191' };
    }, null);
  }

  async function importFile(tab: Tab, text: string): Promise<string> {
    await tab.evaluate(chooseFile, { text, name: 'frugal-backup.csv' });
    await tab.waitFor('[data-testid="csv-preview"]', 60_000);
    const preview = await tab.evaluate(() => document.querySelector('[data-testid="csv-preview"]')!.textContent ?? '', null);
    await tab.click('[data-testid="csv-import-confirm"]');
    await tab.waitFor('[data-testid="csv-imported"]', 120_000);
    return preview;
  }

  it('exports every stored event with Export, as Python’s csv module reads it, and no prompt text', async () => {
    const site = await browser.newTab();
    await site.goto(origin('chatgpt.com'));
    await site.type('#prompt-textarea', `Summarise the memo ${canary}, "quoted", =1+1`);
    await site.click('[data-testid="send-button"]');
    await waitForAnswers(site, 1);
    await waitForEvents(browser, (events) => events.some((event) => event.status === 'complete'));
    await seedHistory(browser, sampleHistory({ now: Date.now(), days: 60 }));
    stored = await browser.readStore('events');
    expect(stored.length).toBeGreaterThan(100);

    const tab = await dataSection(browser);
    await tab.click('[data-testid="csv-bom"]');
    exported = await exportFile(tab);
    expect(exported.fileName).toMatch(/^frugal-history-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exported.bom).toBe(true);
    expect(exported.text).not.toContain(canary);

    const path = join(workDir, exported.fileName);
    writeFileSync(path, (exported.bom ? '\uFEFF' : '') + exported.text, 'utf8');
    const read = JSON.parse(execFileSync('python3', ['-c', READ_WITH_PYTHON, path], { encoding: 'utf8', maxBuffer: 1 << 28 })) as {
      header: string[];
      rows: Record<string, string>[];
    };
    expect(read.header).toEqual(COLUMNS);
    expect(read.rows.map((row) => row.id).sort()).toEqual(stored.map((event) => event.id).sort());
    const byId = new Map(read.rows.map((row) => [row.id!, row]));
    for (const event of stored) {
      const row = byId.get(event.id)!;
      expect(Object.fromEntries(RAW_COLUMNS.map((column) => [column, row[column]]))).toEqual(rawCells(event));
      expect(Number(row.energy_wh_low)).toBeLessThanOrEqual(Number(row.energy_wh));
      expect(Number(row.energy_wh)).toBeLessThanOrEqual(Number(row.energy_wh_high));
    }
  });

  it('restores the file through the file picker into a fresh profile; importing it again changes nothing', async () => {
    const fresh = await launch(browserName, { hosts: server.hosts });
    try {
      const tab = await dataSection(fresh);
      const preview = await importFile(tab, exported.text);
      expect(preview).toContain(`New: ${stored.length.toLocaleString('en-US')}`);
      const restored = await fresh.readStore('events');
      expect(restored.map(withoutProvenance).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        stored.map(withoutProvenance).sort((a, b) => a.id.localeCompare(b.id)),
      );
      const rollups = await fresh.readStore('rollups');
      expect(rollups.reduce((sums, rollup) => addSums(sums, rollup), emptySums())).toEqual(
        restored.reduce((sums, event) => addSums(sums, sumsOf(event)), emptySums()),
      );

      const again = await importFile(tab, exported.text);
      expect(again).toContain('New: 0');
      expect(await fresh.readStore('events')).toEqual(restored);
      expect(await fresh.readStore('rollups')).toEqual(rollups);
    } finally {
      await fresh.close();
      fresh.dispose();
    }
  });

  it('imports and exports 100,000 events through the page, timed against a bare getAll', async () => {
    const COUNT = 100_000;
    const big = await launch(browserName, { hosts: server.hosts });
    try {
      const tab = await dataSection(big);
      const fileChars = await tab.evaluate(chooseGeneratedFile, COUNT);
      await tab.waitFor('[data-testid="csv-preview"]', 300_000);
      const checkedMs = await tab.evaluate(() => performance.now() - (window as unknown as ProbeWindow).csvProbe.clickedAt!, null);
      const writeStarted = Date.now();
      await tab.click('[data-testid="csv-import-confirm"]');
      await tab.waitFor('[data-testid="csv-imported"]', 300_000);
      const writeMs = Date.now() - writeStarted;

      await tab.evaluate(clickExport, null);
      await tab.waitFor('[data-testid="csv-exported"]', 300_000);
      const result = await tab.evaluate(async () => {
        const probe = (window as unknown as ProbeWindow).csvProbe;
        const text = await probe.blob!.text();
        return {
          exportMs: probe.offeredAt! - probe.clickedAt!,
          longestPauseMs: probe.longestPause!,
          bytes: probe.blob!.size,
          rows: text.split('\r\n').length - 2,
        };
      }, null);
      const getAll = await tab.evaluate(timeGetAll, null);
      const measured = {
        browser: browserName,
        events: COUNT,
        importFileChars: fileChars,
        importCheckAndPreviewMs: Math.round(checkedMs),
        importWriteMs: writeMs,
        exportMs: Math.round(result.exportMs),
        getAllMs: Math.round(getAll.ms),
        exportToGetAllRatio: Math.round((result.exportMs / getAll.ms) * 10) / 10,
        exportLongestPauseMs: Math.round(result.longestPauseMs),
        exportBytes: result.bytes,
      };
      console.log(JSON.stringify(measured));
      expect(getAll.count).toBe(COUNT);
      expect(result.rows).toBe(COUNT);
    } finally {
      await big.close();
      big.dispose();
    }
  }, 900_000);
});
