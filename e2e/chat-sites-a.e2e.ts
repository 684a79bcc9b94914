import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SiteId } from '../lib/event';
import type { EventRecord } from '../lib/store/db';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './browsers';
import { startReplay, waitForAnswers } from './harness';
import {
  CLAUDE_HISTORY,
  CLAUDE_ORG,
  claudeReplay,
  claudeScenarioPrompt,
  claudeScenarioStream,
} from './replay/claude/site';
import {
  GEMINI_HISTORY_CHAT,
  GEMINI_MODES,
  geminiReplay,
  geminiScenarioPrompt,
  geminiScenarioStream,
} from './replay/gemini/site';
import {
  PERPLEXITY_HISTORY,
  perplexityReplay,
  perplexityScenarioPrompt,
  perplexityScenarioStream,
} from './replay/perplexity/site';
import {
  DEEPSEEK_CONTINUATION,
  DEEPSEEK_HISTORY_SESSION,
  deepseekReplay,
  deepseekScenarioPrompt,
  deepseekScenarioStream,
} from './replay/deepseek/site';
import {
  MISTRAL_HISTORY_CHAT,
  mistralReplay,
  mistralScenarioPrompt,
  mistralScenarioStream,
} from './replay/mistral/site';
import { SLOW_PREFIX } from './replay/kit';
import { sha256, type LoggedRequest, type ReplayServer } from './server';

/**
 * Claude, Gemini, Perplexity, DeepSeek and Le Chat, end to end: the built
 * extension in Chromium and Firefox against the replay sites. For each site:
 * the stored event of a normal answer, a reasoning answer, an error and an
 * interrupted answer (cut by the server, stopped by the user); the page's
 * other requests store nothing; the page receives exactly the bytes the server
 * sent. Each browser is launched once and keeps one tab per site (about a
 * minute for both browsers).
 */

const length = (text: string) => [...text].length;

/** Where a replay page draws its composer and its Send and Stop buttons. */
interface Controls {
  composer: string;
  send: string;
  stop: string;
}

/** What the page recorded about the answer it received (its data-* attributes). */
interface Received {
  state: string;
  bytes: number;
  sha256: string;
}

/** One site's chat tab, used the way a person does: type, send, maybe press Stop. */
class ChatTab {
  /** Prompts sent from this tab: each must be one stored event. */
  prompts = 0;
  private answers = 0;

  constructor(
    readonly tab: Tab,
    private readonly controls: Controls,
  ) {}

  static async open(browser: ExtensionBrowser, url: string, controls: Controls): Promise<ChatTab> {
    const tab = await browser.newTab();
    await tab.goto(url);
    await tab.waitFor(controls.composer);
    return new ChatTab(tab, controls);
  }

  /** Sends `prompt` and waits for the page to finish the answer. Returns when it was sent. */
  async send(prompt: string): Promise<{ since: number; received: Received }> {
    const since = await this.submit(prompt);
    await waitForAnswers(this.tab, ++this.answers);
    return { since, received: await this.lastReceived() };
  }

  /** Sends `prompt`, presses Stop as soon as the answer shows, and waits for the page to settle. */
  async sendAndStop(prompt: string): Promise<{ since: number; received: Received }> {
    const started = await this.tab.evaluate(() => Number(document.body.dataset.answersStarted ?? 0), null);
    const since = await this.submit(prompt);
    await this.tab.waitFor(`body[data-answers-started="${started + 1}"]`, 20_000);
    await this.tab.click(this.controls.stop);
    await waitForAnswers(this.tab, ++this.answers);
    return { since, received: await this.lastReceived() };
  }

  /** Picks `value` in one of the page's selects (a model or mode picker). */
  async choose(selector: string, value: string): Promise<void> {
    await this.tab.evaluate(
      ([target, chosen]) => {
        const element = document.querySelector<HTMLSelectElement>(target)!;
        element.value = chosen;
        element.dispatchEvent(new Event('change', { bubbles: true }));
      },
      [selector, value] as const,
    );
  }

