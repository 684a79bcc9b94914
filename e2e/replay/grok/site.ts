import type { ServerResponse } from 'node:http';
import { sendJson, streamText, type ReplayRequest, type ReplaySite, type StreamOptions } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, fixtures, siteFiles, withPageKit } from '../kit';

/**
 * Grok as the extension meets it, on both of its homes (formats and endpoints:
 * lib/sites/grok.ts and its fixtures, played verbatim):
 *
 * - grok.com: a first prompt is `POST /rest/app-chat/conversations/new`, later
 *   ones `POST …/conversations/{id}/responses`; answers are JSON object streams.
 *   Not prompts: the conversation list, `load-responses` and
 *   `reconnect-response-v2` when a conversation opens (the latter replays an
 *   answer already on screen).
 * - x.com: a single-page app. `/home` shows the timeline (`HomeTimeline`,
 *   `CreateTweet`: X's own GraphQL, which the extension must leave alone); its
 *   Grok link reaches `/i/grok` by history.pushState, without a page load. There
 *   a prompt is `POST https://grok.x.com/2/grok/add_response.json` (cross-origin,
 *   so preflighted), answered in NDJSON; Stop aborts it and posts an `isCancel`
 *   body. GraphQL query ids below are made up.
 */

const grokFixture = fixtures('grok');
const files = siteFiles(import.meta.url);

/** Prompts starting with this stream slowly enough to press Stop. */
export const SLOW_PREFIX = '[slow] ';

interface Scenario {
  prompt: string;
  stream: string;
  /** HTTP status of the answer (errors may come as an error status with an error object). */
  status?: number;
}

const promptOf = (request: string): string => (JSON.parse(grokFixture(request)) as { message: string }).message;
const xPromptOf = (request: string): string =>
  (JSON.parse(grokFixture(request)) as { responses: { message: string }[] }).responses.at(-1)!.message;

/** grok.com's answers by prompt. The error's prompt is the replay's own (the fixture has none). */
export const GROK_SCENARIOS = {
  expert: { prompt: promptOf('expert.request.json'), stream: grokFixture('expert.ndjson') },
  auto: { prompt: promptOf('auto.request.json'), stream: grokFixture('auto.json') },
  image: { prompt: promptOf('image.request.json'), stream: grokFixture('image.ndjson') },
  // Guessed: a rate limit as gRPC code 8 (resource exhausted) with HTTP 429.
  error: { prompt: 'Summarize the news of the day', stream: grokFixture('error.ndjson'), status: 429 },
} satisfies Record<string, Scenario>;

/** X's answers by prompt; the image and limiter prompts are the replay's own. */
export const X_SCENARIOS = {
  answer: { prompt: xPromptOf('x.request.json'), stream: grokFixture('x.ndjson') },
  image: { prompt: 'Draw a fox in the snow', stream: grokFixture('x-image.ndjson') },
  limiter: { prompt: 'One more question, Grok', stream: grokFixture('x-limiter.ndjson') },
} satisfies Record<string, Scenario>;

/** A conversation already on grok.com, opened at /c/{id}. */
export const GROK_CONVERSATION = '20a68628-ebbb-49e7-ac2b-d9f539f15fa4';
/** The answer on screen in it, which `reconnect-response-v2` replays when it opens. */
const RECONNECTED = grokFixture('auto.json');

/** What X's own timeline request returns, and what posting returns: not Grok, never read. */
export const X_TIMELINE = JSON.stringify({ data: { home: { home_timeline_urt: { instructions: [{ type: 'TimelineAddEntries', entries: [] }] } } } });
export const X_POSTED = JSON.stringify({ data: { create_tweet: { tweet_results: { result: { rest_id: '1903456789012340001', legacy: { full_text: 'Posted from the replay' } } } } } });

export interface GrokReplayOptions {
  chunkBytes?: number;
  delayMs?: number;
}

