import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { addSums, emptySums, type StoredEvent, sumsOf } from '../lib/event';
import type { EventRecord, RollupRecord } from '../lib/store/db';
import { rollupKey } from '../lib/store/rollups';
import { dayKey } from '../lib/time';
import type { ExtensionBrowser, Tab } from './browsers';
import { ReplayServer, type ReplaySite } from './server';

/** The replay server's port: 443 as root (CI), else any free port (URLs then carry it). */
export async function startReplay(sites: readonly ReplaySite[]): Promise<{ server: ReplayServer; origin: (host: string) => string }> {
  const server = new ReplayServer(sites);
  const port = await server.start(process.getuid?.() === 0 ? 443 : 0);
  return { server, origin: (host) => (port === 443 ? `https://${host}` : `https://${host}:${port}`) };
}

/**
 * Retry `check` until it resolves (it throws while not yet true), every
 * `intervalMs`, for at most `timeoutMs`; then rethrow its last error. Like
 * vitest's vi.waitFor, but usable outside a test run (the benchmarks).
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs: number, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((done) => setTimeout(done, intervalMs));
    }
  }
}

/** Wait until the stored events satisfy `ready`, and return them. */
export function waitForEvents(
  browser: ExtensionBrowser,
  ready: (events: EventRecord[]) => boolean,
  timeoutMs = 20_000,
): Promise<EventRecord[]> {
  return eventually(async () => {
    const events = await browser.readStore('events');
    if (!ready(events)) throw new Error(`stored events not ready yet: ${JSON.stringify(events)}`);
    return events;
  }, timeoutMs);
}

/** What the replay page recorded about the answer it received, from its DOM. */
export interface PageAnswer {
  text: string;
  state: string;
  bytes: number;
  sha256: string;
}

export function lastAnswer(tab: Tab): Promise<PageAnswer> {
  return tab.evaluate(() => {
    const answers = document.querySelectorAll<HTMLElement>('[data-message-author-role="assistant"][data-received-sha256]');
    const answer = answers[answers.length - 1];
    if (!answer) throw new Error('no finished answer on the page');
    return {
      text: answer.textContent ?? '',
      state: answer.dataset.streamState ?? '',
      bytes: Number(answer.dataset.receivedBytes),
      sha256: answer.dataset.receivedSha256 ?? '',
    };
  }, null);
}

/** Wait until the page has finished `count` answers in total. */
export async function waitForAnswers(tab: Tab, count: number): Promise<void> {
  await tab.waitFor(`body[data-answers="${count}"]`, 30_000);
}

/**
 * The records the extension would have stored for these events: each event
 * with its rollup day, and the daily rollups summing them (local days, as the
 * browser on this machine counts them).
 */
export function storedRecords(events: readonly StoredEvent[]): { events: EventRecord[]; rollups: RollupRecord[] } {
  const rollups = new Map<string, RollupRecord>();
  const records = events.map((event): EventRecord => {
    const day = dayKey(event.at);
    const key = rollupKey(day, event);
    const id = JSON.stringify(key);
    const rollup = rollups.get(id) ?? { day, site: key[1] as RollupRecord['site'], model: key[2], kind: event.kind, task: event.task, ...emptySums() };
    addSums(rollup, sumsOf(event));
    rollups.set(id, rollup);
    return { ...event, rollupDay: day };
  });
  return { events: records, rollups: [...rollups.values()] };
}

/** Seed a history straight into the extension's IndexedDB (after an extension page has created it). */
export async function seedHistory(browser: ExtensionBrowser, events: readonly StoredEvent[]): Promise<void> {
  const page = await browser.openExtensionPage('popup.html');
  await page.waitFor('#app > *');
  await page.close();
  const records = storedRecords(events);
  // In slices: one privileged evaluation carries its arguments as source text.
  for (let start = 0; start < records.events.length; start += 2000) {
    await browser.writeStore('events', records.events.slice(start, start + 2000));
  }
  await browser.writeStore('rollups', records.rollups);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Run axe-core in the page (WCAG 2.x A and AA, and best practices); resolves with the violations. */
export async function axeViolations(tab: Tab): Promise<AxeViolation[]> {
  if (!(await tab.evaluate(() => 'axe' in window, null))) await tab.addScript(axeSource);
  return tab.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, null);
}
