import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { sendFile, sendJson, streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';

/**
 * Claude (claude.ai) as the extension meets it: the app page with the DOM
 * attributes of lib/sites/claude.ts's `claudePage`, and the API the page calls
 * (see the adapter's header and ../shared/research/sites.md):
 *
 * - on load, `GET /api/organizations` and the recent conversations;
 * - a new chat first creates its conversation, `POST …/chat_conversations
 *   {uuid, name, model}` (not a prompt: it names the model), then sends the
 *   prompt to `POST …/chat_conversations/{uuid}/completion`, answered with the
 *   recorded-format SSE streams of lib/sites/__fixtures__/claude;
 * - after the first answer, `POST …/{uuid}/title` (guessed: a title request is
 *   known, its body is not); Stop aborts the stream and posts `…/stop_response`
 *   (the endpoint is known; that the page also aborts its fetch is guessed);
 * - a conversation opened from history loads `GET …/{uuid}?tree=True…`.
 */

const FIXTURES = new URL('../../../lib/sites/__fixtures__/claude/', import.meta.url);
/** The organisation every API path carries (the one of the adapter's unit tests). */
export const CLAUDE_ORG = '5e1f9a2c-7b3d-4e8f-a0c1-2d4b6f8e0a13';
const API = `/api/organizations/${CLAUDE_ORG}`;

function claudeFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

interface Scenario {
  name: string;
  prompt: string;
  stream: string;
}

/**
 * The answers the replay gives, each chosen by the prompt the page sends: the
 * prompt of the scenario's request fixture. The first one answers any other prompt.
 */
const SCENARIOS: Scenario[] = ['thinking', 'raw-thinking', 'followup', 'tools', 'error', 'truncated', 'malformed'].map(
  (name) => ({
    name,
    prompt: (JSON.parse(claudeFixture(`${name}.request.json`)) as { prompt: string }).prompt,
    stream: claudeFixture(`${name}.sse`),
  }),
);

/**
 * Test-only: a prompt starting with this is answered with the "thinking" stream up
 * to the end of its first answer text, then a stall, as a model pausing
 * mid-answer, until the page hangs up (the user pressed Stop) or STALL_MS pass;
 * then the rest.
 */
export const SLOW_PREFIX = '[slow]';
const STALL_MS = 10_000;

/** Streams `stream` with a stall after the SSE event holding `firstAnswer` (see SLOW_PREFIX). */
async function streamStalled(response: ServerResponse, stream: string, firstAnswer: string, contentType: string): Promise<void> {
  const cut = stream.indexOf('\n\n', stream.indexOf(firstAnswer)) + '\n\n'.length;
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
  if (!found) throw new Error(`no Claude scenario "${name}"`);
  return found;
}

export const claudeScenarioPrompt = (name: string): string => scenario(name).prompt;
export const claudeScenarioStream = (name: string): string => scenario(name).stream;

/** A conversation opened from history: its messages are on screen, none is a prompt. */
export const CLAUDE_HISTORY = {
  uuid: '2b7c0e55-4f0a-4c1e-9d3b-8a61f0c2e7d4',
  name: 'Why the sky is blue',
  model: 'claude-sonnet-4-5-20250929',
  chat_messages: [
    { uuid: '019b5a10-77c1-7aa0-93de-0c4b5e7f1a22', sender: 'human', text: 'An older question, already answered.' },
    { uuid: '019b5a10-77c2-7d31-b0e4-6f2a9c81d305', sender: 'assistant', text: 'An older answer.' },
  ],
};

const CONVERSATION = /^\/api\/organizations\/[^/]+\/chat_conversations\/([^/]+)(?:\/([a-z_]+))?$/;

export interface ClaudeReplayOptions {
  /** Bytes per write and pause between writes when streaming answers. */
  chunkBytes?: number;
  delayMs?: number;
}

export function claudeReplay(options: ClaudeReplayOptions = {}): ReplaySite {
  const pace = { chunkBytes: options.chunkBytes ?? 200, delayMs: options.delayMs ?? 5 };
  return {
    hosts: ['claude.ai'],
    async handle(request: ReplayRequest, response) {
      const { method } = request;
      const path = request.url.pathname;
      if (method === 'GET' && (path === '/' || path === '/new' || path.startsWith('/chat/'))) {
        return sendFile(response, new URL('./index.html', import.meta.url), 'text/html; charset=utf-8');
      }
      if (method === 'GET' && path === '/_next/static/chunks/app.js') {
        return sendFile(response, new URL('./app.js', import.meta.url), 'text/javascript; charset=utf-8');
      }
      if (method === 'GET' && path === '/api/organizations') return sendJson(response, [{ uuid: CLAUDE_ORG, name: 'Replay' }]);
      if (path === `${API}/chat_conversations`) {
        if (method === 'GET') return sendJson(response, []);
        if (method !== 'POST') return false;
        const created = JSON.parse(request.body.toString('utf8')) as { uuid: string; model?: string };
        return sendJson(response, { uuid: created.uuid, name: '', model: created.model ?? null, created_at: new Date().toISOString() }, 201);
      }
      const [, conversation, action] = CONVERSATION.exec(path) ?? [];
      if (!conversation) return false;
      if (method === 'GET' && !action && conversation === CLAUDE_HISTORY.uuid) return sendJson(response, CLAUDE_HISTORY);
      if (method !== 'POST') return false;
      if (action === 'title') return sendJson(response, { title: 'Replayed conversation' });
      if (action === 'stop_response') return sendJson(response, {});
      if (action !== 'completion') return false;
      const prompt = (JSON.parse(request.body.toString('utf8')) as { prompt?: string }).prompt ?? '';
      if (prompt.startsWith(SLOW_PREFIX)) {
        await streamStalled(response, claudeScenarioStream('thinking'), 'Sunlight scatters off air molecules, ', 'text/event-stream; charset=utf-8');
        return true;
      }
      const chosen = SCENARIOS.find((candidate) => candidate.prompt === prompt) ?? SCENARIOS[0]!;
      await streamText(response, chosen.stream, pace);
      return true;
    },
  };
}

export const demo: ReplayDemo = {
  name: 'Claude',
  start: 'https://claude.ai/new',
  create: () => claudeReplay({ chunkBytes: 40, delayMs: 30 }),
};
