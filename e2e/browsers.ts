import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import type { RollupRecord, EventRecord } from '../lib/store/db';
import type { SiteHealth } from '../lib/health';

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
/** Where the built extensions are (a separate build lets one run tests while another rebuilds). */
const OUTPUT_DIR = process.env.FRUGAL_OUTPUT_DIR ?? '.output';
/** Fixed so the harness knows the extension's origin (Firefox picks a random one per profile otherwise). */
const FIREFOX_EXTENSION_UUID = '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

export interface Tab {
  goto(url: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  /** Run a function in the page and return its (JSON-serialisable) result. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /**
   * Run script source in the page, as the test driver does (not subject to the page's CSP, which
   * forbids eval in extension pages): how a library such as axe-core gets into a page.
   */
  addScript(source: string): Promise<void>;
  /** Press a key (e.g. "Tab", "Enter") as the keyboard would. */
  press(key: string): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** A PNG of the page; the whole scrollable page when `fullPage`. */
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /**
   * Chromium: the page's main-thread busy time so far, in ms (DevTools
   * Performance.getMetrics TaskDuration: every task the renderer ran for it,
   * page scripts, content scripts, parsing, layout). Firefox: null (no such metric).
   */
  mainThreadMs(): Promise<number | null>;
  close(): Promise<void>;
}

export type StoreName = 'events' | 'rollups' | 'health';
interface StoredRecords {
  events: EventRecord[];
  rollups: RollupRecord[];
  health: SiteHealth[];
}
export type ColorScheme = 'light' | 'dark';

export interface ExtensionBrowser {
  readonly name: BrowserName;
  readonly profileDir: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly extensionOrigin: string;
  newTab(): Promise<Tab>;
  /** Every record in the extension's IndexedDB store, read from the extension's own origin. */
  readStore<S extends StoreName>(store: S): Promise<StoredRecords[S]>;
  /**
   * Open one of the extension's own pages ("popup.html", "dashboard.html#settings") in a new tab.
   * Chromium navigates to it. Firefox's WebDriver BiDi refuses to navigate to moz-extension:
   * URLs, so the tab is opened by privileged code in the browser's chrome scope (as a user
   * opening the page would) and then driven through BiDi like any other tab.
   */
  openExtensionPage(path: string): Promise<Tab>;
  /**
   * Put records into the extension's IndexedDB, as the extension itself would store them
   * (seeding a history). The database must exist: open an extension page first.
   */
  writeStore(store: StoreName, records: readonly object[]): Promise<void>;
  /** The theme pages see through `prefers-color-scheme`, for tabs opened from now on and open ones. */
  setColorScheme(scheme: ColorScheme): Promise<void>;
  /**
   * Stop the extension's background, as the browser does when it is idle or
   * short of memory: Chromium's service worker through the DevTools protocol
   * (ServiceWorker.stopAllWorkers), Firefox's event page through its own
   * terminateBackground. The next event wakes it again.
   */
  stopBackground(): Promise<void>;
  /** How many times the background has started (Chromium: service worker runs seen; Firefox: not counted, 0). */
  backgroundStarts(): number;
  /**
   * Reload the extension from its folder, as the Reload button of the browser's
   * extensions page does (and as an update does, with the files replaced first:
   * see `upgradeTo`). Resolves once it runs again.
   */
  reloadExtension(): Promise<void>;
  /** Replace the loaded extension by the build in `dir`, in place, keeping its data: an update. */
  upgradeTo(dir: string): Promise<void>;
  /** The toolbar button's badge text and tooltip, as the extension set them. */
  badge(): Promise<{ text: string; title: string }>;
  /**
   * With `recordNetwork`, after `close()`: the URL of every network request any
   * extension context made (its pages, its background; read from Chromium's
   * NetLog and from Firefox's http-on-opening-request notifications).
   */
  extensionRequests(): string[];
  /** Close the browser; the profile stays on disk until `dispose`. */
  close(): Promise<void>;
  dispose(): void;
}

export interface LaunchOptions {
  /** Hostnames to resolve to the replay server (127.0.0.1). */
  hosts: readonly string[];
  /** The unpacked extension; default `.output/<browser>-mv3`, or under FRUGAL_OUTPUT_DIR when set. */
  extensionDir?: string;
  /** Reuse a profile (restart tests); a fresh temporary one otherwise. */
  profileDir?: string;
  /** Show the browser window (the demo); tests run headless. */
  headed?: boolean;
  /** Start without the extension (to compare with a run that has it). */
  withoutExtension?: boolean;
  /** Record every network request of the extension's contexts (see `extensionRequests`). */
  recordNetwork?: boolean;
  /**
   * Firefox only: "never remember history" (every window private), with Frugal
   * allowed in private windows, where Firefox gives extensions no IndexedDB.
   */
  privateBrowsing?: boolean;
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

/** Runs in an extension page (or with its principal): adds records to a store in one transaction. */
function writeAllToStore({ store, records }: { store: string; records: unknown[] }): Promise<number> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('frugal');
    open.onerror = () => fail(String(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        fail(`no "${store}" store yet: open an extension page first so the extension creates its database`);
        return;
      }
      const tx = db.transaction(store, 'readwrite');
      for (const record of records) tx.objectStore(store).put(record);
      tx.oncomplete = () => {
        db.close();
        done(records.length);
      };
      tx.onerror = () => fail(String(tx.error));
    };
  });
}

