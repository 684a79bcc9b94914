import { sendJson, streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { fixtures, Scenarios, siteFiles, SLOW_PREFIX, withPageKit } from '../kit';

/**
 * ChatGPT as the extension meets it: the app page with the real DOM attributes,
 * `POST /backend-api/f/conversation` answered with recorded-format v1 streams,
 * plus the requests that are not prompts (`/prepare` while typing, `/init` on
 * load, history loads), which the extension must ignore. With `?redesign` the
 * page posts to `/backend-api/f/conversation-v2` instead: a site change the
 * adapter does not know, for the health check.
 */

const chatgptFixture = fixtures('chatgpt');
const files = siteFiles(import.meta.url);

/** Scenario streams, chosen by the prompt the page sends (the fixture request's prompt). */
const SCENARIOS = new Scenarios(
  'ChatGPT',
  ['thinking', 'routed', 'image', 'interrupted', 'legacy', 'handoff', 'malformed'].map((name) => {
    const request = JSON.parse(chatgptFixture(`${name}.request.json`)) as { messages: { content: { parts: string[] } }[] };
    return { name, prompt: request.messages[0]!.content.parts[0]!, stream: chatgptFixture(`${name}.sse`) };
  }),
);

export const scenarioPrompt = (name: string): string => SCENARIOS.named(name).prompt;
export const scenarioStream = (name: string): string => SCENARIOS.named(name).stream;

/** A conversation already on screen when the page loads: never prompts. */
const HISTORY = {
  conversation_id: '6920f1c4-8b3e-8324-a1d0-5c7e2f9b1a44',
  messages: [
    { id: 'old-user-1', role: 'user', text: 'An older question, already answered.' },
    { id: 'old-assistant-1', role: 'assistant', text: 'An older answer.', model: 'gpt-5-3' },
  ],
};

export interface ChatgptReplayOptions {
  /** Bytes per write and pause between writes when streaming answers. */
  chunkBytes?: number;
  delayMs?: number;
}

export function chatgptReplay(options: ChatgptReplayOptions = {}): ReplaySite {
  const stream = { chunkBytes: options.chunkBytes ?? 200, delayMs: options.delayMs ?? 5 };
  return withPageKit({
    hosts: ['chatgpt.com'],
    async handle(request: ReplayRequest, response) {
      const path = request.url.pathname;
      if (request.method === 'GET' && (path === '/' || path.startsWith('/c/'))) return files.page(response);
      if (request.method === 'GET' && path === '/cdn/assets/app.js') return files.script(response);
      if (path === '/backend-api/conversation/init' || path === '/backend-api/f/conversation/prepare') {
        return sendJson(response, { status: 'ok' });
      }
      if (request.method === 'GET' && path.startsWith('/backend-api/conversation/')) return sendJson(response, HISTORY);
      if (request.method === 'POST' && path === '/backend-api/f/conversation/resume') {
        await streamText(response, chatgptFixture('handoff.resume.sse'), stream);
        return true;
      }
      if (request.method === 'POST' && (path === '/backend-api/f/conversation' || path === '/backend-api/f/conversation-v2')) {
        const body = JSON.parse(request.body.toString('utf8')) as { messages: { content: { parts: string[] } }[] };
        const prompt = body.messages[0]?.content.parts[0] ?? '';
        // A prompt starting with "[slow]" matches no scenario: the "thinking" stream over ~8 s.
        const pace = prompt.startsWith(SLOW_PREFIX) ? { chunkBytes: 60, delayMs: 80 } : stream;
        await streamText(response, SCENARIOS.answering(prompt).stream, pace);
        return true;
      }
      return false;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'ChatGPT',
  start: 'https://chatgpt.com/',
  create: () => chatgptReplay({ chunkBytes: 40, delayMs: 30 }),
};
