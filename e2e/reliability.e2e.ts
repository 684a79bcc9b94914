import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MODEL_ID_PATTERN, sanitizeModelId, type StoredEvent } from '../lib/event';
import type { EventRecord } from '../lib/store/db';
import { sampleHistory } from '../lib/views/__tests__/sample-history';
import { BROWSERS, launch, type BrowserName, type ExtensionBrowser, type LaunchOptions, type Tab } from './browsers';
import { seedHistory, startReplay, waitForAnswers, waitForEvents } from './harness';
import { chatgptReplay } from './replay/chatgpt/site';
import { fuzzedStream, hostileChatgpt, MARKUP_MODEL, MARKUP_PREFIX } from './replay/hostile';
import { SLOW_PREFIX } from './replay/kit';
import type { ReplayServer } from './server';

/**
 * Frugal's promise under load and faults, in real Chromium and Firefox: nothing
 * lost or doubled (many prompts in several tabs, the background stopped again
 * and again mid-stream, the extension reloaded and updated in place mid-answer,
 * the browser restarted), a hostile page kept to its own site's counts, and
 * storage failures shown rather than swallowed.
 *
 * Prompts are told apart by length: the stored event has no text, but its
 * `inputChars` is the prompt's length, so a prompt set with distinct lengths
 * shows a lost prompt (a length missing) or a doubled one (a length twice).
 */

const OUTPUT = process.env.FRUGAL_OUTPUT_DIR ?? '.output';
const buildDir = (name: BrowserName): string => resolve(OUTPUT, `${name === 'chromium' ? 'chrome' : 'firefox'}-mv3`);

/** A prompt of exactly `length` characters, unique by its length. */
function promptOfLength(length: number, prefix = 'Question: '): string {
  return `${prefix}${'x'.repeat(Math.max(0, length - prefix.length))}`;
}

/**
 * In the replay page: sends each prompt through the app's own composer and
 * Send button, `gapMs` apart, without waiting for answers (a person firing
 * off several questions, or a script). Resolves when all have been sent.
 */
async function sendPrompts({ prompts, gapMs }: { prompts: string[]; gapMs: number }): Promise<void> {
  const composer = document.getElementById('prompt-textarea')!;
  const send = document.querySelector<HTMLButtonElement>('[data-testid="send-button"]')!;
  for (const prompt of prompts) {
    composer.textContent = prompt;
    send.click();
    await new Promise((done) => setTimeout(done, gapMs));
  }
}

async function openChat(browser: ExtensionBrowser, origin: (host: string) => string): Promise<Tab> {
  const tab = await browser.newTab();
  await tab.goto(origin('chatgpt.com'));
  await tab.waitFor('#prompt-textarea');
  return tab;
}

/** Lengths of the stored events' prompts, sorted, and the check that each event is there once and complete. */
function expectExactlyOnce(events: readonly EventRecord[], lengths: readonly number[]): void {
  expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  expect(events.map((event) => event.inputChars).sort((a, b) => a - b)).toEqual([...lengths].sort((a, b) => a - b));
  expect(events.filter((event) => event.status !== 'complete')).toEqual([]);
  expect(new Set(events.map((event) => event.site))).toEqual(new Set(['chatgpt']));
}

async function expectRollupsMatch(browser: ExtensionBrowser): Promise<void> {
  const events = await browser.readStore('events');
  const rollups = await browser.readStore('rollups');
  expect(rollups.reduce((sum, rollup) => sum + rollup.count, 0)).toBe(events.length);
  expect(rollups.reduce((sum, rollup) => sum + rollup.outputChars, 0)).toBe(events.reduce((sum, event) => sum + event.outputChars, 0));
}

/** The extension's version as the running extension reports it. */
async function runningVersion(browser: ExtensionBrowser): Promise<string> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    return await page.evaluate(() => {
      type Runtime = { runtime: { id?: string; getManifest(): { version: string } } };
      const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      return (scope.browser?.runtime?.id ? scope.browser : scope.chrome).runtime.getManifest().version;
    }, null);
  } finally {
    await page.close();
  }
}