// ---------------------------------------------------------------------------
// Chromium

/** The few `chrome.*` APIs the harness calls inside extension pages and chrome://extensions. */
interface PageChrome {
  runtime: { reload(): void };
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  developerPrivate: { updateProfileConfiguration(change: { inDeveloperMode: boolean }, done: () => void): void };
}

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? join(OUTPUT_DIR, 'chrome-mv3'));
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'frugal-chromium-'));
  // Beside the profile, not in it: the profile scans read every file of the profile.
  const netLog = options.recordNetwork ? join(mkdtempSync(join(tmpdir(), 'frugal-netlog-')), 'netlog.json') : null;
  const args = [
    `--host-resolver-rules=${options.hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`,
    '--ignore-certificate-errors',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
  ];
  if (!options.withoutExtension) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  if (netLog) args.push(`--log-net-log=${netLog}`, '--net-log-capture-mode=Default');
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: !options.headed,
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: options.withoutExtension ? [] : ['--disable-extensions'],
    args,
  });
  let extensionOrigin = 'chrome-extension://none';
  if (!options.withoutExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // Node gives non-special schemes a "null" origin: build it from the host.
    extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  }
  let closed = false;
  let colorScheme: ColorScheme = 'light';

  const openPage = async (path: string): Promise<Tab> => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`${extensionOrigin}/${path}`);
    return playwrightTab(page);
  };

  /** Runs `fn` in a fresh extension page, then closes it. */
  const inExtensionPage = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
    const page = await context.newPage();
    try {
      await page.goto(`${extensionOrigin}/popup.html`);
      return (await page.evaluate(fn as never, arg)) as T;
    } finally {
      await page.close();
    }
  };

  // A DevTools session on a blank page of the profile: it sees the extension's
  // service worker (same storage partition) and can change its origin's quota.
  let devtools: Promise<{ session: CDPSession; running: Map<string, string> }> | null = null;
  let workerStarts = 0;
  const control = (): Promise<{ session: CDPSession; running: Map<string, string> }> => {
    devtools ??= (async () => {
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      const running = new Map<string, string>();
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const version of versions) {
          if (!version.scriptURL.startsWith(extensionOrigin)) continue;
          if (version.runningStatus === 'running' && running.get(version.versionId) !== 'running') workerStarts += 1;
          running.set(version.versionId, version.runningStatus);
        }
      });
      await session.send('ServiceWorker.enable');
      return { session, running };
    })();
    return devtools;
  };

  /** Developer mode, as anyone who loads an unpacked extension has on: without it Chromium disables a reloaded one. */
  let developerMode: Promise<void> | null = null;
  const enableDeveloperMode = (): Promise<void> => {
    developerMode ??= (async () => {
      const page = await context.newPage();
      await page.goto('chrome://extensions');
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            (globalThis as unknown as { chrome: PageChrome }).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done);
          }),
      );
      await page.close();
    })();
    return developerMode;
  };

  const reloadExtension = async (): Promise<void> => {
    await enableDeveloperMode();
    const previous = context.serviceWorkers().find((worker) => worker.url().startsWith(extensionOrigin));
    const restarted = context.waitForEvent('serviceworker', {
      predicate: (worker) => worker.url().startsWith(extensionOrigin) && worker !== previous,
      timeout: 20_000,
    });
    const page = await context.newPage();
    await page.goto(`${extensionOrigin}/popup.html`);
    // The page goes away with the extension it belongs to.
    await page.evaluate(() => (globalThis as unknown as { chrome: PageChrome }).chrome.runtime.reload()).catch(() => undefined);
    await restarted;
    await page.close().catch(() => undefined);
  };

  return {
    name: 'chromium',
    profileDir,
    extensionOrigin,
    newTab: async () => playwrightTab(await context.newPage()),
    openExtensionPage: openPage,
    async writeStore(store, records) {
      await inExtensionPage(writeAllToStore, { store, records: records as unknown[] });
    },
    async setColorScheme(scheme) {
      colorScheme = scheme;
      await Promise.all(context.pages().map((page) => page.emulateMedia({ colorScheme: scheme })));
    },
    readStore: (store) => inExtensionPage(readAllFromStore, store) as never,
    async stopBackground() {
      const { session, running } = await control();
      await session.send('ServiceWorker.stopAllWorkers');
      // stopAllWorkers passes over a worker still starting (seen 2026-12-07: one woken by a
      // message just before the call ran on for 10 s), so it is sent again once that one runs.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const statuses = [...running.values()];
        if (statuses.every((status) => status === 'stopped')) return;
        if (Date.now() > deadline) throw new Error(`the service worker did not stop: ${statuses.join(', ')}`);
        if (statuses.includes('running')) await session.send('ServiceWorker.stopAllWorkers');
        await new Promise((done) => setTimeout(done, 20));
      }
    },
    backgroundStarts: () => workerStarts,
    reloadExtension,
    async upgradeTo(dir) {
      cpSync(resolve(dir), extensionDir, { recursive: true, force: true });
      await reloadExtension();
    },
    badge: () =>
      inExtensionPage(async () => {
        const action = (globalThis as unknown as { chrome: PageChrome }).chrome.action;
        return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
      }, null),
    extensionRequests() {
      if (!netLog || !closed) throw new Error('extensionRequests needs recordNetwork and a closed browser');
      return netLogRequests(netLog).filter((request) => request.initiator.startsWith(extensionOrigin) || request.isolation.includes(extensionOrigin)).map((request) => request.url);
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
    },
    dispose: () => {
      rmSync(profileDir, { recursive: true, force: true });
      if (netLog) rmSync(dirname(netLog), { recursive: true, force: true });
    },
  };
}

