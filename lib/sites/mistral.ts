import { LineDecoder } from '../capture/lines';
import { asRecord, parseJson } from '../capture/sse';
import type { ResponseReader, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * Mistral Le Chat (chat.mistral.ai). Formats as seen in public clients and a
 * recorded stream, 2024-11..2025-11 (see ../shared/research/sites.md):
 *
 * - A new chat sends its prompt to tRPC `POST /api/trpc/message.newChat?batch=1`
 *   (body `{"0": {json: {content, model, features…}}}`; `content` is text or
 *   `[{type: "text", text}]`); the response names the `chatId`. The page then asks
 *   for the answer with `POST /api/chat {chatId, mode: "start"}`, which carries no
 *   prompt: the two requests are one event, joined as the page's latest new chat
 *   and its answer (see NEW_CHAT_KEY). The tRPC response is not read.
 * - A follow-up is `POST /api/chat {chatId, mode: "append", messageInput:
 *   [{type: "text", text}]}` (older: a string). Any other mode ("retry") asks for a
 *   new answer too and is a prompt. Other tRPC calls: not prompts.
 * - The answer streams as lines `N:json`. Since 2025 (`shouldUseMessagePatch`)
 *   `{json: {type: "message", messageId, patches: [{op, path, value}]}}` patches
 *   messages: a replace of the root (path `[]` or "/") creates one with its `role`
 *   and `model`; text is in `/contentChunks/N/text` (`append` adds, `replace`
 *   restates); `/generationStatus` "success" ends it. The user's message is
 *   patched in the same stream: only assistant messages count. Reasoning chunks
 *   carry `_context: {type: "reasoning"}` (seen in a public client, 2025; not in a
 *   recorded stream). Before, the Vercel AI data stream: `0:"text"`, `3:"error"`,
 *   `e:`/`d:{finishReason}` (no reasoning was seen in it).
 * - It cannot see generated images (their chunk format was not seen). A new chat
 *   that the tRPC call refuses is recorded as an interrupted prompt, not as an
 *   error: the reply is not read.
 */

const CHAT = '/api/chat';
const TRPC = '/api/trpc/';
const NEW_CHAT = 'message.newChat';
/** Chunks per message and messages per stream are a handful; more are not tracked. */
const MAX_CHUNKS = 256;
const MAX_MESSAGES = 64;
/**
 * Joins a new chat's answer to its prompt: the page's latest new chat, not its
 * chat id. The id comes in the tRPC reply, but the page can start the answer
 * before the tap's copy of that reply has arrived (seen in the e2e replay in
 * Firefox, 2026-11: the copy ~40 ms behind the page, the answer then an event of
 * its own). A page creates one chat at a time and starts its answer at once.
 */
const NEW_CHAT_KEY = 'new-chat';

export const mistral: SiteAdapter = {
  site: 'mistral',
  version: 2,

  watches(url, method) {
    return method === 'POST' && (url.pathname === CHAT || procedures(url).includes(NEW_CHAT));
  },

  request(req, open) {
    const body = asRecord(parseJson(req.body ?? ''));
    if (!body) return null;
    if (req.url.pathname !== CHAT) {
      // A batch body is keyed by each procedure's position in the path.
      const input = asRecord(asRecord(body[String(procedures(req.url).indexOf(NEW_CHAT))])?.json);
      if (!input) return null;
      const turn = open();
      prompt(turn, input.content);
      turn.model(input.model, 'request');
      // Closed at once, so that the answer's request can reopen it however early it comes.
      turn.continuationKey(NEW_CHAT_KEY);
      turn.close();
      return null;
    }
    const start = body.mode === 'start';
    const turn = (start ? open.resume(NEW_CHAT_KEY) : null) ?? open();
    if (!start) prompt(turn, body.messageInput);
    turn.model(body.model, 'request');
    return readAnswer(turn);
  },
};

function procedures(url: URL): string[] {
  return url.pathname.startsWith(TRPC) ? decodeURIComponent(url.pathname.slice(TRPC.length)).split(',') : [];
}

function prompt(turn: TurnReport, content: unknown): void {
  if (typeof content === 'string') turn.prompt(content);
  else if (Array.isArray(content)) {
    for (const part of content) {
      const record = asRecord(part);
      if (record?.type === 'text' && typeof record.text === 'string') turn.prompt(record.text);
    }
  }
}

/** Per content chunk: where its text goes, and how much of it is counted. */
interface Chunk {
  reasoning: boolean;
  counted: number;
}

function readAnswer(turn: TurnReport): ResponseReader {
  const roles = new Map<unknown, unknown>();
  const chunks: Chunk[] = [];

  const chunkAt = (index: number): Chunk | undefined =>
    index < MAX_CHUNKS ? (chunks[index] ??= { reasoning: false, counted: 0 }) : undefined;
  const emit = (chunk: Chunk, text: string) => (chunk.reasoning ? turn.reasoning(text) : turn.answer(text));
  /** A restated text: count only what goes beyond what was counted. */
  const restate = (chunk: Chunk | undefined, text: unknown) => {
    if (!chunk || typeof text !== 'string') return;
    emit(chunk, text.slice(chunk.counted));
    chunk.counted = Math.max(chunk.counted, text.length);
  };
  const setChunk = (index: number, value: unknown) => {
    const record = asRecord(value);
    const chunk = chunkAt(index);
    if (!record || !chunk) return;
    chunk.reasoning = asRecord(record._context)?.type === 'reasoning';
    restate(chunk, record.text);
  };
  const setChunks = (value: unknown) => {
    if (Array.isArray(value)) value.forEach((chunk, index) => setChunk(index, chunk));
  };
  const noteStatus = (status: unknown) => {
    if (status === 'success') turn.status('complete');
    else if (status === 'error') turn.status('error');
  };

  const patch = (messageId: unknown, op: unknown, rawPath: unknown, value: unknown) => {
    const path = Array.isArray(rawPath) ? `/${rawPath.join('/')}` : rawPath;
    const record = asRecord(value);
    if (path === '' || path === '/') {
      if (roles.size < MAX_MESSAGES) roles.set(messageId, record?.role);
      if (record?.role !== 'assistant') return;
      turn.model(record.model, 'response');
      setChunks(record.contentChunks);
      noteStatus(record.generationStatus);
      return;
    }
    if (roles.get(messageId) !== 'assistant' || typeof path !== 'string') return;
    if (path === '/contentChunks') return setChunks(value);
    if (path === '/generationStatus') return noteStatus(value);
    const [, index, field] = /^\/contentChunks\/(\d+)(\/text|\/_context)?$/.exec(path) ?? [];
    if (index === undefined) return;
    const chunk = chunkAt(Number(index));
    if (!field) setChunk(Number(index), value);
    else if (field === '/_context' && chunk) chunk.reasoning = record?.type === 'reasoning';
    else if (op !== 'append') restate(chunk, value);
    else if (chunk && typeof value === 'string') {
      emit(chunk, value);
      chunk.counted += value.length;
    }
  };

  const lines = new LineDecoder((line) => {
    const [, tag, json] = /^([0-9a-z]+):(.*)$/.exec(line) ?? [];
    const value = parseJson(json ?? '');
    if (typeof value === 'string') {
      if (tag === '0') turn.answer(value);
      else if (tag === '3') turn.status('error');
      return;
    }
    const record = asRecord(value);
    if (tag === 'e' || tag === 'd') {
      const reason = record?.finishReason;
      if (typeof reason === 'string') turn.status(reason === 'error' ? 'error' : 'complete');
      return;
    }
    const message = asRecord(record?.json);
    if (!message || !Array.isArray(message.patches)) return;
    for (const item of message.patches) {
      const operation = asRecord(item);
      if (operation) patch(message.messageId, operation.op, operation.path, operation.value);
    }
  });

  return { chunk: (text) => lines.push(text), end: () => lines.finish() };
}

export const mistralPage: SitePage = {
  site: 'mistral',
  // Seen 2025-11 (a public Le Chat exporter): messages carry their author's role.
  userMessage: '[data-message-author-role="user"]',
  // Seen 2025 (public automation configs): the composer is a ProseMirror editor.
  composer: 'div.ProseMirror',
};
