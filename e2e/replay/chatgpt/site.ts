import { readFileSync } from 'node:fs';
import { sendFile, sendJson, streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';

/**
 * ChatGPT as the extension meets it: the app page with the real DOM attributes,
 * `POST /backend-api/f/conversation` answered with recorded-format v1 streams,
 * plus the requests that are not prompts (`/prepare` while typing, `/init` on
 * load, history loads), which the extension must ignore.
 */

const FIXTURES = new URL('../../../lib/sites/__fixtures__/chatgpt/', import.meta.url);

export function chatgptFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** Scenario streams, chosen by the prompt the page sends (the fixture request's prompt). */
const SCENARIOS = ['thinking', 'routed', 'image', 'interrupted', 'legacy', 'handoff', 'malformed'].map((name) => {
  const request = JSON.parse(chatgptFixture(`${name}.request.json`)) as { messages: { content: { parts: string[] } }[] };
  return { name, prompt: request.messages[0]!.content.parts[0]!, stream: chatgptFixture(`${name}.sse`) };
});

/** Prompts starting with this are answered slowly (the "thinking" stream over ~8 s). */
export const SLOW_PREFIX = '[slow]';

export function scenarioPrompt(name: string): string {
  return SCENARIOS.find((scenario) => scenario.name === name)!.prompt;
}

export function scenarioStream(name: string): string {
  return SCENARIOS.find((scenario) => scenario.name === name)!.stream;
}

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
  return {
    hosts: ['chatgpt.com'],
    async handle(request: ReplayRequest, response) {
      const path = request.url.pathname;
      if (request.method === 'GET' && (path === '/' || path.startsWith('/c/'))) {
        return sendFile(response, new URL('./index.html', import.meta.url), 'text/html; charset=utf-8');
      }
      if (request.method === 'GET' && path === '/cdn/assets/app.js') {
        return sendFile(response, new URL('./app.js', import.meta.url), 'text/javascript; charset=utf-8');
      }
      if (path === '/backend-api/conversation/init' || path === '/backend-api/f/conversation/prepare') {
        return sendJson(response, { status: 'ok' });
      }
      if (request.method === 'GET' && path.startsWith('/backend-api/conversation/')) return sendJson(response, HISTORY);
      if (request.method === 'POST' && path === '/backend-api/f/conversation/resume') {
        await streamText(response, chatgptFixture('handoff.resume.sse'), stream);
        return true;
      }
      if (request.method === 'POST' && path === '/backend-api/f/conversation') {
        const body = JSON.parse(request.body.toString('utf8')) as { messages: { content: { parts: string[] } }[] };
        const prompt = body.messages[0]?.content.parts[0] ?? '';
        const scenario = SCENARIOS.find((candidate) => candidate.prompt === prompt) ?? SCENARIOS[0]!;
        // Test-only convention: a prompt starting with "[slow]" streams slowly enough to press Stop.
        const pace = prompt.startsWith(SLOW_PREFIX) ? { chunkBytes: 60, delayMs: 80 } : stream;
        await streamText(response, scenario.stream, pace);
        return true;
      }
      return false;
    },
  };
}

export const demo: ReplayDemo = {
  name: 'ChatGPT',
  start: 'https://chatgpt.com/',
  create: () => chatgptReplay({ chunkBytes: 40, delayMs: 30 }),
};
