import { asRecord, parseJson, SseDecoder } from '../capture/sse';
import type { ResponseReader, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * DeepSeek (chat.deepseek.com). Formats as seen in a real 2026-03 capture and in
 * public clients and API notes up to 2026 (see ../shared/research/sites.md):
 *
 * - A prompt is `POST /api/v0/chat/completion` (body `prompt`, `thinking_enabled`,
 *   `search_enabled`, `chat_session_id`, since 2026 `model_type` "default"|"expert").
 *   `/regenerate` (no prompt text) and `/edit_message` (new `prompt`) are prompts too;
 *   `/continue` and `/resume_stream` (`message_id` = the answer's id) continue the
 *   same answer (a `/resume_stream` after a reload finds no recent turn and opens an
 *   event without prompt text). `/create_pow_challenge`, `/stop_stream`, history
 *   loads: not prompts.
 *   The page sends them with XHR or fetch; the tap reads both.
 * - The answer is SSE: `event: ready` names the answer's message id, then JSON-patch
 *   events `{p, o, v}`. `p` and `o` persist to later events that omit them (`o`
 *   defaults to SET); `BATCH` holds sub-patches whose paths are relative to `p`.
 *   Text lives in `response/fragments`: THINK fragments are reasoning, RESPONSE
 *   fragments the answer, TOOL_SEARCH/TOOL_OPEN/TIP neither. Before fragments
 *   (seen 2025-H1) text was `response/content` and `response/thinking_content`.
 * - The end: `response/status` (or `quasi_status`) FINISHED, or INCOMPLETE when the
 *   user stopped or the stream broke (the turn then ends interrupted). `{type:
 *   "error"}` data (`event: hint`) and a JSON envelope instead of SSE (muted user,
 *   bad proof of work) are errors.
 * - The site names no model (`response.model` is ""), so the model is the mode the
 *   request asked for, as agreed with lib/footprint: `deepseek-chat` or
 *   `deepseek-deepthink`. It cannot see which weights the "expert" mode runs.
 */

const ANSWERING = /^\/api\/v0\/chat\/(completion|regenerate|edit_message|continue|resume_stream)$/;

/** Fragments per answer are a few dozen at most; past this we stop tracking types. */
const MAX_FRAGMENTS = 1024;

export const deepseek: SiteAdapter = {
  site: 'deepseek',
  version: 1,

  watches(url, method) {
    return method === 'POST' && ANSWERING.test(url.pathname);
  },

  request(req, open) {
    const endpoint = ANSWERING.exec(req.url.pathname)?.[1];
    const body = asRecord(parseJson(req.body ?? ''));
    const session = body?.chat_session_id;
    if (!body || typeof session !== 'string') return null;
    if (endpoint === 'continue' || endpoint === 'resume_stream') {
      return readFragments(open(`${session}/${String(body.message_id)}`), session, true);
    }
    const turn = open();
    if (typeof body.prompt === 'string') turn.prompt(body.prompt);
    if (typeof body.thinking_enabled === 'boolean') {
      turn.model(body.thinking_enabled ? 'deepseek-deepthink' : 'deepseek-chat', 'request');
    }
    return readFragments(turn, session);
  },
};

/** Where a fragment's text goes: reasoning, the answer, or nowhere (tools, tips). */
type Sink = ((text: string) => void) | undefined;

/**
 * Reads one DeepSeek SSE answer, applying its patches to counters only.
 * @param resumed a continuation. Its stream opens with a whole-response snapshot
 *   (2026 client notes on `/continue`); inferred, not seen: that snapshot repeats
 *   text the first request already counted, so only later patches count.
 */
function readFragments(turn: TurnReport, session: string, resumed = false): ResponseReader {
  const answer = (text: string) => turn.answer(text);
  const reasoning = (text: string) => turn.reasoning(text);
  let fragments: Sink[] = [];
  let lastPath = '';
  let lastOp = 'SET';

  const count = (sink: Sink, text: unknown) => {
    if (sink && typeof text === 'string') sink(text);
  };
  // INCOMPLETE (stopped, broken) needs nothing: a stream that never finishes ends interrupted.
  const noteStatus = (status: unknown) => {
    if (status === 'FINISHED') turn.status('complete');
  };
  const addFragment = (fragment: Record<string, unknown> | undefined, countContent = true) => {
    if (!fragment || fragments.length >= MAX_FRAGMENTS) return;
    const sink = fragment.type === 'THINK' ? reasoning : fragment.type === 'RESPONSE' ? answer : undefined;
    fragments.push(sink);
    if (countContent) count(sink, fragment.content);
  };

  const snapshot = (response: Record<string, unknown>) => {
    turn.model(response.model, 'response');
    if (Array.isArray(response.fragments)) {
      fragments = [];
      for (const fragment of response.fragments) addFragment(asRecord(fragment), !resumed);
    }
    if (!resumed) {
      count(answer, response.content);
      count(reasoning, response.thinking_content);
    }
    noteStatus(response.status);
  };

  const apply = (path: string, op: string, value: unknown): void => {
    if (op === 'BATCH' && Array.isArray(value)) {
      // Sub-patches inherit p and o from each other, starting afresh, under `path`.
      let subPath = '';
      let subOp = 'SET';
      for (const item of value) {
        const sub = asRecord(item);
        if (!sub) continue;
        if (typeof sub.p === 'string') subPath = sub.p;
        if (typeof sub.o === 'string') subOp = sub.o;
        apply(path ? `${path}/${subPath}` : subPath, subOp, sub.v);
      }
      return;
    }
    if (path === '' || path === 'response') {
      const response = path === '' ? asRecord(asRecord(value)?.response) : asRecord(value);
      if (response) snapshot(response);
      return;
    }
    if (path === 'response/fragments' && Array.isArray(value)) {
      if (op !== 'APPEND') fragments = [];
      for (const fragment of value) addFragment(asRecord(fragment));
      return;
    }
    // Text is new text whatever `o` says: a SET inherited from an earlier
    // `elapsed_secs` patch still carries the next piece of text (seen 2026).
    const index = Number(/^response\/fragments\/(-?\d+)\/content$/.exec(path)?.[1]);
    if (Number.isInteger(index)) count(fragments[index < 0 ? fragments.length + index : index], value);
    else if (path === 'response/content') count(answer, value);
    else if (path === 'response/thinking_content') count(reasoning, value);
    else if (path === 'response/status' || path === 'response/quasi_status') noteStatus(value);
  };

  const sse = new SseDecoder(({ event, data }) => {
    const record = asRecord(parseJson(data));
    if (!record) return;
    if (record.type === 'error') turn.status('error');
    if (event === 'ready' && record.response_message_id !== undefined) {
      turn.continuationKey(`${session}/${String(record.response_message_id)}`);
    }
    if (!('v' in record)) return;
    if (typeof record.p === 'string') lastPath = record.p;
    if (typeof record.o === 'string') lastOp = record.o;
    apply(lastPath, lastOp, record.v);
  });

  return {
    start(_status, contentType) {
      // A JSON envelope instead of a stream is a refusal (2026: muted user, stale proof of work).
      if (contentType.includes('json')) turn.status('error');
    },
    chunk: (text) => sse.push(text),
    end: () => sse.finish(),
  };
}

export const deepseekPage: SitePage = {
  site: 'deepseek',
  // Seen 2025-11..2026-03 (public exporters): every message is a `.ds-message`;
  // answers hold a `.ds-markdown`, the user's messages do not. The classes are
  // the site's own names, not hashed ones.
  userMessage: '.ds-message:not(:has(.ds-markdown))',
  // Seen 2025..2026-03 (public automation configs).
  composer: 'textarea#chat-input',
};
