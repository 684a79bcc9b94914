import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { sendFile, sendJson, streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';

/**
 * Mistral Le Chat (chat.mistral.ai) as the extension meets it: the app page
 * with the DOM of lib/sites/mistral.ts's `mistralPage`, and the requests the
 * page makes (see the adapter's header and ../shared/research/sites.md):
 *
 * - a new chat sends its prompt to tRPC `POST /api/trpc/message.newChat?batch=1`,
 *   whose reply names the new chat id; the page then moves to `/chat/{id}` and
 *   asks for the answer with `POST /api/chat {chatId, mode: "start"}`, which
 *   carries no prompt (the server answers for the prompt it was given);
 * - a follow-up is `POST /api/chat {mode: "append", messageInput}`;
 * - answers are the recorded-format line streams of lib/sites/__fixtures__/mistral;
 * - not prompts: `POST /api/trpc/event.sendEventToDatalake` (analytics, sent
 *   with each prompt here: guessed), `GET /api/trpc/chat.byId,message.all` for a
 *   chat opened from history, `POST /api/chat/stop` on Stop (the path is the
 *   one the adapter's tests name; that the page also aborts is guessed).
 */

const FIXTURES = new URL('../../../lib/sites/__fixtures__/mistral/', import.meta.url);

function mistralFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** The prompt text of a newChat input's `content` or an /api/chat `messageInput`: text, or text parts. */
function promptText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: { type?: string; text?: string }) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}

/** The prompt a recorded request carries: a newChat batch or an /api/chat body. */
function recordedPrompt(request: string): string {
  const body = JSON.parse(mistralFixture(request)) as { '0'?: { json: { content: unknown } }; messageInput?: unknown };
  return promptText(body['0'] ? body['0'].json.content : body.messageInput);
}

interface Scenario {
  name: string;
  prompt: string;
  stream: string;
}

/**
 * The answers the replay gives, each chosen by the prompt: the prompt of the
 * request recorded with the stream or, where an earlier scenario already
 * answers that prompt, the prompt tagged with the scenario's name
 * ("[error] …"). The first one answers any other prompt.
 */
const SCENARIOS = Object.entries({
  append: 'append.request.json',
  start: 'newchat.request.json',
  legacy: 'legacy.request.json',
  reasoning: 'append.request.json',
  error: 'append.request.json',
  truncated: 'append.request.json',
  malformed: 'append.request.json',
  'legacy-error': 'legacy.request.json',
}).reduce<Scenario[]>((scenarios, [name, request]) => {
  const recorded = recordedPrompt(request);
  const prompt = scenarios.some((scenario) => scenario.prompt === recorded) ? `[${name}] ${recorded}` : recorded;
  return [...scenarios, { name, prompt, stream: mistralFixture(`${name}.stream`) }];
}, []);

/**
 * Test-only: a prompt starting with this is answered with the "append" stream up
 * to the end of its first answer text, then a stall, as a model pausing
 * mid-answer, until the page hangs up (the user pressed Stop) or STALL_MS pass;
 * then the rest.
 */
export const SLOW_PREFIX = '[slow]';
const STALL_MS = 10_000;
/** Le Chat's stream type (guessed: the format is lines, not SSE). */
const STREAM_TYPE = 'text/plain; charset=utf-8';

/** Streams `stream` with a stall after the line holding `firstAnswer` (see SLOW_PREFIX). */
async function streamStalled(response: ServerResponse, stream: string, firstAnswer: string, contentType: string): Promise<void> {
  const cut = stream.indexOf('\n', stream.indexOf(firstAnswer)) + '\n'.length;
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
  if (!found) throw new Error(`no Le Chat scenario "${name}"`);
  return found;
}

export const mistralScenarioPrompt = (name: string): string => scenario(name).prompt;
export const mistralScenarioStream = (name: string): string => scenario(name).stream;

/** A chat opened from history: its messages are on screen, none is a prompt. */
export const MISTRAL_HISTORY_CHAT = '5c0d9e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f';
const HISTORY = [
  { result: { data: { json: { id: MISTRAL_HISTORY_CHAT, title: 'An older chat' } } } },
  {
    result: {
      data: {
        json: [
          { id: 'b8a1c2d3-e4f5-4a6b-9c7d-8e9f0a1b2c3d', role: 'user', contentChunks: [{ type: 'text', text: 'An older question, already answered.' }] },
          { id: 'c9b2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', role: 'assistant', contentChunks: [{ type: 'text', text: 'An older answer.' }] },
        ],
      },
    },
  },
];

export interface MistralReplayOptions {
  /** Bytes per write and pause between writes when streaming answers. */
  chunkBytes?: number;
  delayMs?: number;
}

export function mistralReplay(options: MistralReplayOptions = {}): ReplaySite {
  const pace = { chunkBytes: options.chunkBytes ?? 200, delayMs: options.delayMs ?? 5 };
  /** Each new chat's first prompt, which its "start" request answers. */
  const firstPrompts = new Map<string, string>();
  return {
    hosts: ['chat.mistral.ai'],
    async handle(request: ReplayRequest, response) {
      const { method } = request;
      const path = request.url.pathname;
      if (method === 'GET' && (path === '/' || path === '/chat' || path.startsWith('/chat/'))) {
        return sendFile(response, new URL('./index.html', import.meta.url), 'text/html; charset=utf-8');
      }
      if (method === 'GET' && path === '/_next/static/chunks/app.js') {
        return sendFile(response, new URL('./app.js', import.meta.url), 'text/javascript; charset=utf-8');
      }
      if (method === 'GET' && path === '/api/trpc/chat.byId,message.all') return sendJson(response, HISTORY);
      if (method !== 'POST') return false;
      if (path === '/api/trpc/event.sendEventToDatalake') return sendJson(response, [{ result: { data: { json: null } } }]);
      if (path === '/api/chat/stop') return sendJson(response, { ok: true });
      const body = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
      if (path === '/api/trpc/message.newChat') {
        // The recorded reply, for a chat id of its own.
        const recorded = JSON.parse(mistralFixture('newchat.trpc.json')) as [{ result: { data: { json: { chatId: string } } } }];
        const chatId = randomUUID();
        recorded[0].result.data.json.chatId = chatId;
        firstPrompts.set(chatId, promptText((body['0'] as { json: { content: unknown } }).json.content));
        return sendJson(response, recorded);
      }
      if (path !== '/api/chat') return false;
      const prompt = body.mode === 'start' ? (firstPrompts.get(String(body.chatId)) ?? '') : promptText(body.messageInput);
      if (prompt.startsWith(SLOW_PREFIX)) {
        await streamStalled(response, mistralScenarioStream('append'), '« Les Misérables »', STREAM_TYPE);
        return true;
      }
      const chosen = SCENARIOS.find((candidate) => candidate.prompt === prompt) ?? SCENARIOS[0]!;
      await streamText(response, chosen.stream, { contentType: STREAM_TYPE, ...pace });
      return true;
    },
  };
}

export const demo: ReplayDemo = {
  name: 'Le Chat',
  start: 'https://chat.mistral.ai/chat',
  create: () => mistralReplay({ chunkBytes: 40, delayMs: 30 }),
};
