import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './browsers';
import { EventLedger } from './expect-events';
import { startReplay, waitForAnswers, waitForEvents } from './harness';
import { copilotAnswerFrames, copilotMode, copilotPrompt, copilotReplay } from './replay/copilot/site';
import {
  GROK_CONVERSATION,
  GROK_SCENARIOS,
  grokReplay,
  SLOW_PREFIX,
  X_POSTED,
  X_SCENARIOS,
  X_TIMELINE,
} from './replay/grok/site';
import { CONTINUATION, HUGGINGCHAT_CONVERSATION, HUGGINGCHAT_SCENARIOS, huggingchatReplay, RETRIED } from './replay/huggingchat/site';
import { META_CHAT, metaAnswer, metaPrompt, metaReceived, metaReplay } from './replay/meta/site';
import { POE_CHATS, poeReceived, poeReplay, poeRequest } from './replay/poe/site';
import { sha256, type ReplayServer } from './server';

/**
 * End to end for Microsoft Copilot, Poe, Meta AI, Grok (grok.com and X) and
 * HuggingChat: the built extension in Chromium and Firefox against replay
 * sites that speak each app's protocol with the unit fixtures' bytes. Each
 * prompt must leave exactly one stored event with the right measurements,
 * traffic that is not a prompt none, and every page must receive exactly what
 * the server sent.
 */

const length = (text: string) => [...text].length;

let server: ReplayServer;
let origin: (host: string) => string;

beforeAll(async () => {
  ({ server, origin } = await startReplay([copilotReplay(), poeReplay(), metaReplay(), grokReplay(), huggingchatReplay()]));
});

afterAll(async () => {
  await server?.stop();
});

/** The dataset of the last element matching `selector`: what the replay page recorded it received. */
function pageRecord(tab: Tab, selector: string): Promise<Record<string, string>> {
  return tab.evaluate((target) => {
    const all = document.querySelectorAll<HTMLElement>(target);
    const last = all[all.length - 1];
    return last ? Object.fromEntries(Object.entries(last.dataset).map(([key, value]) => [key, value ?? ''])) : {};
  }, selector);
}

/** Waits until the page's record of what it received shows `expected` (late frames included). */
async function expectReceived(tab: Tab, selector: string, expected: Record<string, string>): Promise<void> {
  await vi.waitFor(async () => expect(await pageRecord(tab, selector)).toMatchObject(expected), { timeout: 10_000, interval: 100 });
}

/** Waits until the text of the last element matching `selector` is not empty: an answer started to show. */
async function answerShows(tab: Tab, selector: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const shown = await tab.evaluate((target) => {
        const all = document.querySelectorAll(target);
        return all[all.length - 1]?.textContent ?? '';
      }, selector);
      if (!shown) throw new Error(`nothing shown in ${selector} yet`);
    },
    { timeout: 15_000, interval: 30 },
  );
}

const setValue = (tab: Tab, selector: string, value: string) =>
  tab.evaluate(([target, chosen]) => {
    document.querySelector<HTMLSelectElement | HTMLInputElement>(target!)!.value = chosen!;
  }, [selector, value]);

