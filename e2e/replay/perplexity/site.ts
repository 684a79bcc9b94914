import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { sendFile, sendJson, streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';

/**
 * Perplexity (www.perplexity.ai) as the extension meets it: the app page with
 * the DOM of lib/sites/perplexity.ts's `perplexityPage`, and the requests the
 * page makes (see the adapter's header and ../shared/research/sites.md):
 *
 * - a prompt is `POST /rest/sse/perplexity_ask {query_str, params}`, answered
 *   with the recorded-format SSE (CRLF) of lib/sites/__fixtures__/perplexity;
 * - not prompts: `GET /rest/rate-limit/status` on load, `GET /rest/thread/{slug}`
 *   for a thread opened from history, `POST /rest/sse/perplexity_terminate` on
 *   Stop. The paths are those the adapter's tests name; when the real app calls
 *   them, and that Stop also aborts the stream, is guessed.
 */

const FIXTURES = new URL('../../../lib/sites/__fixtures__/perplexity/', import.meta.url);

function perplexityFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

interface Scenario {
  name: string;
  prompt: string;
  stream: string;
}

/**
 * The answers the replay gives, each chosen by the prompt the page sends: the
 * prompt of the scenario's request fixture or, where an earlier scenario
 * already answers that prompt, the prompt tagged with the scenario's name
 * ("[failed] …"). The first one answers any other prompt.
 */
const SCENARIOS = ['answer', 'pro', 'workflow', 'malformed', 'truncated', 'cut-before-final', 'failed'].reduce<Scenario[]>(
  (scenarios, name) => {
    const recorded = (JSON.parse(perplexityFixture(`${name}.request.json`)) as { query_str: string }).query_str;
    const prompt = scenarios.some((scenario) => scenario.prompt === recorded) ? `[${name}] ${recorded}` : recorded;
    return [...scenarios, { name, prompt, stream: perplexityFixture(`${name}.sse`) }];
  },
  [],
);

/**
 * Test-only: a prompt starting with this is answered with the "answer" stream up
 * to the end of its first answer text, then a stall, as a model pausing
 * mid-answer, until the page hangs up (the user pressed Stop) or STALL_MS pass;
 * then the rest.
 */
export const SLOW_PREFIX = '[slow]';
const STALL_MS = 10_000;

/** Streams `stream` with a stall after the SSE event holding `firstAnswer` (see SLOW_PREFIX). */
async function streamStalled(response: ServerResponse, stream: string, firstAnswer: string, contentType: string): Promise<void> {
  const cut = stream.indexOf('\r\n\r\n', stream.indexOf(firstAnswer)) + '\r\n\r\n'.length;
  response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
  response.write(stream.slice(0, cut));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, STALL_MS);
    response.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (!response.destroyed) response.end(stream.slice(cut));
}

function scenario(name: string): Scenario {
  const found = SCENARIOS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no Perplexity scenario "${name}"`);
  return found;
}

export const perplexityScenarioPrompt = (name: string): string => scenario(name).prompt;
export const perplexityScenarioStream = (name: string): string => scenario(name).stream;

/** A thread opened from history: its entries are on screen, none is a prompt. */
export const PERPLEXITY_HISTORY = {
  slug: 'an-older-question-Qw7Lp2Xc9RtVb4Nm',
  entries: [
    {
      backend_uuid: '0e6f3b2a-9c1d-4e7a-8b5f-3d2c1a0b9e8f',
      query_str: 'An older question, already answered.',
      blocks: [{ intended_usage: 'ask_text', markdown_block: { progress: 'DONE', answer: 'An older answer.' } }],
    },
  ],
};

export interface PerplexityReplayOptions {
  /** Bytes per write and pause between writes when streaming answers. */
  chunkBytes?: number;
  delayMs?: number;
}

export function perplexityReplay(options: PerplexityReplayOptions = {}): ReplaySite {
  const pace = { chunkBytes: options.chunkBytes ?? 200, delayMs: options.delayMs ?? 5 };
  return {
    hosts: ['www.perplexity.ai'],
    async handle(request: ReplayRequest, response) {
      const { method } = request;
      const path = request.url.pathname;
      if (method === 'GET' && (path === '/' || path.startsWith('/search/'))) {
        return sendFile(response, new URL('./index.html', import.meta.url), 'text/html; charset=utf-8');
      }
      if (method === 'GET' && path === '/_next/static/chunks/app.js') {
        return sendFile(response, new URL('./app.js', import.meta.url), 'text/javascript; charset=utf-8');
      }
      if (method === 'GET' && path === '/rest/rate-limit/status') return sendJson(response, { remaining: 5 });
      if (method === 'GET' && path === `/rest/thread/${PERPLEXITY_HISTORY.slug}`) return sendJson(response, PERPLEXITY_HISTORY);
      if (method === 'POST' && path === '/rest/sse/perplexity_terminate') return sendJson(response, { status: 'success' });
      if (method !== 'POST' || path !== '/rest/sse/perplexity_ask') return false;
      const prompt = (JSON.parse(request.body.toString('utf8')) as { query_str?: string }).query_str ?? '';
      if (prompt.startsWith(SLOW_PREFIX)) {
        await streamStalled(response, perplexityScenarioStream('answer'), '"chunks": ["The Eiffel Tower "]', 'text/event-stream; charset=utf-8');
        return true;
      }
      const chosen = SCENARIOS.find((candidate) => candidate.prompt === prompt) ?? SCENARIOS[0]!;
      await streamText(response, chosen.stream, pace);
      return true;
    },
  };
}

export const demo: ReplayDemo = {
  name: 'Perplexity',
  start: 'https://www.perplexity.ai/',
  create: () => perplexityReplay({ chunkBytes: 80, delayMs: 30 }),
};
