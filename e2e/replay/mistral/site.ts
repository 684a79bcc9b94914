import { randomUUID } from 'node:crypto';
import { sendJson, streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, fixtures, Scenarios, siteFiles, SLOW_PREFIX, streamStalled, withPageKit } from '../kit';

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

const mistralFixture = fixtures('mistral');
const files = siteFiles(import.meta.url);

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

/** The answers the replay gives, each chosen by the prompt of the request recorded with the stream ("[error] …" when taken). */
const SCENARIOS = new Scenarios(
  'Le Chat',
  Object.entries({
    append: 'append.request.json',
    start: 'newchat.request.json',
    legacy: 'legacy.request.json',
    reasoning: 'append.request.json',
    error: 'append.request.json',
    truncated: 'append.request.json',
    malformed: 'append.request.json',
    'legacy-error': 'legacy.request.json',
  }).map(([name, request]) => ({ name, prompt: recordedPrompt(request), stream: mistralFixture(`${name}.stream`) })),
);

/** Le Chat's stream type (guessed: the format is lines, not SSE). */
const STREAM_TYPE = 'text/plain; charset=utf-8';

export const mistralScenarioPrompt = (name: string): string => SCENARIOS.named(name).prompt;
export const mistralScenarioStream = (name: string): string => SCENARIOS.named(name).stream;

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
  return withPageKit({
    hosts: ['chat.mistral.ai'],
    async handle(request: ReplayRequest, response) {
      const { method } = request;
      const path = request.url.pathname;
      if (method === 'GET' && (path === '/' || path === '/chat' || path.startsWith('/chat/'))) return files.page(response);
      if (method === 'GET' && path === '/_next/static/chunks/app.js') return files.script(response);
      if (method === 'GET' && path === '/api/trpc/chat.byId,message.all') return sendJson(response, HISTORY);
      if (method !== 'POST') return false;
      if (path === '/api/trpc/event.sendEventToDatalake') return sendJson(response, [{ result: { data: { json: null } } }]);
      if (path === '/api/chat/stop') return sendJson(response, { ok: true });
      const body = bodyOf<Record<string, unknown>>(request);
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
      // Test-only: a "[slow]" prompt gets the "append" stream, stalled after the line of its first answer text.
      if (prompt.startsWith(SLOW_PREFIX)) {
        await streamStalled(response, mistralScenarioStream('append'), { after: '« Les Misérables »', pieceEnd: '\n', contentType: STREAM_TYPE });
        return true;
      }
      await streamText(response, SCENARIOS.answering(prompt).stream, { contentType: STREAM_TYPE, ...pace });
      return true;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'Le Chat',
  start: 'https://chat.mistral.ai/chat',
  create: () => mistralReplay({ chunkBytes: 40, delayMs: 30 }),
};
