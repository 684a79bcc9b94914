import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser } from './browsers';
import { startReplay, waitForAnswers, waitForEvents } from './harness';
import { filesContaining } from './profile-scan';
import { chatgptReplay } from './replay/chatgpt/site';
import type { ReplayServer } from './server';

/**
 * The privacy canary: a prompt carrying a unique string is sent through the
 * extension; afterwards neither the stored records nor any file of the browser
 * profile may contain it. A control string that the *page* stores in its own
 * IndexedDB and localStorage must be found, proving the scan can see stored data.
 */
describe.each(BROWSERS)('privacy canary in %s', (browserName) => {
  const canary = `canary${randomBytes(16).toString('hex')}`;
  const control = `control${randomBytes(16).toString('hex')}`;
  let server: ReplayServer;
  let origin: (host: string) => string;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, origin } = await startReplay([chatgptReplay()]));
    browser = await launch(browserName, { hosts: server.hosts });
  });

  afterAll(async () => {
    await browser?.close();
    browser?.dispose();
    await server?.stop();
  });

  it('keeps the prompt text out of the stored records and out of every profile file', async () => {
    const tab = await browser.newTab();
    await tab.goto(origin('chatgpt.com'));
    await tab.type('#prompt-textarea', `Please remember the code word ${canary} and tell me a joke.`);
    await tab.click('[data-testid="send-button"]');
    await waitForAnswers(tab, 1);
    const events = await waitForEvents(browser, (stored) => stored.some((event) => event.status === 'complete'));
    expect(events).toHaveLength(1);
    expect(events[0]!.inputChars).toBeGreaterThan(canary.length);
    expect(JSON.stringify(events)).not.toContain(canary);
    expect(JSON.stringify(await browser.readStore('rollups'))).not.toContain(canary);
    // The page itself really did send the prompt: the canary crossed the tap.
    expect(server.log.some((request) => request.body.includes(canary))).toBe(true);

    await tab.evaluate(
      (value) =>
        new Promise<void>((resolve, reject) => {
          localStorage.setItem('control', value);
          const open = indexedDB.open('control-db', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('values');
          open.onsuccess = () => {
            const tx = open.result.transaction('values', 'readwrite');
            tx.objectStore('values').put(value, 'control');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      control,
    );
    await browser.close();

    expect(filesContaining(browser.profileDir, control).length).toBeGreaterThan(0);
    expect(filesContaining(browser.profileDir, canary)).toEqual([]);
  });
});