export function grokReplay(options: GrokReplayOptions = {}): ReplaySite {
  const pace: StreamOptions = { chunkBytes: options.chunkBytes ?? 160, delayMs: options.delayMs ?? 5, contentType: 'application/json' };
  const slow: StreamOptions = { ...pace, chunkBytes: 40, delayMs: 60 };
  return withPageKit({
    hosts: ['grok.com', 'x.com', 'grok.x.com'],
    async handle(request, response) {
      if (request.url.hostname === 'grok.com') return grokCom(request, response);
      if (request.url.hostname === 'x.com') return xCom(request, response);
      return grokOnX(request, response);
    },
  });

  async function answer(response: ServerResponse, scenarios: Record<string, Scenario>, prompt: string): Promise<true> {
    const asked = prompt.startsWith(SLOW_PREFIX) ? prompt.slice(SLOW_PREFIX.length) : prompt;
    const played = Object.values(scenarios).find((scenario) => scenario.prompt === asked) ?? Object.values(scenarios)[0]!;
    await streamText(response, played.stream, { ...(prompt === asked ? pace : slow), status: played.status ?? 200 });
    return true;
  }

  async function grokCom(request: ReplayRequest, response: ServerResponse): Promise<boolean> {
    const path = request.url.pathname;
    if (request.method === 'GET' && (path === '/' || path.startsWith('/c/'))) return files.page(response);
    if (request.method === 'GET' && path === '/_next/static/app.js') return files.script(response);
    if (request.method === 'GET' && path === '/rest/app-chat/conversations') return sendJson(response, { conversations: [] });
    if (request.method === 'POST' && path === `/rest/app-chat/conversations/${GROK_CONVERSATION}/load-responses`) {
      return sendJson(response, {
        responses: [
          { responseId: '28f13474-e24d-4bee-8597-a218fddb856a', message: 'Reply in French from now on, please.', sender: 'human' },
          { responseId: '03d25477-3bdd-4ff4-bf73-6fc034715f09', message: "D'accord ! Je vous réponds en français désormais. 😊", sender: 'assistant', model: 'grok-3' },
        ],
      });
    }
    if (request.method === 'GET' && path.startsWith('/rest/app-chat/conversations/reconnect-response-v2/')) {
      await streamText(response, RECONNECTED, pace);
      return true;
    }
    const prompt = /^\/rest\/app-chat\/conversations\/(?:new|[^/]+\/responses)$/.test(path) && request.method === 'POST';
    if (!prompt) return false;
    return answer(response, GROK_SCENARIOS, bodyOf<{ message: string }>(request).message);
  }

  function xCom(request: ReplayRequest, response: ServerResponse): boolean {
    const path = request.url.pathname;
    if (request.method === 'GET' && (path === '/home' || path === '/i/grok')) return files.page(response, './x.html');
    if (request.method === 'GET' && path === '/responsive-web/client-web/x.js') return files.script(response, './x.js');
    if (path.endsWith('/HomeTimeline')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(X_TIMELINE);
      return true;
    }
    if (request.method === 'POST' && path.endsWith('/CreateTweet')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(X_POSTED);
      return true;
    }
    if (request.method === 'POST' && path.endsWith('/CreateGrokConversation')) {
      return sendJson(response, { data: { create_grok_conversation: { conversation_id: '1903456789012345678' } } });
    }
    return false;
  }

  async function grokOnX(request: ReplayRequest, response: ServerResponse): Promise<boolean> {
    if (request.url.pathname !== '/2/grok/add_response.json') return false;
    // The page is on x.com: cross-origin, with credentials and X's headers.
    response.setHeader('access-control-allow-origin', String(request.headers.origin ?? 'https://x.com'));
    response.setHeader('access-control-allow-credentials', 'true');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'authorization, content-type, x-csrf-token, x-twitter-active-user, x-twitter-auth-type',
      });
      response.end();
      return true;
    }
    if (request.method !== 'POST') return false;
    const body = bodyOf<{ responses: { message: string; sender: number }[]; isCancel?: boolean }>(request);
    if (body.isCancel) return sendJson(response, {});
    const asked = body.responses.filter((entry) => entry.sender === 1).at(-1)?.message ?? '';
    return answer(response, X_SCENARIOS, asked);
  }
}

export const demo: ReplayDemo = {
  name: 'Grok',
  start: 'https://grok.com/',
  create: () => grokReplay({ chunkBytes: 60, delayMs: 40 }),
};