  private async submit(prompt: string): Promise<number> {
    await this.tab.type(this.controls.composer, prompt);
    this.prompts++;
    const since = Date.now();
    await this.tab.click(this.controls.send);
    return since;
  }

  private lastReceived(): Promise<Received> {
    return this.tab.evaluate(() => {
      const answers = document.querySelectorAll<HTMLElement>('[data-received-sha256]');
      const answer = answers[answers.length - 1]!;
      return {
        state: answer.dataset.streamState ?? '',
        bytes: Number(answer.dataset.receivedBytes),
        sha256: answer.dataset.receivedSha256 ?? '',
      };
    }, null);
  }
}

/** The page got every byte the server sent, exactly as without the extension. */
function expectExactly(received: Received, stream: string): void {
  expect(received.state).toBe('done');
  expect(received.bytes).toBe(Buffer.byteLength(stream));
  expect(received.sha256).toBe(sha256(stream));
}

let server: ReplayServer;
let origin: (host: string) => string;

beforeAll(async () => {
  ({ server, origin } = await startReplay([
    claudeReplay({ chunkBytes: 150, delayMs: 3 }),
    geminiReplay({ chunkBytes: 400, delayMs: 3 }),
    perplexityReplay({ chunkBytes: 400, delayMs: 3 }),
    deepseekReplay({ eventDelayMs: 2 }),
    mistralReplay({ chunkBytes: 300, delayMs: 3 }),
  ]));
});

afterAll(async () => {
  await server?.stop();
});