/** Whether this process may mount a tmpfs (root on Linux): the disk-full test needs a disk it can fill. */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'frugal-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Writes `file` until the disk under `dir` has not one free byte left (large pieces, then small ones). */
function fillDisk(dir: string, file: string): void {
  const fd = openSync(file, 'a');
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const piece = Buffer.alloc(size);
      try {
        for (;;) writeSync(fd, piece);
      } catch {
        // ENOSPC at this piece size: go on with a smaller one.
      }
    }
  } finally {
    closeSync(fd);
  }
  expect(statfsSync(dir).bavail).toBe(0);
}

/** What the popup shows about storage: the notice of a save failure and any alert. */
async function popupStorageState(browser: ExtensionBrowser): Promise<{ notice: string; alerts: string[] }> {
  const popup = await browser.openExtensionPage('popup.html');
  try {
    await popup.waitFor('#app > *');
    return await popup.evaluate(
      () => ({
        notice: document.querySelector('[data-testid="storage-problem"]')?.textContent ?? '',
        alerts: [...document.querySelectorAll('[role="alert"]')].map((node) => node.textContent ?? ''),
      }),
      null,
    );
  } finally {
    await popup.close();
  }
}

describe.each(BROWSERS)('reliability in %s', (browserName) => {
  let server: ReplayServer;
  let origin: (host: string) => string;
  const browsers: ExtensionBrowser[] = [];
  const folders: string[] = [];

  const start = async (options: Omit<LaunchOptions, 'hosts'> = {}): Promise<ExtensionBrowser> => {
    const browser = await launch(browserName, { hosts: server.hosts, ...options });
    browsers.push(browser);
    return browser;
  };

  beforeAll(async () => {
    ({ server, origin } = await startReplay([hostileChatgpt(chatgptReplay({ chunkBytes: 200, delayMs: 5 }))]));
  });

  afterEach(async () => {
    for (const browser of browsers.splice(0)) {
      await browser.close();
      browser.dispose();
    }
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('stores 200 prompts sent in quick succession from 3 tabs, each exactly once', async () => {
    const browser = await start();
    const tabs = await Promise.all([0, 1, 2].map(() => openChat(browser, origin)));
    const lengths = Array.from({ length: 200 }, (_, n) => 20 + n);
    const perTab = tabs.map((_, t) => lengths.filter((_, n) => n % tabs.length === t));
    await Promise.all(tabs.map((tab, t) => tab.evaluate(sendPrompts, { prompts: perTab[t]!.map((length) => promptOfLength(length)), gapMs: 5 })));
    await Promise.all(tabs.map((tab, t) => tab.waitFor(`body[data-answers="${perTab[t]!.length}"]`, 60_000)));
    const events = await waitForEvents(browser, (stored) => stored.filter((event) => event.status === 'complete').length >= 200, 60_000);
    // Late retries would show up as doubles: give them time to arrive.
    await new Promise((done) => setTimeout(done, 1_500));
    expectExactlyOnce(await browser.readStore('events'), lengths);
    expect(events.length).toBe(200);
    await expectRollupsMatch(browser);
  }, 180_000);

  it('loses and doubles nothing while the background is stopped again and again mid-stream', async () => {
    const browser = await start();
    const tabs = await Promise.all([0, 1].map(() => openChat(browser, origin)));
    // Slow answers (about 8 s each), several at once in each tab.
    const lengths = Array.from({ length: 12 }, (_, n) => 60 + n);
    const perTab = tabs.map((_, t) => lengths.filter((_, n) => n % tabs.length === t));
    let stops = 0;
    let answering = true;
    const stopping = (async () => {
      while (answering) {
        await browser.stopBackground();
        stops += 1;
        await new Promise((done) => setTimeout(done, 300));
      }
    })();
    await Promise.all(
      tabs.map((tab, t) => tab.evaluate(sendPrompts, { prompts: perTab[t]!.map((length) => promptOfLength(length, `${SLOW_PREFIX} `)), gapMs: 400 })),
    );
    await Promise.all(tabs.map((tab, t) => tab.waitFor(`body[data-answers="${perTab[t]!.length}"]`, 60_000)));
    answering = false;
    await stopping;
    expect(stops).toBeGreaterThanOrEqual(10);
    // Every measurement waits in its tab until a woken background has committed it.
    await waitForEvents(browser, (stored) => stored.filter((event) => event.status === 'complete').length >= lengths.length, 90_000);
    await new Promise((done) => setTimeout(done, 1_500));
    expectExactlyOnce(await browser.readStore('events'), lengths);
    await expectRollupsMatch(browser);
    // Chromium tells how often the worker came back; Firefox does not count its event page's starts.
    if (browserName === 'chromium') expect(browser.backgroundStarts()).toBeGreaterThanOrEqual(3);
  }, 240_000);

  it('finishes an answer under way when the extension is reloaded, and keeps measuring the open tab', async () => {
    const browser = await start();
    const tab = await openChat(browser, origin);
    const before = promptOfLength(40, `${SLOW_PREFIX} `);
    await tab.evaluate(sendPrompts, { prompts: [before], gapMs: 0 });
    await tab.waitFor('body[data-answers-started]', 20_000).catch(() => undefined);
    await new Promise((done) => setTimeout(done, 1_500));
    await browser.reloadExtension();
    await waitForAnswers(tab, 1);
    const after = promptOfLength(41);
    await tab.evaluate(sendPrompts, { prompts: [after], gapMs: 0 });
    await waitForAnswers(tab, 2);
    await waitForEvents(browser, (stored) => stored.filter((event) => event.status === 'complete').length >= 2, 60_000);
    await new Promise((done) => setTimeout(done, 1_500));
    expectExactlyOnce(await browser.readStore('events'), [40, 41]);
  }, 120_000);

  it('keeps every event when the previous release is updated in place mid-answer', async () => {
    // The installed "previous release": this build stamped with an older version
    // (0.1.0 is the first release; once it ships, its store package takes this place).
    const installed = mkdtempSync(join(tmpdir(), 'frugal-previous-'));
    const update = mkdtempSync(join(tmpdir(), 'frugal-update-'));
    folders.push(installed, update);
    cpSync(buildDir(browserName), installed, { recursive: true });
    cpSync(buildDir(browserName), update, { recursive: true });
    const current = (JSON.parse(readFileSync(join(update, 'manifest.json'), 'utf8')) as { version: string }).version;
    const manifestPath = join(installed, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), version: '0.0.1' }));

    const browser = await start({ extensionDir: installed });
    expect(await runningVersion(browser)).toBe('0.0.1');
    const history: StoredEvent[] = sampleHistory({ now: Date.now(), days: 180 });
    await seedHistory(browser, history);
    const tab = await openChat(browser, origin);
    await tab.evaluate(sendPrompts, { prompts: [promptOfLength(50, `${SLOW_PREFIX} `)], gapMs: 0 });
    await new Promise((done) => setTimeout(done, 1_500));
    const beforeUpdate = await browser.readStore('events');

    await browser.upgradeTo(update);
    expect(await runningVersion(browser)).toBe(current);
    await waitForAnswers(tab, 1);
    await tab.evaluate(sendPrompts, { prompts: [promptOfLength(51)], gapMs: 0 });
    await waitForAnswers(tab, 2);
    const events = await waitForEvents(browser, (stored) => stored.length >= history.length + 2 && stored.filter((event) => event.inputChars === 50 || event.inputChars === 51).every((event) => event.status === 'complete'), 60_000);
    expect(events.length).toBe(history.length + 2);
    const byId = new Map(events.map((event) => [event.id, event]));
    // Every event stored before the update is still there, unchanged (the prompt under way only advanced).
    for (const event of beforeUpdate.filter((stored) => stored.inputChars !== 50)) expect(byId.get(event.id)).toEqual(event);
    expectExactlyOnce(events.filter((event) => event.inputChars === 50 || event.inputChars === 51), [50, 51]);
    await expectRollupsMatch(browser);
  }, 180_000);

  it('keeps the history across a browser restart on the same profile, and measures after it', async () => {
    const first = await start();
    const tab = await openChat(first, origin);
    await tab.evaluate(sendPrompts, { prompts: [promptOfLength(30), promptOfLength(31)], gapMs: 50 });
    await waitForAnswers(tab, 2);
    const stored = await waitForEvents(first, (events) => events.filter((event) => event.status === 'complete').length >= 2);
    await first.close();

    const again = await start({ profileDir: first.profileDir });
    expect((await again.readStore('events')).sort((a, b) => a.at - b.at)).toEqual(stored.sort((a, b) => a.at - b.at));
    const reopened = await openChat(again, origin);
    await reopened.evaluate(sendPrompts, { prompts: [promptOfLength(32)], gapMs: 0 });
    await waitForAnswers(reopened, 1);
    await waitForEvents(again, (events) => events.filter((event) => event.status === 'complete').length >= 3);
    expectExactlyOnce(await again.readStore('events'), [30, 31, 32]);
  }, 120_000);

  it('keeps a hostile page to its own site: forged measurements, a flood of prompts, markup for a model', async () => {
    const browser = await start();
    const tab = await openChat(browser, origin);
    // The page listens for the relay's announcements; after an update (here a reload) it hears one.
    await tab.evaluate(() => {
      const scope = window as unknown as { heardChannels: string[] };
      scope.heardChannels = [];
      document.addEventListener('frugal:channel', (event) => scope.heardChannels.push((event as CustomEvent<string>).detail));
    }, null);
    await browser.reloadExtension();
    const channels = await vi.waitFor(
      async () => {
        const heard = await tab.evaluate(() => (window as unknown as { heardChannels: string[] }).heardChannels, null);
        expect(heard.length).toBeGreaterThan(0);
        return heard;
      },
      { timeout: 20_000, interval: 250 },
    );

    // A model name carrying markup, in the answering model's place of the real stream
    // (sent first: the flood below uses up the relay's burst of new prompts).
    const markupPrompt = `${MARKUP_PREFIX} hello`;
    await tab.evaluate(sendPrompts, { prompts: [markupPrompt], gapMs: 0 });
    await waitForAnswers(tab, 1);
    const events = await waitForEvents(browser, (stored) => stored.some((event) => event.inputChars === markupPrompt.length && event.status === 'complete'), 30_000);

    const forged = await tab.evaluate((channel) => {
      const base = {
        at: Date.now(),
        kind: 'text',
        model: 'gpt-5-2',
        modelSource: 'response',
        task: 'translate',
        inputChars: 11,
        outputChars: 2_000,
        reasoningChars: 0,
        inputTokens: 3,
        outputTokens: 500,
        reasoningTokens: 0,
        images: 0,
        durationMs: 1_000,
        status: 'complete',
        detector: 'network',
        adapterVersion: 1,
      };
      const say = (payload: object) => document.dispatchEvent(new CustomEvent(channel, { detail: JSON.stringify(payload) }));
      // Another site's name, markup for a model, impossible numbers: all refused.
      say({ ...base, id: crypto.randomUUID(), site: 'claude' });
      say({ ...base, id: crypto.randomUUID(), model: '<img src=x onerror="window.frugalPwned=1">' });
      say({ ...base, id: crypto.randomUUID(), outputTokens: 1e15 });
      say({ ...base, id: crypto.randomUUID(), inputChars: -1 });
      // A flood of well-formed ones: they count for this site only, and no faster than the rate limit.
      for (let n = 0; n < 400; n += 1) say({ ...base, id: crypto.randomUUID(), inputChars: 1_000 + n });
      return 404;
    }, channels[channels.length - 1]!);
    expect(forged).toBe(404);

    await new Promise((done) => setTimeout(done, 2_000));
    const stored = await browser.readStore('events');
    expect(new Set(stored.map((event) => event.site))).toEqual(new Set(['chatgpt']));
    expect(stored.some((event) => event.inputChars === 11)).toBe(false);
    const flood = stored.filter((event) => event.inputChars >= 1_000);
    // The relay lets a burst of 120 new prompts through, then one per 3 s (RELAY_LIMITS).
    expect(flood.length).toBeGreaterThan(0);
    expect(flood.length).toBeLessThanOrEqual(125);
    for (const event of stored) if (event.model !== null) expect(event.model).toMatch(MODEL_ID_PATTERN);
    const marked = events.find((event) => event.inputChars === markupPrompt.length)!;
    expect(marked.model).toBe(sanitizeModelId(MARKUP_MODEL));

    // The dashboard shows the model the site reported as text: no element made from it, no script run.
    // The flood is newer and fills the first pages; its forged task tells it apart.
    expect(marked.task).not.toBe('translate');
    const dashboard = await browser.openExtensionPage('dashboard.html#prompts');
    await dashboard.waitFor('[data-testid="event-table"] tbody tr[data-id]', 20_000);
    await dashboard.evaluate((task) => {
      const taskFilter = document.querySelectorAll<HTMLSelectElement>('fieldset.filters select')[1]!;
      taskFilter.value = task;
      taskFilter.dispatchEvent(new Event('change', { bubbles: true }));
    }, marked.task);
    await dashboard.waitFor(`tr[data-id="${marked.id}"]`, 20_000);
    await dashboard.click(`tr[data-id="${marked.id}"] button[aria-expanded]`);
    await dashboard.waitFor(`#details-${marked.id}`);
    const page = await dashboard.evaluate(
      ({ id, model }) => ({
        shown: document.getElementById(`details-${id}`)!.textContent!.includes(model),
        elements: document.querySelectorAll('img, [onerror]').length,
        pwned: 'frugalPwned' in window,
      }),
      { id: marked.id, model: marked.model! },
    );
    expect(MARKUP_MODEL).toContain('<img');
    expect(page).toEqual({ shown: true, elements: 0, pwned: false });
  }, 120_000);

  it('never throws into the page on fuzzed streams, and the page gets every byte unchanged', async () => {
    const browser = await start();
    const tab = await openChat(browser, origin);
    await tab.evaluate(() => {
      const scope = window as unknown as { pageErrors: string[] };
      scope.pageErrors = [];
      addEventListener('error', (event) => scope.pageErrors.push(String(event.message)));
      addEventListener('unhandledrejection', (event) => scope.pageErrors.push(String(event.reason)));
    }, null);
    const results = await tab.evaluate(async (count) => {
      const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
      const out: { seed: number; via: string; status: number; sha256: string }[] = [];
      for (let seed = 0; seed < count; seed += 1) {
        const body = JSON.stringify({ action: 'next', messages: [{ content: { parts: [`[fuzz ${seed}] hello`] } }], model: 'auto' });
        if (seed % 2 === 0) {
          const response = await fetch('/backend-api/f/conversation', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          out.push({ seed, via: 'fetch', status: response.status, sha256: hex(await crypto.subtle.digest('SHA-256', await response.arrayBuffer())) });
        } else {
          const bytes = await new Promise<{ status: number; body: ArrayBuffer }>((done, fail) => {
            const request = new XMLHttpRequest();
            request.open('POST', '/backend-api/f/conversation');
            request.responseType = 'arraybuffer';
            request.setRequestHeader('content-type', 'application/json');
            request.onload = () => done({ status: request.status, body: request.response as ArrayBuffer });
            request.onerror = () => fail(new Error('xhr failed'));
            request.send(body);
          });
          out.push({ seed, via: 'xhr', status: bytes.status, sha256: hex(await crypto.subtle.digest('SHA-256', bytes.body)) });
        }
      }
      return out;
    }, 60);
    for (const result of results) {
      expect(result.status, `seed ${result.seed}`).toBe(200);
      expect(result.sha256, `seed ${result.seed} (${result.via})`).toBe(createHash('sha256').update(fuzzedStream(result.seed)).digest('hex'));
    }
    // Let every stream's measurement settle, then look for errors the tap might have thrown.
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await tab.evaluate(() => (window as unknown as { pageErrors: string[] }).pageErrors, null)).toEqual([]);
    for (const event of await browser.readStore('events')) expect(event.site).toBe('chatgpt');
  }, 120_000);

  it.runIf(browserName === 'firefox')('says so when private browsing leaves no storage, and the page is untouched', async () => {
    const browser = await start({ privateBrowsing: true });
    const tab = await openChat(browser, origin);
    await tab.evaluate(sendPrompts, { prompts: [promptOfLength(33)], gapMs: 0 });
    await waitForAnswers(tab, 1);
    const answer = await tab.evaluate(() => document.querySelector<HTMLElement>('[data-message-author-role="assistant"][data-received-sha256]')!.dataset.streamState, null);
    expect(answer).toBe('done');
    await vi.waitFor(async () => expect((await browser.badge()).text).toBe('!'), { timeout: 20_000, interval: 500 });
    expect((await browser.badge()).title).toMatch(/cannot save/i);
    const popup = await popupStorageState(browser);
    expect(popup.notice).toMatch(/cannot save new prompts: browser storage is unavailable/i);
    expect(popup.alerts.join(' ')).toMatch(/history cannot be read/i);
  }, 120_000);

  // The profile on a small disk of its own (a tmpfs, so this needs root, as CI is):
  // filling the disk is how storage runs out for real; no browser lets a test
  // lower an extension's quota. Firefox only: Chromium went on saving on the full
  // disk (seen 2026-12-07, Chromium 156: a ~1 KB event committed with 0 free
  // blocks, its database reusing pages it already held), and its
  // Storage.overrideQuotaForOrigin leaves an extension's own writes alone.
  // The quota error's path is unit-tested (storage-problem.test.ts).
  it.runIf(browserName === 'firefox' && canMountTmpfs())('says so when the disk is full, and saves the waiting prompt once there is room', async () => {
    const disk = mkdtempSync(join(tmpdir(), 'frugal-small-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', disk]);
    try {
      const profileDir = join(disk, 'profile');
      mkdirSync(profileDir);
      const browser = await start({ profileDir });
      const tab = await openChat(browser, origin);
      await tab.evaluate(sendPrompts, { prompts: [promptOfLength(34)], gapMs: 0 });
      await waitForAnswers(tab, 1);
      await waitForEvents(browser, (events) => events.some((event) => event.status === 'complete'));

      // Firefox frees space of its own after a write: it truncates the database's write-ahead
      // log (8 KB after one event, emptied within 200 ms; seen in Firefox ESR 153, 2026-12-07),
      // and in one full test run here the next save did not fail, most likely fitting in what
      // that freed. So let the profile settle first, and keep the disk full, as a really full
      // disk stays, until the failure shows.
      await new Promise((done) => setTimeout(done, 3_000));
      const filler = join(disk, 'filler');
      fillDisk(disk, filler);
      await tab.evaluate(sendPrompts, { prompts: [promptOfLength(35, `${SLOW_PREFIX} `)], gapMs: 0 });
      fillDisk(disk, filler);
      await waitForAnswers(tab, 2);
      await vi.waitFor(
        async () => {
          fillDisk(disk, filler);
          expect((await browser.badge()).text).toBe('!');
        },
        { timeout: 30_000, interval: 500 },
      );
      expect((await browser.badge()).title).toMatch(/cannot save/i);
      expect((await popupStorageState(browser)).notice).toMatch(/cannot save new prompts/i);
      expect((await browser.readStore('events')).filter((event) => event.inputChars === 35 && event.status === 'complete')).toEqual([]);

      rmSync(filler);
      // The relay keeps the measurement and retries with backoff: saved once, and the warnings go.
      await waitForEvents(browser, (events) => events.some((event) => event.inputChars === 35 && event.status === 'complete'), 120_000);
      await vi.waitFor(async () => expect((await browser.badge()).text).toBe(''), { timeout: 20_000, interval: 500 });
      expect((await popupStorageState(browser)).notice).toBe('');
      expectExactlyOnce(await browser.readStore('events'), [34, 35]);
      await browser.close();
    } finally {
      for (const browser of browsers.splice(0)) await browser.close();
      execFileSync('umount', ['-l', disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  }, 240_000);
});