describe.each(BROWSERS)('Copilot, Poe, Meta AI, Grok and HuggingChat in %s', (browserName) => {
  let browser: ExtensionBrowser;
  /** One prompt, one event; none for traffic that is no prompt. */
  let ledger: EventLedger;
  /** Where this browser's requests start in the server's log (the server serves both browsers). */
  let logStart = 0;

  beforeAll(async () => {
    logStart = server.log.length;
    browser = await launch(browserName, { hosts: server.hosts });
    ledger = new EventLedger(browser);
  });

  afterAll(async () => {
    await browser?.close();
    browser?.dispose();
  });

  /** What this browser's pages sent to the replay server. */
  const sent = () => server.log.slice(logStart);

  const requested = (host: string, method: string, path: string | RegExp) =>
    sent().some(
      (entry) => entry.host === host && entry.method === method && (typeof path === 'string' ? entry.path.startsWith(path) : path.test(entry.path)),
    );

  // -------------------------------------------------------------------------
  describe('Microsoft Copilot', () => {
    let tab: Tab;
    let answers = 0;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('copilot.microsoft.com')}/`);
      await tab.waitFor('body[data-socket="open"]');
    });

    afterAll(() => tab?.close());

    /** Sends a scenario's prompt in its mode and checks that the page got every frame the server sent. */
    async function send(name: string): Promise<void> {
      await tab.waitFor('body[data-socket="open"]');
      await setValue(tab, '#mode', copilotMode(name));
      await tab.type('#userInput', copilotPrompt(name));
      await tab.click('[data-testid="submit-button"]');
      await waitForAnswers(tab, ++answers);
      const frames = copilotAnswerFrames(name);
      await expectReceived(tab, '[data-content="ai-message"]', { receivedFrames: String(frames.count), receivedSha256: frames.sha256 });
    }

    it('stores a chat turn over the WebSocket, the mode as the requested model, and ignores the socket set-up', async () => {
      await send('chat');
      await ledger.expectNew({
        site: 'copilot',
        kind: 'text',
        model: 'copilot-chat',
        modelSource: 'request',
        status: 'complete',
        detector: 'network',
        inputChars: length(copilotPrompt('chat')),
        outputChars: length('Yes, 12321 reads the same backwards 🙂. Want to try checking another one?'),
        reasoningChars: 0,
        images: 0,
      });
      // Not prompts, and they left no event: the user check, the new conversation, the socket's options.
      expect(requested('copilot.microsoft.com', 'GET', '/c/api/user')).toBe(true);
      expect(requested('copilot.microsoft.com', 'POST', '/c/api/conversations')).toBe(true);
      expect(sent().some((entry) => entry.method === 'WS' && entry.body.includes('"event":"setOptions"'))).toBe(true);
    });

    it('keeps Think Deeper reasoning apart from the answer', async () => {
      await send('reasoning');
      await ledger.expectNew({
        site: 'copilot',
        model: 'copilot-reasoning',
        status: 'complete',
        reasoningChars: length('The user wants the number of primes below 20. Listing them: 2, 3, 5, 7, 11, 13, 17, 19.'),
        outputChars: length('There are **8** primes below 20: 2, 3, 5, 7, 11, 13, 17 and 19.'),
      });
    });

    it('reads frames that pack several events', async () => {
      await send('packed');
      await ledger.expectNew({
        model: 'copilot-smart',
        status: 'complete',
        outputChars: length('« Good morning » se dit « bonjour » en français. Le soir : « bonsoir ». En JSON : {"fr": "bonjour"'),
      });
    });

    it('counts a prompt held back by a proof-of-work challenge and sent again once', async () => {
      await send('challenge');
      await ledger.expectNew({
        status: 'complete',
        inputChars: length(copilotPrompt('challenge')),
        outputChars: length('La capital de Australia es Canberra, no Sídney.'),
      });
      expect(sent().filter((entry) => entry.method === 'WS' && entry.body.includes(copilotPrompt('challenge')))).toHaveLength(2);
    });

    it('stores a generated image, complete when the server closes the socket after it', async () => {
      await send('image');
      await ledger.expectNew({ kind: 'image', task: 'image', images: 1, status: 'complete', model: 'copilot-smart' });
    });

    it('stores a refused message as an error', async () => {
      await send('error');
      await ledger.expectNew({ status: 'error', outputChars: 0, inputChars: length(copilotPrompt('error')) });
    });

    it('stores an answer cut by the connection dropping as interrupted, with what had arrived', async () => {
      await send('interrupted');
      await ledger.expectNew({ status: 'interrupted', outputChars: length('Grey waves fold and break,\nsalt wind') });
    });
  });

  // -------------------------------------------------------------------------
  describe('Poe', () => {
    let tab: Tab;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('poe.com')}/chat/${POE_CHATS.claude.code}`);
      await tab.waitFor('body[data-ready="true"]');
    });

    afterAll(() => tab?.close());

    async function send(on: Tab, name: string): Promise<void> {
      const { prompt, bot } = poeRequest(name);
      await setValue(on, '#bot', bot);
      await on.type('textarea[class*="GrowingTextArea"]', prompt);
      await on.click('button[class*="ChatMessageSendButton"]');
    }

    /** The page got the mutation's response and the channel's frames byte for byte. */
    async function expectPoeReceived(on: Tab, name: string): Promise<void> {
      const expected = poeReceived(name);
      await expectReceived(on, '[data-turn]', {
        responseSha256: expected.responseSha256,
        ...(expected.frames > 0 && { receivedFrames: String(expected.frames), receivedSha256: expected.framesSha256 }),
      });
    }

    it('stores a prompt sent over GraphQL and answered over the channel on another host as one event', async () => {
      await send(tab, 'existing');
      await ledger.expectNew({
        site: 'poe',
        kind: 'text',
        model: 'claude_3_igloo',
        modelSource: 'response',
        status: 'complete',
        detector: 'network',
        inputChars: length(poeRequest('existing').prompt),
        outputChars: length('Photosynthesis turns light, water and CO₂ into sugar and oxygen.'),
        reasoningChars: 0,
      });
      await expectPoeReceived(tab, 'existing');
      expect(requested('poe.com', 'GET', '/api/settings')).toBe(true);
      expect(sent().some((entry) => entry.body.includes('"queryName":"ChatPageQuery"'))).toBe(true);
      expect(sent().some((entry) => entry.body.includes('"queryName":"subscriptionsMutation"'))).toBe(true);
    });

    it('counts Retry (a regenerated answer) as a prompt', async () => {
      await tab.click('[data-testid="retry"]');
      await ledger.expectNew({
        status: 'complete',
        inputChars: 0,
        model: 'claude_3_igloo',
        outputChars: length('Plants use sunlight to make sugar from water and carbon dioxide, releasing oxygen.'),
      });
      await expectPoeReceived(tab, 'regenerate');
    });

    it('adds up every bot message answering one prompt and records the last bot', async () => {
      await send(tab, 'search');
      await ledger.expectNew({
        model: 'gpt_5',
        modelSource: 'response',
        status: 'complete',
        outputChars:
          length('Searching the web for: 2026 Tour de France winner') +
          length('According to the results, Tadej Pogačar won the 2026 Tour de France.'),
      });
      await expectPoeReceived(tab, 'search');
    });

    it('stores an answer the user stopped as interrupted; cancelling is not a prompt', async () => {
      await send(tab, 'cancelled');
      await tab.waitFor('[data-state="incomplete"]');
      await tab.click('button[class*="ChatStopMessageButton"]');
      await ledger.expectNew({ status: 'interrupted', outputChars: length("Leaves let go of the maple's hand,\nand drift") });
      await expectPoeReceived(tab, 'cancelled');
      expect(sent().some((entry) => entry.body.includes('"queryName":"chatHelpers_messageCancel_Mutation"'))).toBe(true);
    });

    it('stores a bot failure and a refused prompt as errors', async () => {
      await send(tab, 'failed');
      await ledger.expectNew({ status: 'error', outputChars: 0, inputChars: length(poeRequest('failed').prompt) });
      await expectPoeReceived(tab, 'failed');
      await send(tab, 'limited');
      await ledger.expectNew({ status: 'error', outputChars: 0, model: 'gpt_5', modelSource: 'request', inputChars: length('One more question') });
      await expectPoeReceived(tab, 'limited');
    });

    it('stores a generated image, while another Poe tab that gets the same frames stores nothing', async () => {
      const images = await browser.newTab();
      await images.goto(`${origin('poe.com')}/chat/${POE_CHATS.images.code}`);
      await images.waitFor('body[data-ready="true"]');
      await send(images, 'image');
      await ledger.expectNew({ kind: 'image', task: 'image', images: 1, model: 'dalle3', status: 'complete' });
      await expectPoeReceived(images, 'image');
      await images.close();
    });

    it('follows a new chat, whose id only the response reveals', async () => {
      const home = await browser.newTab();
      await home.goto(`${origin('poe.com')}/`);
      await home.waitFor('body[data-ready="true"]');
      await send(home, 'newchat');
      await ledger.expectNew({ model: 'capybara', status: 'complete', inputChars: length(poeRequest('newchat').prompt), outputChars: length('Un año bisiesto tiene 366 días: febrero suma un día, el 29, cada cuatro años.') });
      await expectPoeReceived(home, 'newchat');
      await home.close();
    });

    it('stores nothing for opening a chat and typing without sending', async () => {
      const other = await browser.newTab();
      await other.goto(`${origin('poe.com')}/chat/${POE_CHATS.claude.code}`);
      await other.waitFor('body[data-ready="true"]');
      await other.type('textarea[class*="GrowingTextArea"]', 'a draft, never sent');
      await ledger.expectNone();
      await other.close();
    });
  });

  // -------------------------------------------------------------------------
  describe('Meta AI (DOM detector)', () => {
    let tab: Tab;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('www.meta.ai')}/`);
      await tab.waitFor('body[data-ready="true"]');
    });

    afterAll(() => tab?.close());

    async function send(name: string): Promise<void> {
      await tab.type('[role="textbox"][contenteditable="true"]', metaPrompt(name));
      await tab.click('[data-slot="send"]');
    }

    it('ends a prompt that got an error instead of an answer as interrupted, and measures the next one once its answer settles', async () => {
      await send('error');
      await tab.waitFor('#notice:not([hidden])');
      await send('answer');
      await waitForAnswers(tab, 2);
      const received = metaReceived('answer');
      await expectReceived(tab, '[data-turn]', { receivedFrames: String(received.frames), receivedSha256: received.sha256 });
      await ledger.expectNew(
        { site: 'meta', detector: 'dom', status: 'interrupted', inputChars: length(metaPrompt('error')), outputChars: 0 },
        {
          site: 'meta',
          detector: 'dom',
          kind: 'text',
          status: 'complete',
          model: null,
          modelSource: 'unknown',
          inputChars: length(metaPrompt('answer')),
          outputChars: length(metaAnswer('answer')),
          reasoningChars: 0,
        },
      );
    });

    it('stores a stopped answer with what was shown (the page cannot tell it from a finished one)', async () => {
      await send('long');
      await answerShows(tab, '[data-message-type="assistant"]:last-child [data-slot="text"]');
      await tab.click('[data-slot="stop"]');
      await waitForAnswers(tab, 3);
      const [stopped] = await ledger.expectNew((event) => event.inputChars === length(metaPrompt('long')) && event.status === 'complete');
      expect(stopped!.outputChars).toBeGreaterThan(0);
      expect(stopped!.outputChars).toBeLessThan(length(metaAnswer('long')));
    });

    it('measures an answer left for another chat (in-app) by what it showed, not by the chat opened', async () => {
      await send('answer');
      await waitForAnswers(tab, 4);
      await tab.click('a[data-chat-link]');
      await tab.waitFor('body[data-history-loaded="true"]');
      await ledger.expectNew({ status: 'complete', inputChars: length(metaPrompt('answer')), outputChars: length(metaAnswer('answer')) });
    });

    it('never counts messages already on screen or loaded from history, even while the user types', async () => {
      const chat = await browser.newTab();
      await chat.goto(`${origin('www.meta.ai')}${META_CHAT}`);
      await chat.waitFor('body[data-history-loaded="true"]');
      await chat.type('[role="textbox"][contenteditable="true"]', 'a draft, never sent');
      await ledger.expectNone();
      await chat.close();
    });
  });

  // -------------------------------------------------------------------------
  describe('Grok on grok.com', () => {
    let tab: Tab;
    let answers = 0;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('grok.com')}/`);
    });

    afterAll(() => tab?.close());

    async function send(prompt: string, mode: string): Promise<void> {
      await setValue(tab, '#mode', mode);
      await tab.type('textarea[aria-label]', prompt);
      await tab.click('button[aria-label="Submit"]');
    }

    async function ask(name: keyof typeof GROK_SCENARIOS, mode: string): Promise<void> {
      await send(GROK_SCENARIOS[name].prompt, mode);
      await waitForAnswers(tab, ++answers);
      const stream = GROK_SCENARIOS[name].stream;
      await expectReceived(tab, '[data-received-sha256]', { receivedSha256: sha256(stream), receivedBytes: String(Buffer.byteLength(stream)) });
    }

    it('stores a new conversation in Expert mode: reasoning apart, the answering model', async () => {
      await ask('expert', 'expert');
      await ledger.expectNew({
        site: 'grok',
        kind: 'text',
        model: 'grok-4',
        modelSource: 'response',
        status: 'complete',
        detector: 'network',
        inputChars: length(GROK_SCENARIOS.expert.prompt),
        reasoningChars: length('The user asks for the derivative of x^3. Power rule: 3x^2.'),
        outputChars: length('The derivative of x³ is 3x².'),
      });
    });

    it('stores a follow-up (…/responses, pretty-printed objects) with the model auto picked', async () => {
      await ask('auto', 'auto');
      await ledger.expectNew({
        model: 'grok-3',
        modelSource: 'response',
        status: 'complete',
        outputChars: length("D'accord ! Je vous réponds en français désormais. 😊"),
        reasoningChars: 0,
      });
      expect(requested('grok.com', 'POST', /^\/rest\/app-chat\/conversations\/[^/]+\/responses$/)).toBe(true);
    });

    it('stores a refused prompt (HTTP 429 with an error object) as an error', async () => {
      await ask('error', 'auto');
      await ledger.expectNew({ status: 'error', outputChars: 0, model: 'grok-auto', modelSource: 'request' });
    });

    it('stores an answer the user stopped as interrupted, with what had arrived', async () => {
      await send(`${SLOW_PREFIX}${GROK_SCENARIOS.expert.prompt}`, 'expert');
      await answerShows(tab, '.message-bubble:last-child .thinking');
      await tab.click('button[aria-label="Stop model response"]');
      await waitForAnswers(tab, ++answers);
      await ledger.expectNew(
        (event) =>
          event.inputChars === length(`${SLOW_PREFIX}${GROK_SCENARIOS.expert.prompt}`) &&
          event.status === 'interrupted' &&
          event.reasoningChars > 0 &&
          event.outputChars < length('The derivative of x³ is 3x².'),
      );
    });

    it('stores generated images in a new chat', async () => {
      await tab.goto(`${origin('grok.com')}/`);
      answers = 0;
      await ask('image', 'fast');
      await ledger.expectNew({ kind: 'image', task: 'image', images: 2, status: 'complete', outputChars: length("I'll draw that for you.") });
    });

    it('stores nothing for opening a conversation, whose last answer the page reattaches to', async () => {
      const chat = await browser.newTab();
      await chat.goto(`${origin('grok.com')}/c/${GROK_CONVERSATION}`);
      await chat.waitFor('body[data-history-loaded="true"]');
      await chat.type('textarea[aria-label]', 'a draft, never sent');
      await ledger.expectNone();
      expect(requested('grok.com', 'GET', '/rest/app-chat/conversations/reconnect-response-v2/')).toBe(true);
      expect(requested('grok.com', 'POST', `/rest/app-chat/conversations/${GROK_CONVERSATION}/load-responses`)).toBe(true);
      await chat.close();
    });
  });

  // -------------------------------------------------------------------------
  describe('Grok on X', () => {
    let tab: Tab;
    let answers = 0;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('x.com')}/home`);
      await tab.waitFor('body[data-timeline-loaded="true"]');
    });

    afterAll(() => tab?.close());

    async function ask(prompt: string): Promise<void> {
      await tab.type('#grok textarea', prompt);
      await tab.click('[aria-label="Grok something"]');
    }

    async function expectXReceived(stream: string): Promise<void> {
      await waitForAnswers(tab, ++answers);
      await expectReceived(tab, '#grok-thread [data-received-sha256]', { receivedSha256: sha256(stream), receivedBytes: String(Buffer.byteLength(stream)) });
    }

    it('leaves the rest of X alone: a post stores nothing and the page gets its bytes untouched', async () => {
      await tab.type('[data-testid="tweetTextarea_0"]', "What's trending in AI today?");
      await tab.click('[data-testid="tweetButtonInline"]');
      await expectReceived(tab, '[data-testid="tweet"]', { receivedSha256: sha256(X_POSTED) });
      await expectReceived(tab, '#timeline', { receivedSha256: sha256(X_TIMELINE) });
      await ledger.expectNone();
      expect(requested('x.com', 'POST', /\/CreateTweet$/)).toBe(true);
    });

    // Both browsers leave sender.url at the URL the page loaded at (/home) after
    // history.pushState; the background takes the tab's same-origin URL (2026-11).
    it('stores a Grok prompt after in-app navigation (pushState) to /i/grok, without a page load', async () => {
      await tab.evaluate(() => {
        (window as unknown as { loadedOnce: boolean }).loadedOnce = true;
      }, null);
      await tab.click('[data-testid="AppTabBar_Grok_Link"]');
      await tab.waitFor('body[data-view="/i/grok"]');
      expect(await tab.evaluate(() => [location.pathname, (window as unknown as { loadedOnce?: boolean }).loadedOnce], null)).toEqual(['/i/grok', true]);
      await ask(X_SCENARIOS.answer.prompt);
      await expectXReceived(X_SCENARIOS.answer.stream);
      await ledger.expectNewWithin(3_000, [{ site: 'grok', inputChars: length(X_SCENARIOS.answer.prompt), status: 'complete' }]);
    });

    it('stores a prompt on /i/grok: the requested model, reasoning apart', async () => {
      await tab.goto(`${origin('x.com')}/i/grok`);
      answers = 0;
      await ask(X_SCENARIOS.answer.prompt);
      await expectXReceived(X_SCENARIOS.answer.stream);
      await ledger.expectNew({
        site: 'grok',
        model: 'grok-3',
        modelSource: 'request',
        status: 'complete',
        detector: 'network',
        inputChars: length(X_SCENARIOS.answer.prompt),
        reasoningChars: length("Looking at today's posts about AI."),
        outputChars: length('Today the talk is about open-weight models and chip export rules.'),
      });
    });

    it('stores generated images and a rate-limited prompt', async () => {
      await ask(X_SCENARIOS.image.prompt);
      await expectXReceived(X_SCENARIOS.image.stream);
      await ledger.expectNew({ kind: 'image', images: 2, status: 'complete', outputChars: length('Here is a fox in the snow.') });
      await ask(X_SCENARIOS.limiter.prompt);
      await expectXReceived(X_SCENARIOS.limiter.stream);
      await ledger.expectNew({ status: 'error', outputChars: 0, inputChars: length(X_SCENARIOS.limiter.prompt) });
    });

    it('stores a stopped answer as interrupted; the cancel request is not a prompt', async () => {
      const prompt = `${SLOW_PREFIX}${X_SCENARIOS.answer.prompt}`;
      await ask(prompt);
      await answerShows(tab, '#grok-thread > :last-child .thinking');
      await tab.click('#grok [aria-label="Stop"]');
      await waitForAnswers(tab, ++answers);
      await ledger.expectNew((event) => event.inputChars === length(prompt) && event.status === 'interrupted' && event.durationMs > 0);
      await vi.waitFor(() => expect(sent().some((entry) => entry.host === 'grok.x.com' && entry.body.includes('"isCancel":true'))).toBe(true));
      await ledger.expectNone(500);
    });
  });

  // -------------------------------------------------------------------------
  describe('HuggingChat', () => {
    let tab: Tab;
    let answers = 0;

    beforeAll(async () => {
      tab = await browser.newTab();
      await tab.goto(`${origin('huggingface.co')}/chat/`);
    });

    afterAll(() => tab?.close());

    async function ask(name: keyof typeof HUGGINGCHAT_SCENARIOS): Promise<void> {
      await tab.type('#chat-form textarea', HUGGINGCHAT_SCENARIOS[name].prompt);
      await tab.click('#chat-form button[type="submit"]');
    }

    async function expectHuggingchatReceived(stream: string): Promise<void> {
      await waitForAnswers(tab, ++answers);
      await expectReceived(tab, '[data-message-type="assistant"][data-received-sha256]', {
        receivedSha256: sha256(stream),
        receivedBytes: String(Buffer.byteLength(stream)),
      });
    }

    it('stores a prompt sent as multipart form data, with the model the router picked', async () => {
      await ask('router');
      await expectHuggingchatReceived(HUGGINGCHAT_SCENARIOS.router.stream);
      await ledger.expectNew({
        site: 'huggingchat',
        kind: 'text',
        model: 'qwen/qwen3-235b-a22b-instruct-2507',
        modelSource: 'response',
        status: 'complete',
        detector: 'network',
        inputChars: length(HUGGINGCHAT_SCENARIOS.router.prompt),
        outputChars: length('How about "Ash" or "Pebble"?'),
        reasoningChars: 0,
      });
      // Creating the conversation came first and is not a prompt.
      expect(requested('huggingface.co', 'POST', /^\/chat\/conversation$/)).toBe(true);
      expect(sent().find((entry) => entry.path === '/chat/conversation' && entry.method === 'POST')?.body).toContain('"model"');
    });

    it('counts Retry (a regenerated answer) as a prompt', async () => {
      await tab.click('[data-testid="retry"]');
      await expectHuggingchatReceived(RETRIED);
      await ledger.expectNew({ inputChars: 0, status: 'complete', outputChars: length('How about "Ash" or "Pebble"?') });
    });

    it('keeps reasoning apart from the answer', async () => {
      await ask('reasoning');
      await expectHuggingchatReceived(HUGGINGCHAT_SCENARIOS.reasoning.stream);
      await ledger.expectNew({
        model: 'deepseek-ai/deepseek-r1-0528',
        status: 'complete',
        reasoningChars: length('A mile is about 1.609 km, so no.'),
        outputChars: length('No: a mile is longer (≈1.61 km).'),
      });
    });

    it('stores generated images', async () => {
      await tab.click('#image-tool');
      await ask('image');
      await expectHuggingchatReceived(HUGGINGCHAT_SCENARIOS.image.stream);
      await tab.click('#image-tool');
      await ledger.expectNew({ kind: 'image', task: 'image', images: 2, status: 'complete', outputChars: length('Here is your lighthouse at dusk.') });
    });

    it('stores an error status as an error', async () => {
      await ask('error');
      await expectHuggingchatReceived(HUGGINGCHAT_SCENARIOS.error.stream);
      await ledger.expectNew({ status: 'error', outputChars: 0, inputChars: length(HUGGINGCHAT_SCENARIOS.error.prompt) });
    });

    it('stores an answer the user stopped as interrupted; stop-generating is not a prompt', async () => {
      await ask('stopped');
      await answerShows(tab, '[data-message-type="assistant"]:last-child > div:last-child');
      await tab.click('[data-testid="stop"]');
      await expectHuggingchatReceived(HUGGINGCHAT_SCENARIOS.stopped.stream);
      await ledger.expectNew({ status: 'interrupted', outputChars: length('The lamp had burned for ninety') });
      expect(requested('huggingface.co', 'POST', /\/stop-generating$/)).toBe(true);
    });

    it('keeps an answer extended with Continue as one event', async () => {
      await ask('continued');
      await expectHuggingchatReceived(HUGGINGCHAT_SCENARIOS.continued.stream);
      const [first] = await ledger.expectNew({ status: 'interrupted', outputChars: length('Soft rain on the roof') });
      await tab.click('[data-testid="continue"]');
      await expectHuggingchatReceived(CONTINUATION);
      const events = await waitForEvents(browser, (stored) => stored.some((event) => event.id === first!.id && event.status === 'complete'));
      expect(events.find((event) => event.id === first!.id)).toMatchObject({
        inputChars: length(HUGGINGCHAT_SCENARIOS.continued.prompt),
        outputChars: length('Soft rain on the roof, puddles hold the sky.'),
      });
      await ledger.expectNone(0);
    });

    it('stores nothing for opening a conversation and typing without sending', async () => {
      const chat = await browser.newTab();
      await chat.goto(`${origin('huggingface.co')}/chat/conversation/${HUGGINGCHAT_CONVERSATION}`);
      await chat.waitFor('body[data-history-loaded="true"]');
      await chat.type('#chat-form textarea', 'a draft, never sent');
      await ledger.expectNone();
      await chat.close();
    });
  });

  it('keeps the daily rollups equal to the stored events', async () => {
    const events = await browser.readStore('events');
    const rollups = await browser.readStore('rollups');
    expect(events.length).toBe(ledger.size);
    expect(rollups.reduce((sum, rollup) => sum + rollup.count, 0)).toBe(events.length);
    expect(rollups.reduce((sum, rollup) => sum + rollup.outputChars, 0)).toBe(events.reduce((sum, event) => sum + event.outputChars, 0));
  });
});
