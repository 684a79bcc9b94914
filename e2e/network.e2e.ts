import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleHistory } from '../lib/views/__tests__/sample-history';
import { BROWSERS, launch, type BrowserName, type ExtensionBrowser } from './browsers';
import { seedHistory, startReplay, waitForAnswers, waitForEvents } from './harness';
import { chatgptReplay } from './replay/chatgpt/site';
import type { ReplayServer } from './server';

/**
 * Frugal makes no network request of its own. A full run (prompts on a replay
 * site, the popup, every dashboard section, a setting changed, a CSV export)
 * is recorded twice over:
 *
 * - every request any extension context made (its pages and background, from
 *   Chromium's NetLog and Firefox's request observer) must be exactly the one
 *   positive control the test makes from an extension page, which proves the
 *   recorder sees extension requests at all;
 * - the replay server's log must be the same as in the same run without the
 *   extension: this covers the content scripts, whose requests a browser
 *   attributes to the page (every supported hostname resolves to the server).
 */

const SECTIONS = ['overview', 'breakdown', 'prompts', 'data', 'settings', 'methodology'] as const;
const CONTROL_PATH = '/__frugal-network-control';

/** A full run; resolves with the names the page's window holds after its prompts. */
async function fullRun(browser: ExtensionBrowser, origin: (host: string) => string, withExtension: boolean): Promise<string[]> {
  const tab = await browser.newTab();
  await tab.goto(origin('chatgpt.com'));
  await tab.waitFor('#prompt-textarea');
  for (const [n, prompt] of ['What is the capital of Peru?', 'Translate "good morning" to French.', 'Write a haiku about rain.'].entries()) {
    await tab.type('#prompt-textarea', prompt);
    await tab.click('[data-testid="send-button"]');
    await waitForAnswers(tab, n + 1);
  }
  const globals = await tab.evaluate(() => Object.getOwnPropertyNames(window).sort(), null);
  if (!withExtension) return globals;
  await waitForEvents(browser, (events) => events.filter((event) => event.status === 'complete').length >= 3);

  const popup = await browser.openExtensionPage('popup.html');
  await popup.waitFor('[data-testid="week-prompts"]');
  await popup.close();
  for (const section of SECTIONS) {
    const page = await browser.openExtensionPage(`dashboard.html#${section}`);
    await page.waitFor(`main[data-section="${section}"] h2`);
    if (section === 'settings') {
      await page.click('[data-testid="pause-setting"] input');
      await page.waitFor('[data-testid="pause-setting"] input:checked');
      await page.click('[data-testid="pause-setting"] input');
      await page.waitFor('[data-testid="pause-setting"] input:not(:checked)');
    }
    if (section === 'data') {
      await page.evaluate(() => {
        HTMLAnchorElement.prototype.click = () => undefined; // no download dialog; the file is made all the same
      }, null);
      await page.click('[data-testid="csv-export-button"]');
      await page.waitFor('[data-testid="csv-exported"]', 60_000);
    }
    await page.close();
  }
  return globals;
}

/**
 * The replay site's requests as a sorted list of "METHOD host path". Firefox
 * resolves every hostname to the server, so its own background traffic
 * (settings, safe browsing) lands there too, in both runs, unevenly: only the
 * replay site's hosts are compared. So does the page's `/prepare`, which it
 * sends on a timer while the user types: how many depends on typing speed
 * (seen 2026-12-07: one run had one more).
 */
const TYPING_PING = '/backend-api/f/conversation/prepare';

function served(server: ReplayServer, from: number): string[] {
  return server.log
    .slice(from)
    .filter((request) => server.hosts.includes(request.host) && request.path !== CONTROL_PATH && request.path !== TYPING_PING)
    .map((request) => `${request.method} ${request.host} ${request.path}`)
    .sort();
}

describe.each(BROWSERS)('network silence in %s', (browserName: BrowserName) => {
  let server: ReplayServer;
  let origin: (host: string) => string;

  beforeAll(async () => {
    ({ server, origin } = await startReplay([chatgptReplay()]));
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('makes no request of its own during a full run; the pages request what they would without it and hold no name of its', async () => {
    const bare = await launch(browserName, { hosts: server.hosts, withoutExtension: true });
    const bareStart = server.log.length;
    let bareGlobals: string[];
    try {
      bareGlobals = await fullRun(bare, origin, false);
    } finally {
      await bare.close();
      bare.dispose();
    }
    const withoutExtension = served(server, bareStart);

    const browser = await launch(browserName, { hosts: server.hosts, recordNetwork: true });
    const start = server.log.length;
    try {
      await seedHistory(browser, sampleHistory({ now: Date.now(), days: 60 }));
      // The tap runs in the page's world: it must leave no name of its own there.
      expect(await fullRun(browser, origin, true)).toEqual(bareGlobals);
      // The positive control: an extension page that does make a request is seen doing so.
      const page = await browser.openExtensionPage('popup.html');
      const control = `${origin('chatgpt.com')}${CONTROL_PATH}`;
      await page.evaluate((url) => fetch(url).then(() => undefined, () => undefined), control);
      await page.close();
      await browser.close();
      expect(browser.extensionRequests()).toEqual([control]);
    } finally {
      await browser.close();
      browser.dispose();
    }
    expect(served(server, start)).toEqual(withoutExtension);
  }, 240_000);
});