/** The requests a Chromium NetLog recorded: URL, initiating origin and network isolation key. */
function netLogRequests(file: string): { url: string; initiator: string; isolation: string }[] {
  const log = JSON.parse(readFileSync(file, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string; network_isolation_key?: string } }[];
  };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((event) => event.type === startJob && typeof event.params?.url === 'string')
    .map(({ params }) => ({ url: params!.url!, initiator: params!.initiator ?? '', isolation: params!.network_isolation_key ?? '' }));
}

function playwrightTab(page: PlaywrightPage): Tab {
  let metricsSession: Promise<CDPSession> | undefined;
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
    addScript: async (source) => {
      await page.evaluate(source);
    },
    press: (key) => page.keyboard.press(key),
    setViewport: (size) => page.setViewportSize(size),
    screenshot: async (path, options = {}) => {
      await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
    },
    mainThreadMs: async () => {
      // One session for the tab's life: the metrics count from its Performance.enable.
      metricsSession ??= page
        .context()
        .newCDPSession(page)
        .then(async (session) => {
          await session.send('Performance.enable');
          return session;
        });
      const { metrics } = await (await metricsSession).send('Performance.getMetrics');
      return 1000 * (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN);
    },
    close: () => page.close(),
  };
}

// ---------------------------------------------------------------------------
// Firefox

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? join(OUTPUT_DIR, 'firefox-mv3'));
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
      // permissions.request grants without a prompt (a prompt cannot be clicked headless): the
      // settings' "turn a site back on" and "notify me" paths run for real in Firefox.
      'extensions.webextOptionalPermissionPrompts': false,
      // Timers in background tabs keep the front tab's pace, as in headless Chromium (where every
      // tab counts as visible). Firefox's throttling slowed a replay script sending prompts 5 ms
      // apart from three tabs to about one a second in the two background tabs: 200 prompts took
      // 68 s to send instead of 1.2 s (Firefox ESR 153, 2026-12-07). Both prefs are needed.
      'dom.timeout.enable_budget_timer_throttling': false,
      'dom.min_background_timeout_value_without_budget_throttling': 4,
      ...(options.privateBrowsing ? { 'browser.privatebrowsing.autostart': true } : {}),
    },
  });
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const chromeScope = (body: string): Promise<unknown> => evaluateInChromeScope(browser, body);
  if (options.recordNetwork) {
    // Every HTTP(S) and WebSocket channel, as it opens, with the principals behind it.
    await chromeScope(`(() => {
      const seen = [];
      globalThis.frugalNetwork = seen;
      Services.obs.addObserver((subject) => {
        const channel = subject.QueryInterface(Ci.nsIChannel);
        const info = channel.loadInfo;
        seen.push({ url: channel.URI.spec, triggering: info?.triggeringPrincipal?.origin ?? '', loading: info?.loadingPrincipal?.origin ?? '' });
      }, 'http-on-opening-request');
      return true;
    })()`);
  }
  const addon = `(await ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs').AddonManager.getAddonByID('${GECKO_ID}'))`;
  /** Resolves once the extension runs with its background started. */
  const backgroundRunning = async (): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const state = await chromeScope(`WebExtensionPolicy.getByID('${GECKO_ID}')?.extension?.backgroundState ?? 'none'`);
      if (state === 'running') return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error('The extension did not start again');
  };
  if (!options.withoutExtension) {
    // A temporary install, as about:debugging does; stays for this browser's life.
    await browser.installExtension(extensionDir);
    if (options.privateBrowsing) {
      // What the user grants with "Run in Private Windows" (Firefox applies it on the next start).
      await chromeScope(`(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        await ExtensionPermissions.add('${GECKO_ID}', { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
        await ${addon}.reload();
        return true;
      })()`);
    }
    await backgroundRunning();
  }
  let closed = false;
  let requests: string[] | null = null;

  /** Runs `fn` in a new tab of one of the extension's pages, then closes it. */
  const inExtensionPage = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
    const tab = await openFirefoxExtensionPage(browser, 'popup.html');
    try {
      return await tab.evaluate(fn, arg);
    } finally {
      await tab.close();
    }
  };

  return {
    name: 'firefox',
    profileDir,
    extensionOrigin,
    newTab: async () => puppeteerTab(await browser.newPage()),
    async readStore(store) {
      return (await evaluateWithExtensionPrincipal(browser, readAllFromStore.toString(), store)) as never;
    },
    openExtensionPage: (path) => openFirefoxExtensionPage(browser, path),
    async writeStore(store, records) {
      await evaluateWithExtensionPrincipal(browser, writeAllToStore.toString(), { store, records });
    },
    async setColorScheme(scheme) {
      // 0 dark, 1 light: the override content documents (extension pages among them) see.
      await chromeScope(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);
    },
    async stopBackground() {
      // What Firefox does to an idle event page (its own tests use the same call).
      await chromeScope(`(async () => {
        await WebExtensionPolicy.getByID('${GECKO_ID}').extension.terminateBackground({ disableResetIdleForTest: true });
        return true;
      })()`);
    },
    backgroundStarts: () => 0,
    async reloadExtension() {
      // Off and on again in about:addons: the reload a Firefox user can do (a temporary
      // add-on's own Reload button restarts it without putting scripts into open tabs).
      await chromeScope(`(async () => { const add = ${addon}; await add.disable(); await add.enable(); return true; })()`);
      await backgroundRunning();
    },
    async upgradeTo(dir) {
      // Installing the same id again is an update: Firefox keeps the add-on's data.
      await browser.installExtension(resolve(dir));
      await backgroundRunning();
    },
    badge: () =>
      inExtensionPage(async () => {
        const action = (globalThis as unknown as { browser: { action: PageChrome['action'] } }).browser.action;
        return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
      }, null),
    extensionRequests() {
      if (!requests) throw new Error('extensionRequests needs recordNetwork and a closed browser');
      return requests;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (options.recordNetwork) {
        const seen = (await chromeScope('globalThis.frugalNetwork')) as { url: string; triggering: string; loading: string }[];
        requests = seen.filter((request) => request.triggering.includes(extensionOrigin) || request.loading.includes(extensionOrigin)).map((request) => request.url);
      }
      await browser.close();
    },
    dispose: () => rmSync(profileDir, { recursive: true, force: true }),
  };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Run an expression in the browser's privileged (chrome) scope, the browser
 * window itself; resolves with its JSON-serialised result.
 */
