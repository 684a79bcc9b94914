import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, fixtures, Scenarios, siteFiles, SLOW_PREFIX, STALL_MS, withPageKit } from '../kit';

/**
 * DeepSeek (chat.deepseek.com) as the extension meets it: the app page with
 * the DOM of lib/sites/deepseek.ts's `deepseekPage`, and the API the page
 * calls (see the adapter's header and ../shared/research/sites.md):
 *
 * - on load, `GET /api/v0/users/current` and the session list; a new chat
 *   first creates its session (`POST /api/v0/chat_session/create`);
 * - before every prompt, `POST /api/v0/chat/create_pow_challenge` (not a
 *   prompt); the prompt, `POST /api/v0/chat/completion`, carries the answer in
 *   the `x-ds-pow-response` header (a completion without one is refused with a
 *   JSON envelope, as the real server does) and is answered with the
 *   recorded-format SSE of lib/sites/__fixtures__/deepseek;
 * - a stream whose `close` event says `auto_resume` is continued by
 *   `POST /api/v0/chat/continue` (inferred from 2026 client notes);
 * - Stop posts `/api/v0/chat/stop_stream`; the server then ends the stream
 *   with the INCOMPLETE status of the recorded "interrupted" stream;
 * - a chat opened from history loads `GET /api/v0/chat/history_messages`.
 */

const deepseekFixture = fixtures('deepseek');
const files = siteFiles(import.meta.url);

/** The answers the replay gives, each chosen by the prompt of the request recorded with the stream ("[hint] …" when taken). */
const SCENARIOS = new Scenarios(
  'DeepSeek',
  Object.entries({
    thinking: 'thinking',
    chat: 'chat',
    search: 'search',
    legacy: 'legacy',
    handoff: 'handoff',
    hint: 'chat',
    interrupted: 'chat',
    truncated: 'thinking',
    malformed: 'chat',
  }).map(([name, request]) => ({
    name,
    prompt: (JSON.parse(deepseekFixture(`${request}.request.json`)) as { prompt: string }).prompt,
    stream: deepseekFixture(`${name}.sse`),
  })),
);

/**
 * The event holding the first answer text of the "thinking" stream. Test-only:
 * a "[slow]" prompt is answered with that stream up to this event, then a
 * stall, as a model pausing mid-answer, until the page stops it (stop_stream)
 * or hangs up, or STALL_MS pass; then the rest.
 */
const FIRST_ANSWER = '"type":"RESPONSE"';

export const deepseekScenarioPrompt = (name: string): string => SCENARIOS.named(name).prompt;
export const deepseekScenarioStream = (name: string): string => SCENARIOS.named(name).stream;
/** The stream that continues the "handoff" answer on /continue. */
export const DEEPSEEK_CONTINUATION = deepseekFixture('handoff.continue.sse');

/** SSE events, each with its blank-line terminator. */
function events(stream: string): string[] {
  return stream.split(/(?<=\n\n)/);
}

/** How a stopped answer ends: the events from the INCOMPLETE status on, as recorded. */
const STOPPED_TAIL = (() => {
  const recorded = events(deepseekFixture('interrupted.sse'));
  return recorded.slice(recorded.findIndex((event) => event.includes('INCOMPLETE'))).join('');
})();

/** The API's JSON envelope around a result. */
const envelope = (bizData: unknown) => ({ code: 0, msg: '', data: { biz_code: 0, biz_msg: '', biz_data: bizData } });

/** A chat opened from history: its messages are on screen, none is a prompt. */
export const DEEPSEEK_HISTORY_SESSION = '4a8e2f61-93c7-4d05-b1e8-6f2a0c9d7b35';
const HISTORY = envelope({
  chat_session: { id: DEEPSEEK_HISTORY_SESSION, title: 'An older chat' },
  chat_messages: [
    { message_id: 1, parent_id: null, role: 'USER', content: 'An older question, already answered.', fragments: [] },
    { message_id: 2, parent_id: 1, role: 'ASSISTANT', content: '', fragments: [{ id: 1, type: 'RESPONSE', content: 'An older answer.' }] },
  ],
});

