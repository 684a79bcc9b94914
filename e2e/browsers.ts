import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import type { RollupRecord, EventRecord } from '../lib/store/db';

/**
 * The built extension, loaded into real browsers: Debian's chromium through
 * playwright-core and firefox-esr through puppeteer-core (WebDriver BiDi). The
 * replay hosts resolve to the local replay server; its self-signed certificate
 * is accepted. Both browsers run headless, offline and quiet.
 */

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'frugal@frugal-computing.org';
/** Fixed so the harness knows the extension's origin (Firefox picks a random one per profile otherwise). */
const FIREFOX_EXTENSION_UUID = '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

export interface Tab {
  goto(url: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  /** Run a function in the page and return its (JSON-serialisable) result. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  readonly profileDir: string;
  newTab(): Promise<Tab>;
  /** Every record in the extension's IndexedDB store, read from the extension's own origin. */
  readStore<S extends 'events' | 'rollups'>(store: S): Promise<S extends 'events' ? EventRecord[] : RollupRecord[]>;
  /** Close the browser; the profile stays on disk until `dispose`. */
  close(): Promise<void>;
  dispose(): void;
}

export interface LaunchOptions {
  /** Hostnames to resolve to the replay server (127.0.0.1). */
  hosts: readonly string[];
  extensionDir?: string;
  /** Reuse a profile (restart tests); a fresh temporary one otherwise. */
  profileDir?: string;
  /** Show the browser window (the demo); tests run headless. */
  headed?: boolean;
}

export function launch(name: BrowserName, options: LaunchOptions): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

/** Runs in an extension page (or with its principal): reads a whole store. */
function readAllFromStore(store: string): Promise<unknown[]> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('frugal');
    open.onerror = () => fail(String(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        done([]);
        return;
      }
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => {
        db.close();
        done(request.result);
      };
      request.onerror = () => fail(String(request.error));
    };
  });
}

// ---------------------------------------------------------------------------
// Chromium

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? '.output/chrome-mv3');
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'frugal-chromium-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${options.hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`,
    '--ignore-certificate-errors',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: !options.headed,
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // Node gives non-special schemes a "null" origin: build it from the host.
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  let closed = false;

  return {
    name: 'chromium',
    profileDir,
    newTab: async () => playwrightTab(await context.newPage()),
    async readStore(store) {
      const page = await context.newPage();
      try {
        await page.goto(`${extensionOrigin}/popup.html`);
        return (await page.evaluate(readAllFromStore, store)) as never;
      } finally {
        await page.close();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
    },
    dispose: () => rmSync(profileDir, { recursive: true, force: true }),
  };
}

function playwrightTab(page: PlaywrightPage): Tab {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    click: (selector) => page.click(selector),
    waitFor: async (selector, timeoutMs = 15_000) => {
      await page.waitForSelector(selector, { timeout: timeoutMs, state: 'attached' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    close: () => page.close(),
  };
}

// ---------------------------------------------------------------------------
// Firefox

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? '.output/firefox-mv3');
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'frugal-firefox-'));
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !options.headed,
    acceptInsecureCerts: true,
    userDataDir: profileDir,
    // Lets the harness evaluate privileged code in the browser's own (chrome)
    // scope, the only way WebDriver BiDi can reach an extension's storage:
    // it refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Every hostname resolves to the replay server; nothing else is reachable.
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    },
  });
  // A temporary install, as about:debugging does; stays for this browser's life.
  await browser.installExtension(extensionDir);
  let closed = false;

  return {
    name: 'firefox',
    profileDir,
    newTab: async () => puppeteerTab(await browser.newPage()),
    async readStore(store) {
      return (await evaluateWithExtensionPrincipal(browser, readAllFromStore.toString(), store)) as never;
    },
    async close() {
      if (closed) return;
      closed = true;
      await browser.close();
    },
    dispose: () => rmSync(profileDir, { recursive: true, force: true }),
  };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Run `fnSource(arg)` in the browser's privileged scope with `indexedDB`
 * bound to the extension's origin: the same database the extension writes,
 * opened through `IDBFactory.openForPrincipal` (a chrome-only API).
 */
async function evaluateWithExtensionPrincipal(browser: PuppeteerBrowser, fnSource: string, arg: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string }[];
  };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('No privileged browsing context: was Firefox started with --remote-allow-system-access?');
  const expression = `(async () => {
    const principal = Services.scriptSecurityManager.createContentPrincipalFromOrigin('moz-extension://${FIREFOX_EXTENSION_UUID}');
    const indexedDB = { open: (name) => globalThis.indexedDB.openForPrincipal(principal, name) };
    const fn = ${fnSource};
    return JSON.stringify(await fn(${JSON.stringify(arg)}));
  })()`;
  const reply = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true }))
    .result as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
  if (reply.type !== 'success') throw new Error(`Reading the extension store failed: ${reply.exceptionDetails?.text ?? 'unknown error'}`);
  return JSON.parse(reply.result?.value ?? 'null');
}

function puppeteerTab(page: PuppeteerPage): Tab {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    type: (selector, text) => page.type(selector, text),
    click: (selector) => page.click(selector),
    waitFor: async (selector, timeoutMs = 15_000) => {
      await page.waitForSelector(selector, { timeout: timeoutMs });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    close: () => page.close(),
  };
}