async function evaluateInChromeScope(browser: PuppeteerBrowser, body: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string }[];
  };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('No privileged browsing context: was Firefox started with --remote-allow-system-access?');
  const expression = `(async () => JSON.stringify(await (async () => { return ${body}; })()) ?? 'null')()`;
  const reply = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true }))
    .result as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
  if (reply.type !== 'success') throw new Error(`Privileged evaluation failed: ${reply.exceptionDetails?.text ?? 'unknown error'}`);
  return JSON.parse(reply.result?.value ?? 'null');
}

/**
 * Run `fnSource(arg)` in the browser's privileged scope with `indexedDB`
 * bound to the extension's origin: the same database the extension writes,
 * opened through `IDBFactory.openForPrincipal` (a chrome-only API).
 */
function evaluateWithExtensionPrincipal(browser: PuppeteerBrowser, fnSource: string, arg: unknown): Promise<unknown> {
  return evaluateInChromeScope(
    browser,
    `await (async () => {
      const principal = Services.scriptSecurityManager.createContentPrincipalFromOrigin('moz-extension://${FIREFOX_EXTENSION_UUID}');
      const indexedDB = { open: (name) => globalThis.indexedDB.openForPrincipal(principal, name) };
      const fn = ${fnSource};
      return fn(${JSON.stringify(arg)});
    })()`,
  );
}

