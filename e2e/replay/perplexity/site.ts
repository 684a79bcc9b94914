import { sendJson, streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, fixtures, Scenarios, siteFiles, SLOW_PREFIX, streamStalled, withPageKit } from '../kit';

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

const perplexityFixture = fixtures('perplexity');
const files = siteFiles(import.meta.url);

/** The answers the replay gives, each chosen by the prompt of the scenario's request fixture ("[failed] …" when taken). */
const SCENARIOS = new Scenarios(
  'Perplexity',
  ['answer', 'pro', 'workflow', 'malformed', 'truncated', 'cut-before-final', 'failed'].map((name) => ({
    name,
    prompt: (JSON.parse(perplexityFixture(`${name}.request.json`)) as { query_str: string }).query_str,
    stream: perplexityFixture(`${name}.sse`),
  })),
);

export const perplexityScenarioPrompt = (name: string): string => SCENARIOS.named(name).prompt;
export const perplexityScenarioStream = (name: string): string => SCENARIOS.named(name).stream;

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
  return withPageKit({
    hosts: ['www.perplexity.ai'],
    async handle(request: ReplayRequest, response) {
      const { method } = request;
      const path = request.url.pathname;
      if (method === 'GET' && (path === '/' || path.startsWith('/search/'))) return files.page(response);
      if (method === 'GET' && path === '/_next/static/chunks/app.js') return files.script(response);
      if (method === 'GET' && path === '/rest/rate-limit/status') return sendJson(response, { remaining: 5 });
      if (method === 'GET' && path === `/rest/thread/${PERPLEXITY_HISTORY.slug}`) return sendJson(response, PERPLEXITY_HISTORY);
      if (method === 'POST' && path === '/rest/sse/perplexity_terminate') return sendJson(response, { status: 'success' });
      if (method !== 'POST' || path !== '/rest/sse/perplexity_ask') return false;
      const prompt = bodyOf<{ query_str?: string }>(request).query_str ?? '';
      // Test-only: a "[slow]" prompt gets the "answer" stream, stalled after its first answer text.
      if (prompt.startsWith(SLOW_PREFIX)) {
        const stall = { after: '"chunks": ["The Eiffel Tower "]', pieceEnd: '\r\n\r\n', contentType: 'text/event-stream; charset=utf-8' };
        await streamStalled(response, perplexityScenarioStream('answer'), stall);
        return true;
      }
      await streamText(response, SCENARIOS.answering(prompt).stream, pace);
      return true;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'Perplexity',
  start: 'https://www.perplexity.ai/',
  create: () => perplexityReplay({ chunkBytes: 80, delayMs: 30 }),
};