export interface DeepseekReplayOptions {
  /** Pause between SSE events; each event is one write, as an SSE server flushes them. */
  eventDelayMs?: number;
}

export function deepseekReplay(options: DeepseekReplayOptions = {}): ReplaySite {
  const eventDelayMs = options.eventDelayMs ?? 5;
  /** Answers being streamed, by chat session: stop_stream ends them. */
  const stoppers = new Map<string, () => void>();

  /**
   * Streams whole events one by one (stalling after the event holding
   * `stallAfter`, if given) until the session is stopped, then ends as a
   * stopped answer does.
   */
  async function streamEvents(response: ServerResponse, session: string, stream: string, stallAfter?: string): Promise<void> {
    let stopped = false;
    let wake = (): void => undefined;
    stoppers.set(session, () => {
      stopped = true;
      wake();
    });
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    for (const event of events(stream)) {
      if (stopped || response.destroyed) break;
      response.write(event);
      const stall = stallAfter !== undefined && event.includes(stallAfter);
      if (stall) stallAfter = undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, stall ? STALL_MS : eventDelayMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        if (stall) response.once('close', wake);
      });
    }
    stoppers.delete(session);
    response.end(stopped ? STOPPED_TAIL : undefined);
  }

  return withPageKit({
    hosts: ['chat.deepseek.com'],
    async handle(request: ReplayRequest, response) {
      const { method } = request;
      const path = request.url.pathname;
      if (method === 'GET' && (path === '/' || path.startsWith('/a/chat/s/'))) return files.page(response);
      if (method === 'GET' && path === '/static/main.js') return files.script(response);
      if (method === 'GET' && path === '/api/v0/users/current') return sendJson(response, envelope({ id: 'replay-user', chat: { is_muted: 0 } }));
      if (method === 'GET' && path === '/api/v0/chat_session/fetch_page') return sendJson(response, envelope({ chat_sessions: [], has_more: false }));
      if (method === 'GET' && path === '/api/v0/chat/history_messages') return sendJson(response, HISTORY);
      if (method !== 'POST') return false;
      const body = request.body.length ? bodyOf<Record<string, unknown>>(request) : {};
      switch (path) {
        case '/api/v0/chat_session/create':
          return sendJson(response, envelope({ id: randomUUID(), seq_id: 1, agent: 'chat' }));
        case '/api/v0/chat/create_pow_challenge':
          return sendJson(
            response,
            envelope({
              challenge: {
                algorithm: 'DeepSeekHashV1',
                challenge: randomUUID().replaceAll('-', ''),
                salt: 'a3f9c2e1b7d4',
                difficulty: 144000,
                signature: randomUUID().replaceAll('-', ''),
                expire_at: Date.now() + 300_000,
                expire_after: 300_000,
                target_path: body.target_path,
              },
            }),
          );
        case '/api/v0/chat/stop_stream':
          stoppers.get(String(body.chat_session_id))?.();
          return sendJson(response, envelope(null));
        case '/api/v0/chat/continue':
          await streamEvents(response, String(body.chat_session_id), DEEPSEEK_CONTINUATION);
          return true;
        case '/api/v0/chat/completion': {
          // A completion without a proof of work is refused, as the real server does (2026).
          if (!request.headers['x-ds-pow-response']) {
            return sendJson(response, { code: 0, msg: '', data: { biz_code: 3, biz_msg: 'invalid pow', biz_data: null } });
          }
          const prompt = typeof body.prompt === 'string' ? body.prompt : '';
          if (prompt.startsWith(SLOW_PREFIX)) await streamEvents(response, String(body.chat_session_id), deepseekScenarioStream('thinking'), FIRST_ANSWER);
          else await streamEvents(response, String(body.chat_session_id), SCENARIOS.answering(prompt).stream);
          return true;
        }
      }
      return false;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'DeepSeek',
  start: 'https://chat.deepseek.com/',
  create: () => deepseekReplay({ eventDelayMs: 120 }),
};