/**
 * Open an extension page in a new tab from the chrome scope (gBrowser.addTab
 * with the system principal: what the browser does when the user opens the
 * page), then find that tab among the pages BiDi drives. A marker in the URL's
 * query tells it apart from other tabs of the same page.
 */
async function openFirefoxExtensionPage(browser: PuppeteerBrowser, path: string): Promise<Tab> {
  const marker = `harness-${Math.random().toString(36).slice(2)}`;
  const [file, hash] = path.split('#');
  const url = `moz-extension://${FIREFOX_EXTENSION_UUID}/${file}?${marker}${hash === undefined ? '' : `#${hash}`}`;
  await evaluateInChromeScope(
    browser,
    `(() => {
      const window = Services.wm.getMostRecentWindow('navigator:browser');
      const tab = window.gBrowser.addTab(${JSON.stringify(url)}, {
        triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
      });
      window.gBrowser.selectedTab = tab;
      return true;
    })()`,
  );
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      // A page still loading (or closing) may not answer: ask each for at most a second.
      const href = await Promise.race([
        page.evaluate(() => location.href).catch(() => ''),
        new Promise<string>((resolve) => setTimeout(() => resolve(''), 1_000)),
      ]);
      if (href.includes(marker)) return puppeteerTab(page);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The extension page ${path} did not open`);
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
    addScript: async (source) => {
      await page.evaluate(source);
    },
    // Puppeteer names the space bar by its character; Playwright (and this interface) by "Space".
    press: (key) => page.keyboard.press((key === 'Space' ? ' ' : key) as never),
    setViewport: (size) => page.setViewport(size),
    screenshot: async (path, options = {}) => {
      await page.screenshot({ path: path as `${string}.png`, fullPage: options.fullPage ?? false });
    },
    mainThreadMs: () => Promise.resolve(null),
    close: () => page.close(),
  };
}
