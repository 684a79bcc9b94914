import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './browsers';
import { lastAnswer, startReplay, waitForAnswers, waitForEvents } from './harness';
import { chatgptReplay, scenarioPrompt, scenarioStream } from './replay/chatgpt/site';
import { CHECK_AFTER_MS } from '../lib/capture/witness';
import { SLOW_PREFIX } from './replay/kit';
import { sha256, type ReplayServer } from './server';

const length = (text: string) => [...text].length;

describe.each(BROWSERS)('ChatGPT in %s', (browserName) => {
  let server: ReplayServer;
  let origin: (host: string) => string;
  let browser: ExtensionBrowser;
  let tab: Tab;
  let answers = 0;

  beforeAll(async () => {
    ({ server, origin } = await startReplay([chatgptReplay({ chunkBytes: 120, delayMs: 5 })]));
    browser = await launch(browserName, { hosts: server.hosts });
    tab = await browser.newTab();
    await tab.goto(origin('chatgpt.com'));
  });

  afterAll(async () => {
    await browser?.close();
    browser?.dispose();
    await server?.stop();
  });

  async function send(scenario: string, options: { model?: string; image?: boolean } = {}) {
    if (options.model) await tab.evaluate((model) => {
      const picker = document.querySelector<HTMLSelectElement>('[data-testid="model-switcher-dropdown-button"]')!;
      picker.value = model;
    }, options.model);
    if (options.image) await tab.click('[data-testid="image-tool"]');
    await tab.type('#prompt-textarea', scenarioPrompt(scenario));
    await tab.click('[data-testid="send-button"]');
    await waitForAnswers(tab, ++answers);
    if (options.image) await tab.click('[data-testid="image-tool"]');
    const answer = await lastAnswer(tab);
    // The page got every byte the server sent, exactly as without the extension.
    expect(answer.sha256).toBe(sha256(scenarioStream(scenario)));
    expect(answer.bytes).toBe(Buffer.byteLength(scenarioStream(scenario)));
    return answer;
  }

  it('stores a thinking turn: the answering model, answer and reasoning apart, complete', async () => {
    await send('thinking', { model: 'gpt-5-2-thinking' });
    const [event] = await waitForEvents(browser, (events) => events.some((e) => e.status === 'complete'));
    expect(event).toMatchObject({
      site: 'chatgpt',
      model: 'gpt-5-2-thinking',
      modelSource: 'response',
      kind: 'text',
      status: 'complete',
      detector: 'network',
      inputChars: length(scenarioPrompt('thinking')),
      outputChars: length('At 2,000 m water boils at about 93 °C. Lower pressure means a lower boiling point.'),
      reasoningChars: length('Checking the facts') + length('The user asks for the boiling point of water at altitude.'),
    });
  });

  it('stores the routed model ("auto" asked, gpt-5-3 answered)', async () => {
    await send('routed', { model: 'auto' });
    const events = await waitForEvents(browser, (stored) => stored.filter((e) => e.status === 'complete').length === 2);
    expect(events.find((e) => e.inputChars === length(scenarioPrompt('routed')))).toMatchObject({
      model: 'gpt-5-3',
      outputChars: length('¡Hola! Todo bien, ¿y tú?'),
      reasoningChars: 0,
      status: 'complete',
    });
  });

  it('stores an image-tool turn as an image generation', async () => {
    await send('image', { image: true });
    const events = await waitForEvents(browser, (stored) => stored.some((e) => e.kind === 'image' && e.status === 'complete'));
    expect(events.find((e) => e.kind === 'image')).toMatchObject({ images: 1, task: 'image', model: 'gpt-5-3' });
  });

  it('stores a turn the server marked interrupted as interrupted', async () => {
    await send('interrupted');
    const events = await waitForEvents(browser, (stored) =>
      stored.some((e) => e.inputChars === length(scenarioPrompt('interrupted')) && e.durationMs > 0 && e.outputChars > 0),
    );
    expect(events.find((e) => e.inputChars === length(scenarioPrompt('interrupted')))).toMatchObject({
      status: 'interrupted',
      outputChars: length('The lamp had burned for ninety years'),
    });
  });

  it('stores a turn the user stopped mid-answer as interrupted, with what had arrived', async () => {
    const prompt = `${SLOW_PREFIX} Tell me about water.`;
    await tab.type('#prompt-textarea', prompt);
    await tab.click('[data-testid="send-button"]');
    // Stop as soon as the answer has started to show.
    await vi.waitFor(
      async () => {
        const shown = await tab.evaluate(() => {
          const answers = document.querySelectorAll('[data-message-author-role="assistant"]');
          return answers[answers.length - 1]?.textContent ?? '';
        }, null);
        if (!shown) throw new Error('answer not started yet');
      },
      { timeout: 20_000, interval: 50 },
    );
    await tab.click('[data-testid="stop-button"]');
    await waitForAnswers(tab, ++answers);
    expect((await lastAnswer(tab)).state).toBe('aborted');
    const events = await waitForEvents(browser, (stored) =>
      stored.some((e) => e.inputChars === length(prompt) && e.outputChars > 0),
    );
    const stopped = events.find((e) => e.inputChars === length(prompt))!;
    expect(stopped.status).toBe('interrupted');
    expect(stopped.reasoningChars).toBe(length('Checking the facts') + length('The user asks for the boiling point of water at altitude.'));
    expect(stopped.outputChars).toBeLessThan(length('At 2,000 m water boils at about 93 °C. Lower pressure means a lower boiling point.'));
  });

  it('ignores what is not a prompt: typing (/prepare), page load (/init), a conversation on screen', async () => {
    const before = (await browser.readStore('events')).length;
    const history = await browser.newTab();
    await history.goto(`${origin('chatgpt.com')}/c/6920f1c4-8b3e-8324-a1d0-5c7e2f9b1a44`);
    await history.waitFor('body[data-history-loaded="true"]');
    await history.type('#prompt-textarea', 'typing without sending');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await history.close();
    expect(server.log.some((request) => request.path === '/backend-api/f/conversation/prepare')).toBe(true);
    expect(server.log.some((request) => request.path === '/backend-api/conversation/init')).toBe(true);
    expect(server.log.some((request) => request.path.startsWith('/backend-api/conversation/6920f1c4'))).toBe(true);
    expect((await browser.readStore('events')).length).toBe(before);
  });

  it('keeps the daily rollup equal to the stored events', async () => {
    const events = await browser.readStore('events');
    const rollups = await browser.readStore('rollups');
    expect(rollups.reduce((sum, rollup) => sum + rollup.count, 0)).toBe(events.length);
    expect(rollups.reduce((sum, rollup) => sum + rollup.outputChars, 0)).toBe(
      events.reduce((sum, event) => sum + event.outputChars, 0),
    );
  });

  it('says ChatGPT needs an update when the page sends prompts its detector cannot see (a redesign)', async () => {
    const before = (await browser.readStore('events')).length;
    const redesigned = await browser.newTab();
    await redesigned.goto(`${origin('chatgpt.com')}/?redesign`);
    for (const [n, scenario] of ['routed', 'thinking'].entries()) {
      await redesigned.type('#prompt-textarea', scenarioPrompt(scenario));
      await redesigned.click('[data-testid="send-button"]');
      await waitForAnswers(redesigned, n + 1);
    }
    expect(server.log.filter((request) => request.path === '/backend-api/f/conversation-v2')).toHaveLength(2);
    // The witness saw two prompts sent; after CHECK_AFTER_MS it reports them unmeasured.
    await vi.waitFor(
      async () => {
        const health = (await browser.readStore('health')).find((record) => record.site === 'chatgpt');
        expect(health?.missed).toBeGreaterThanOrEqual(2);
      },
      { timeout: CHECK_AFTER_MS + 20_000, interval: 1_000 },
    );
    expect((await browser.readStore('events')).length).toBe(before);
    const popup = await browser.openExtensionPage('popup.html');
    await popup.waitFor('[data-testid="health-warning"]');
    expect(await popup.evaluate(() => document.querySelector('[data-testid="health-warning"]')!.textContent, null)).toContain('ChatGPT');
    await popup.close();
    await redesigned.close();

    // The next prompt measured on the usual page clears the warning.
    await send('routed');
    await vi.waitFor(async () => {
      const health = (await browser.readStore('health')).find((record) => record.site === 'chatgpt');
      expect(health?.missed).toBe(0);
    });
  }, CHECK_AFTER_MS + 90_000);
});
