import { sendJson, streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, fixtures, Scenarios, siteFiles, SLOW_PREFIX, streamStalled, withPageKit } from '../kit';

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

const claudeFixture = fixtures('claude');
const files = siteFiles(import.meta.url);
/** The organisation every API path carries (the one of the adapter's unit tests). */
export const CLAUDE_ORG = '5e1f9a2c-7b3d-4e8f-a0c1-2d4b6f8e0a13';
const API = `/api/organizations/${CLAUDE_ORG}`;

/** The answers the replay gives, each chosen by the prompt of the scenario's request fixture. */
const SCENARIOS = new Scenarios(
  'Claude',
  ['thinking', 'raw-thinking', 'followup', 'tools', 'error', 'truncated', 'malformed'].map((name) => ({
    name,
    prompt: (JSON.parse(claudeFixture(`${name}.request.json`)) as { prompt: string }).prompt,
    stream: claudeFixture(`${name}.sse`),
  })),
);

export const claudeScenarioPrompt = (name: string): string => SCENARIOS.named(name).prompt;
export const claudeScenarioStream = (name: string): string => SCENARIOS.named(name).stream;

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
  return withPageKit({
    hosts: ['claude.ai'],
    async handle(request: ReplayRequest, response) {
      const { method } = request;
      const path = request.url.pathname;
      if (method === 'GET' && (path === '/' || path === '/new' || path.startsWith('/chat/'))) return files.page(response);
      if (method === 'GET' && path === '/_next/static/chunks/app.js') return files.script(response);
      if (method === 'GET' && path === '/api/organizations') return sendJson(response, [{ uuid: CLAUDE_ORG, name: 'Replay' }]);
      if (path === `${API}/chat_conversations`) {
        if (method === 'GET') return sendJson(response, []);
        if (method !== 'POST') return false;
        const created = bodyOf<{ uuid: string; model?: string }>(request);
        return sendJson(response, { uuid: created.uuid, name: '', model: created.model ?? null, created_at: new Date().toISOString() }, 201);
      }
      const [, conversation, action] = CONVERSATION.exec(path) ?? [];
      if (!conversation) return false;
      if (method === 'GET' && !action && conversation === CLAUDE_HISTORY.uuid) return sendJson(response, CLAUDE_HISTORY);
      if (method !== 'POST') return false;
      if (action === 'title') return sendJson(response, { title: 'Replayed conversation' });
      if (action === 'stop_response') return sendJson(response, {});
      if (action !== 'completion') return false;
      const prompt = bodyOf<{ prompt?: string }>(request).prompt ?? '';
      // Test-only: a "[slow]" prompt gets the "thinking" stream, stalled after its first answer text.
      if (prompt.startsWith(SLOW_PREFIX)) {
        const stall = { after: 'Sunlight scatters off air molecules, ', pieceEnd: '\n\n', contentType: 'text/event-stream; charset=utf-8' };
        await streamStalled(response, claudeScenarioStream('thinking'), stall);
        return true;
      }
      await streamText(response, SCENARIOS.answering(prompt).stream, pace);
      return true;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'Claude',
  start: 'https://claude.ai/new',
  create: () => claudeReplay({ chunkBytes: 40, delayMs: 30 }),
};
