import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser } from './browsers';
import { lastAnswer, startReplay, waitForAnswers, waitForEvents } from './harness';
import { filesContaining } from './profile-scan';
import { chatgptReplay } from './replay/chatgpt/site';
import { hostileChatgpt } from './replay/hostile';
import type { ReplayServer } from './server';

/**
 * The privacy canary: a prompt carrying a unique string, answered by an answer
 * carrying another, is sent through the extension; afterwards neither the
 * stored records nor any file of the browser profile may contain either. A control string that the *page* stores in its own
 * IndexedDB and localStorage must be found, proving the scan can see stored data.
 */
describe.each(BROWSERS)('privacy canary in %s', (browserName) => {
  const canary = `canary${randomBytes(16).toString('hex')}`;
  const answerCanary = `answer${randomBytes(16).toString('hex')}`;
  const control = `control${randomBytes(16).toString('hex')}`;
  let server: ReplayServer;
  let origin: (host: string) => string;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, origin } = await startReplay([hostileChatgpt(chatgptReplay())]));
    browser = await launch(browserName, { hosts: server.hosts });
  });

  afterAll(async () => {
    await browser?.close();
    browser?.dispose();
    await server?.stop();
  });

  it('keeps the prompt and answer text out of the stored records and out of every profile file', async () => {
    const tab = await browser.newTab();
    await tab.goto(origin('chatgpt.com'));
    await tab.type('#prompt-textarea', `[say ${answerCanary}] Please remember the code word ${canary} and tell me a joke.`);
    await tab.click('[data-testid="send-button"]');
    await waitForAnswers(tab, 1);
    const events = await waitForEvents(browser, (stored) => stored.some((event) => event.status === 'complete'));
    expect(events).toHaveLength(1);
    expect(events[0]!.inputChars).toBeGreaterThan(canary.length);
    expect(events[0]!.outputChars).toBeGreaterThan(answerCanary.length);
    for (const secret of [canary, answerCanary]) {
      expect(JSON.stringify(events)).not.toContain(secret);
      expect(JSON.stringify(await browser.readStore('rollups'))).not.toContain(secret);
    }
    // The page itself really did send the prompt and show the answer: both canaries crossed the tap.
    expect(server.log.some((request) => request.body.includes(canary))).toBe(true);
    expect((await lastAnswer(tab)).text).toContain(answerCanary);

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
    expect(filesContaining(browser.profileDir, answerCanary)).toEqual([]);
  });
});