describe.each(BROWSERS)('chat sites (Claude, Gemini, Perplexity, DeepSeek, Le Chat) in %s', (browserName) => {
  let browser: ExtensionBrowser;
  /** Where this browser's requests start in the server's log. */
  let logStart = 0;

  beforeAll(async () => {
    logStart = server.log.length;
    browser = await launch(browserName, { hosts: server.hosts });
  });

  afterAll(async () => {
    await browser?.close();
    browser?.dispose();
  });

  /** The one event stored for the prompt sent at `since`, once it matches `expected`. */
  async function storedTurn(site: SiteId, since: number, expected: Partial<EventRecord>): Promise<EventRecord> {
    let turn: EventRecord | undefined;
    await vi.waitFor(
      async () => {
        const events = (await browser.readStore('events')).filter((event) => event.site === site && event.at >= since);
        expect(events).toHaveLength(1);
        turn = events[0];
        expect(turn).toMatchObject(expected);
      },
      { timeout: 10_000, interval: 150 },
    );
    return turn!;
  }

  /** After the page's other requests had time to be (wrongly) measured: one event per prompt sent. */
  async function expectOneEventPerPrompt(site: SiteId, chat: ChatTab): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = (await browser.readStore('events')).filter((event) => event.site === site);
    expect(events).toHaveLength(chat.prompts);
  }

  function requestsTo(host: string): LoggedRequest[] {
    return server.log.slice(logStart).filter((request) => request.host === host);
  }

  async function openHistory(url: string): Promise<void> {
    const tab = await browser.newTab();
    await tab.goto(url);
    await tab.waitFor('body[data-history-loaded="true"]');
    await tab.close();
  }

  describe('Claude', () => {
    const API = `/api/organizations/${CLAUDE_ORG}`;
    let chat: ChatTab;

    beforeAll(async () => {
      chat = await ChatTab.open(browser, `${origin('claude.ai')}/new`, {
        composer: '[data-testid="chat-input"]',
        send: 'button[aria-label="Send message"]',
        stop: 'button[aria-label="Stop response"]',
      });
    });

    it('stores a thinking turn: the answering model, summarised thinking apart from the answer', async () => {
      // The conversation is created with Haiku; the stream says Opus answered.
      await chat.choose('[data-testid="model-selector-dropdown"]', 'claude-haiku-4-5-20251001');
      const { since, received } = await chat.send(claudeScenarioPrompt('thinking'));
      expectExactly(received, claudeScenarioStream('thinking'));
      await storedTurn('claude', since, {
        kind: 'text',
        model: 'claude-opus-4-5-20251101',
        modelSource: 'response',
        status: 'complete',
        detector: 'network',
        inputChars: length(claudeScenarioPrompt('thinking')),
        outputChars: length('Sunlight scatters off air molecules, and blue light scatters far more than red (Rayleigh scattering ∝ 1/λ⁴).'),
        reasoningChars: length('Recalling Rayleigh scattering. Short wavelengths scatter most.'),
        images: 0,
      });
    });

    it('takes the model of a follow-up whose stream names none from the conversation it was created with', async () => {
      const { since, received } = await chat.send(claudeScenarioPrompt('followup'));
      expectExactly(received, claudeScenarioStream('followup'));
      await storedTurn('claude', since, {
        model: 'claude-haiku-4-5-20251001',
        modelSource: 'request',
        status: 'complete',
        inputChars: length(claudeScenarioPrompt('followup')),
        outputChars: length('Le ciel est bleu à cause de la diffusion Rayleigh.'),
        reasoningChars: 0,
      });
    });

    it('stores an error event as an error, with what was answered before it', async () => {
      const { since, received } = await chat.send(claudeScenarioPrompt('error'));
      expectExactly(received, claudeScenarioStream('error'));
      await storedTurn('claude', since, { status: 'error', outputChars: length('Napoleon invades Russia.') });
    });

    it('stores a stream the server cut mid-event as interrupted, with what arrived', async () => {
      const { since, received } = await chat.send(claudeScenarioPrompt('truncated'));
      expectExactly(received, claudeScenarioStream('truncated'));
      await storedTurn('claude', since, {
        status: 'interrupted',
        model: 'claude-haiku-4-5-20251001',
        modelSource: 'response',
        outputChars: length('The lamp had burned '),
      });
    });

    it('stores an answer the user stopped as interrupted, with the thinking and the answer so far', async () => {
      const prompt = `${SLOW_PREFIX} Why is the sky blue?`;
      const { since, received } = await chat.sendAndStop(prompt);
      expect(received.state).toBe('aborted');
      // The replay stalls after the first piece of the answer, until the page hangs up.
      await storedTurn('claude', since, {
        status: 'interrupted',
        inputChars: length(prompt),
        reasoningChars: length('Recalling Rayleigh scattering. Short wavelengths scatter most.'),
        outputChars: length('Sunlight scatters off air molecules, '),
      });
    });

    it('stores nothing for conversation creation, titles, Stop, recents and a conversation opened from history', async () => {
      await openHistory(`${origin('claude.ai')}/chat/${CLAUDE_HISTORY.uuid}`);
      const requests = requestsTo('claude.ai');
      const made = (method: string, path: RegExp) => requests.some((request) => request.method === method && path.test(request.path));
      expect(made('POST', new RegExp(`^${API}/chat_conversations$`))).toBe(true);
      expect(made('GET', new RegExp(`^${API}/chat_conversations\\?`))).toBe(true);
      expect(made('POST', /\/chat_conversations\/[^/]+\/title$/)).toBe(true);
      expect(made('POST', /\/chat_conversations\/[^/]+\/stop_response$/)).toBe(true);
      expect(made('GET', new RegExp(`/chat_conversations/${CLAUDE_HISTORY.uuid}\\?tree=True`))).toBe(true);
      await expectOneEventPerPrompt('claude', chat);
    });
  });

  describe('Gemini', () => {
    const JAPANESE_ANSWER = '「おはようございます」(ohayō gozaimasu) is the polite form. Among friends, 「おはよう」 is enough 😊';
    const MODES = '[data-test-id="bard-mode-menu-button"]';
    let chat: ChatTab;

    beforeAll(async () => {
      chat = await ChatTab.open(browser, `${origin('gemini.google.com')}/app`, {
        composer: 'rich-textarea .ql-editor',
        send: 'button.send-button:not(.stop)',
        stop: 'button.send-button.stop',
      });
    });

    it('stores an XHR answer by its last cumulative frame, with the model the final frame names', async () => {
      await chat.choose(MODES, GEMINI_MODES.fast);
      const { since, received } = await chat.send(geminiScenarioPrompt('answer'));
      expectExactly(received, geminiScenarioStream('answer'));
      await storedTurn('gemini', since, {
        kind: 'text',
        model: GEMINI_MODES.fast,
        modelSource: 'response',
        status: 'complete',
        detector: 'network',
        inputChars: length(geminiScenarioPrompt('answer')),
        outputChars: length(JAPANESE_ANSWER),
        reasoningChars: 0,
        images: 0,
      });
    });

    it('stores thoughts apart from the answer', async () => {
      await chat.choose(MODES, GEMINI_MODES.thinking);
      const { since, received } = await chat.send(geminiScenarioPrompt('thinking'));
      expectExactly(received, geminiScenarioStream('thinking'));
      await storedTurn('gemini', since, {
        model: GEMINI_MODES.thinking,
        modelSource: 'response',
        status: 'complete',
        inputChars: length(geminiScenarioPrompt('thinking')),
        outputChars: length('The total is €55.20 (a €7.20 tip).'),
        reasoningChars: length('**Checking the arithmetic**\n\nA 15% tip on 48 is 7.2, so the total is 55.2.'),
      });
    });

    it('stores a generated image as an image turn, its placeholder URL left out of the answer', async () => {
      await chat.choose(MODES, GEMINI_MODES.fast);
      const { since, received } = await chat.send(geminiScenarioPrompt('image'));
      expectExactly(received, geminiScenarioStream('image'));
      await storedTurn('gemini', since, {
        kind: 'image',
        task: 'image',
        images: 1,
        status: 'complete',
        outputChars: length('Here is your fox: \n\n'),
      });
    });

    it('stores an error envelope as an error, with the model the page asked for in its request header', async () => {
      await chat.choose(MODES, GEMINI_MODES.pro);
      const { since, received } = await chat.send(geminiScenarioPrompt('error'));
      expectExactly(received, geminiScenarioStream('error'));
      await storedTurn('gemini', since, { status: 'error', outputChars: 0, model: GEMINI_MODES.pro, modelSource: 'request' });
    });

    it('stores a stream the server cut mid-frame as interrupted, with what arrived', async () => {
      const { since, received } = await chat.send(geminiScenarioPrompt('truncated'));
      expectExactly(received, geminiScenarioStream('truncated'));
      await storedTurn('gemini', since, {
        status: 'interrupted',
        model: GEMINI_MODES.pro,
        modelSource: 'request',
        inputChars: length(geminiScenarioPrompt('truncated')),
        outputChars: length('「おはようございます」(ohayō gozaimasu) is the polite form. '),
      });
    });

    it('stores an answer the user stopped (XHR aborted) as interrupted, with what had arrived', async () => {
      await chat.choose(MODES, GEMINI_MODES.fast);
      const prompt = `${SLOW_PREFIX} Good morning in Japanese?`;
      const { since, received } = await chat.sendAndStop(prompt);
      expect(received.state).toBe('aborted');
      // The replay stalls after the first frame with answer text, until the page hangs up.
      await storedTurn('gemini', since, { status: 'interrupted', inputChars: length(prompt), outputChars: length('「おはようございます」') });
    });

    it('stores nothing for batchexecute calls (chat list, gems) and a chat opened from history', async () => {
      await openHistory(`${origin('gemini.google.com')}/app/${GEMINI_HISTORY_CHAT}`);
      const calls = requestsTo('gemini.google.com')
        .filter((request) => request.path.startsWith('/_/BardChatUi/data/batchexecute?'))
        .map((request) => new URLSearchParams(request.path.split('?')[1]).get('rpcids'));
      expect(new Set(calls)).toEqual(new Set(['MaZiqc', 'CNgdBe', 'hNvQHb']));
      await expectOneEventPerPrompt('gemini', chat);
    });
  });

  describe('Perplexity', () => {
    const EIFFEL = 'The Eiffel Tower is 330 m (1,083 ft) tall including its antennas[1][2].';
    let chat: ChatTab;

    beforeAll(async () => {
      chat = await ChatTab.open(browser, `${origin('www.perplexity.ai')}/`, {
        composer: '#ask-input',
        send: '[data-testid="submit-button"]',
        stop: '[data-testid="stop-generating-response-button"]',
      });
    });

    it('stores an answer rebuilt from its patches once, with the displayed model', async () => {
      const { since, received } = await chat.send(perplexityScenarioPrompt('answer'));
      expectExactly(received, perplexityScenarioStream('answer'));
      await storedTurn('perplexity', since, {
        kind: 'text',
        model: 'turbo',
        modelSource: 'response',
        status: 'complete',
        detector: 'network',
        inputChars: length(perplexityScenarioPrompt('answer')),
        outputChars: length(EIFFEL),
        reasoningChars: 0,
        images: 0,
      });
    });

    it('stores the Pro Search plan as reasoning and the answering model over the requested one', async () => {
      await chat.choose('[data-testid="model-preference"]', 'pplx_pro');
      await chat.tab.click('[data-testid="pro-search-toggle"]');
      const { since, received } = await chat.send(perplexityScenarioPrompt('pro'));
      await chat.tab.click('[data-testid="pro-search-toggle"]');
      await chat.choose('[data-testid="model-preference"]', 'turbo');
      expectExactly(received, perplexityScenarioStream('pro'));
      await storedTurn('perplexity', since, {
        model: 'claude45sonnet',
        modelSource: 'response',
        status: 'complete',
        outputChars: length('250 EUR is about ¥40,900 at today’s rate[1].'),
        reasoningChars:
          length('Reading the question') + length('Checking the current EUR to JPY rate') + length('Converting 250 EUR at that rate'),
      });
    });

    it('stores a final frame that reports failure as an error', async () => {
      const { since, received } = await chat.send(perplexityScenarioPrompt('failed'));
      expectExactly(received, perplexityScenarioStream('failed'));
      await storedTurn('perplexity', since, { status: 'error', outputChars: length('The Eiffel Tower is 330 m ') });
    });

    it('stores a stream the server cut mid-frame as interrupted, with the requested model', async () => {
      const { since, received } = await chat.send(perplexityScenarioPrompt('truncated'));
      expectExactly(received, perplexityScenarioStream('truncated'));
      await storedTurn('perplexity', since, {
        status: 'interrupted',
        model: 'turbo',
        inputChars: length(perplexityScenarioPrompt('truncated')),
        outputChars: length('The Eiffel Tower is 330 m (1,083 ft) tall '),
      });
    });

    it('stores an answer the user stopped as interrupted, with what had arrived', async () => {
      const prompt = `${SLOW_PREFIX} How tall is the Eiffel Tower?`;
      const { since, received } = await chat.sendAndStop(prompt);
      expect(received.state).toBe('aborted');
      // The replay stalls after the first piece of the answer, until the page hangs up.
      await storedTurn('perplexity', since, { status: 'interrupted', inputChars: length(prompt), outputChars: length('The Eiffel Tower ') });
    });

    it('stores nothing for the rate-limit check, Stop (terminate) and a thread opened from history', async () => {
      await openHistory(`${origin('www.perplexity.ai')}/search/${PERPLEXITY_HISTORY.slug}`);
      const requests = requestsTo('www.perplexity.ai');
      const made = (method: string, path: string) => requests.some((request) => request.method === method && request.path === path);
      expect(made('GET', '/rest/rate-limit/status')).toBe(true);
      expect(made('POST', '/rest/sse/perplexity_terminate')).toBe(true);
      expect(made('GET', `/rest/thread/${PERPLEXITY_HISTORY.slug}`)).toBe(true);
      await expectOneEventPerPrompt('perplexity', chat);
    });
  });

  describe('DeepSeek', () => {
    const THINKING = {
      reasoning: 'Rayleigh scattering favours short wavelengths; answer in one line.',
      answer: 'Air molecules scatter blue light more than red, so it fills the sky.',
    };
    const DEEPTHINK = '.ds-toggle[data-feature="thinking"]';
    let chat: ChatTab;

    beforeAll(async () => {
      chat = await ChatTab.open(browser, `${origin('chat.deepseek.com')}/`, {
        composer: 'textarea#chat-input',
        send: '.ds-send',
        stop: '.ds-stop',
      });
    });

    it('stores a chat answer whose fragments arrive in BATCH patches, with the mode asked for as the model', async () => {
      const { since, received } = await chat.send(deepseekScenarioPrompt('chat'));
      expectExactly(received, deepseekScenarioStream('chat'));
      await storedTurn('deepseek', since, {
        kind: 'text',
        model: 'deepseek-chat',
        modelSource: 'request',
        status: 'complete',
        detector: 'network',
        inputChars: length(deepseekScenarioPrompt('chat')),
        outputChars: length('你好！我是 DeepSeek，一个乐于助人的 AI 助手。😊'),
        reasoningChars: 0,
        images: 0,
      });
    });

    it('stores THINK fragments apart from RESPONSE fragments under the DeepThink mode', async () => {
      await chat.tab.click(DEEPTHINK);
      const { since, received } = await chat.send(deepseekScenarioPrompt('thinking'));
      expectExactly(received, deepseekScenarioStream('thinking'));
      await storedTurn('deepseek', since, {
        model: 'deepseek-deepthink',
        modelSource: 'request',
        status: 'complete',
        reasoningChars: length(THINKING.reasoning),
        outputChars: length(THINKING.answer),
      });
    });

    it('stores an answer handed off to /continue as one event, complete', async () => {
      const { since, received } = await chat.send(deepseekScenarioPrompt('handoff'));
      expectExactly(received, deepseekScenarioStream('handoff') + DEEPSEEK_CONTINUATION);
      await storedTurn('deepseek', since, {
        model: 'deepseek-deepthink',
        status: 'complete',
        inputChars: length(deepseekScenarioPrompt('handoff')),
        reasoningChars: length('Small primes are easy.'),
        outputChars: length('2, 3 and 5.'),
      });
    });

    it('stores a hint error (rate limit) as an error with no answer', async () => {
      const { since, received } = await chat.send(deepseekScenarioPrompt('hint'));
      expectExactly(received, deepseekScenarioStream('hint'));
      await storedTurn('deepseek', since, { status: 'error', outputChars: 0, reasoningChars: 0 });
    });

    it('stores a stream the server cut mid-event as interrupted, with what arrived', async () => {
      const { since, received } = await chat.send(deepseekScenarioPrompt('truncated'));
      expectExactly(received, deepseekScenarioStream('truncated'));
      await storedTurn('deepseek', since, {
        status: 'interrupted',
        inputChars: length(deepseekScenarioPrompt('truncated')),
        reasoningChars: length('Rayleigh scattering.'),
        outputChars: length('Air molecules scatter'),
      });
    });

    it('stores an answer the user stopped (stop_stream, then INCOMPLETE) as interrupted, with what arrived', async () => {
      const prompt = `${SLOW_PREFIX} Why is the sky blue?`;
      const { since, received } = await chat.sendAndStop(prompt);
      // The server ended the stream itself: the page read it to the end.
      expect(received.state).toBe('done');
      // The replay stalls after the first piece of the answer, until stop_stream.
      await storedTurn('deepseek', since, {
        status: 'interrupted',
        model: 'deepseek-deepthink',
        inputChars: length(prompt),
        reasoningChars: length(THINKING.reasoning),
        outputChars: length('Air'),
      });
    });

    it('stores nothing for proof-of-work challenges, session creation, Stop, lists and a chat opened from history', async () => {
      await openHistory(`${origin('chat.deepseek.com')}/a/chat/s/${DEEPSEEK_HISTORY_SESSION}`);
      const paths = new Set(requestsTo('chat.deepseek.com').map((request) => `${request.method} ${request.path.split('?')[0]}`));
      for (const request of [
        'POST /api/v0/chat/create_pow_challenge',
        'POST /api/v0/chat_session/create',
        'POST /api/v0/chat/stop_stream',
        'GET /api/v0/users/current',
        'GET /api/v0/chat_session/fetch_page',
        'GET /api/v0/chat/history_messages',
      ]) {
        expect(paths).toContain(request);
      }
      await expectOneEventPerPrompt('deepseek', chat);
    });
  });

  describe('Le Chat', () => {
    const FOLLOW_UP_ANSWER = '« Les Misérables » de Hugo, si vous avez du temps.';
    let chat: ChatTab;

    beforeAll(async () => {
      chat = await ChatTab.open(browser, `${origin('chat.mistral.ai')}/chat`, {
        composer: 'div.ProseMirror',
        send: 'button[aria-label="Send question"]',
        stop: 'button[aria-label="Stop generation"]',
      });
    });

    it('stores a new chat, prompt sent over tRPC and answer streamed from /api/chat, as one event', async () => {
      const { since, received } = await chat.send(mistralScenarioPrompt('start'));
      expectExactly(received, mistralScenarioStream('start'));
      await storedTurn('mistral', since, {
        kind: 'text',
        model: null,
        modelSource: 'unknown',
        status: 'complete',
        detector: 'network',
        inputChars: length(mistralScenarioPrompt('start')),
        outputChars: length("Avec plaisir ! Essayez « L'Étranger » de Camus : court et marquant."),
        reasoningChars: 0,
        images: 0,
      });
    });

    it('stores a follow-up with the model the answer names, counting a restated text once', async () => {
      const { since, received } = await chat.send(mistralScenarioPrompt('append'));
      expectExactly(received, mistralScenarioStream('append'));
      await storedTurn('mistral', since, {
        model: 'mistral-medium-2508',
        modelSource: 'response',
        status: 'complete',
        inputChars: length(mistralScenarioPrompt('append')),
        outputChars: length(FOLLOW_UP_ANSWER),
      });
    });

    it('stores reasoning chunks apart from the answer', async () => {
      const { since, received } = await chat.send(mistralScenarioPrompt('reasoning'));
      expectExactly(received, mistralScenarioStream('reasoning'));
      await storedTurn('mistral', since, {
        model: 'magistral-medium-2509',
        status: 'complete',
        reasoningChars: length("L'utilisateur veut un classique. Court de préférence. Bref."),
        outputChars: length('Essayez « Candide » de Voltaire.'),
      });
    });

    it('stores a failed generation as an error, with what was answered before it', async () => {
      const { since, received } = await chat.send(mistralScenarioPrompt('error'));
      expectExactly(received, mistralScenarioStream('error'));
      await storedTurn('mistral', since, { status: 'error', outputChars: length('Je réfléchis') });
    });

    it('stores a stream the server cut mid-line as interrupted, with what arrived', async () => {
      const { since, received } = await chat.send(mistralScenarioPrompt('truncated'));
      expectExactly(received, mistralScenarioStream('truncated'));
      await storedTurn('mistral', since, {
        status: 'interrupted',
        model: 'mistral-medium-2508',
        inputChars: length(mistralScenarioPrompt('truncated')),
        outputChars: length('Avec plaisir'),
      });
    });

    it('stores an answer the user stopped as interrupted, with what had arrived', async () => {
      const prompt = `${SLOW_PREFIX} Et un roman plus long ?`;
      const { since, received } = await chat.sendAndStop(prompt);
      expect(received.state).toBe('aborted');
      // The replay stalls after the first piece of the answer, until the page hangs up.
      await storedTurn('mistral', since, {
        status: 'interrupted',
        model: 'mistral-medium-2508',
        inputChars: length(prompt),
        outputChars: length('« Les Misérables »'),
      });
    });

    it('stores nothing for analytics, Stop and a chat opened from history', async () => {
      await openHistory(`${origin('chat.mistral.ai')}/chat/${MISTRAL_HISTORY_CHAT}`);
      const paths = new Set(requestsTo('chat.mistral.ai').map((request) => `${request.method} ${request.path.split('?')[0]}`));
      for (const request of [
        'POST /api/trpc/message.newChat',
        'POST /api/trpc/event.sendEventToDatalake',
        'POST /api/chat/stop',
        'GET /api/trpc/chat.byId,message.all',
      ]) {
        expect(paths).toContain(request);
      }
      await expectOneEventPerPrompt('mistral', chat);
    });
  });
});
