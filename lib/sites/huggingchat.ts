import { LineDecoder } from '../capture/lines';
import { asRecord, parseJson } from '../capture/sse';
import type { ResponseReader, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * HuggingChat (huggingface.co/chat, the huggingface/chat-ui app). Formats as seen
 * in chat-ui's source up to 2025-H2 (see ../shared/research/sites.md):
 *
 * - A prompt is `POST /chat/conversation/{id}`, multipart field `data` = JSON
 *   `{inputs, id, is_retry, is_continue, web_search, tools}` (older chat-ui sent the
 *   same JSON as the body). `is_retry` regenerates (no `inputs`) or edits (new
 *   `inputs`): both are prompts. `is_continue` extends the conversation's last
 *   answer: same event. Creating a conversation (`POST /chat/conversation`),
 *   `/stop-generating`, `/stream` and everything else on huggingface.co: ignored.
 * - The answer is JSON lines of MessageUpdates: `stream {token}` (tokens padded
 *   with \0 so the browser flushes; the padding is not text), `reasoning {subtype:
 *   "stream", token}` (reasoning; `subtype: "status"` lines are summaries, not
 *   counted), `finalAnswer {text, interrupted}`, `routerMetadata {route, model}`
 *   (the model the Omni router picked), `file {mime, sha}` (generated files),
 *   `status {status: "error"}`. Older versions padded the end with 4096 spaces.
 * - It cannot see the model of a conversation that does not use the router: the
 *   model is chosen when the conversation is created, which is not a prompt.
 */

const CONVERSATION = /^\/chat\/conversation\/([^/]+)$/;
const PADDING = /\0/g;
const MAX_IMAGES = 64;

export const huggingchat: SiteAdapter = {
  site: 'huggingchat',
  version: 1,

  watches(url, method) {
    return method === 'POST' && url.hostname === 'huggingface.co' && CONVERSATION.test(url.pathname);
  },

  request(req, open) {
    const conversation = CONVERSATION.exec(req.url.pathname)?.[1];
    const raw = req.form ? req.form.get('data') : req.body;
    const data = asRecord(parseJson(typeof raw === 'string' ? raw : ''));
    if (!data || !conversation) return null;
    if (data.is_continue === true) return readUpdates(open(conversation));
    const turn = open();
    turn.continuationKey(conversation);
    if (typeof data.inputs === 'string') turn.prompt(data.inputs);
    return readUpdates(turn);
  },
};

/** Reads one JSON-lines answer into the turn. */
function readUpdates(turn: TurnReport): ResponseReader {
  let streamed = false;
  const images = new Set<unknown>();
  const lines = new LineDecoder((line) => {
    const update = asRecord(parseJson(line));
    const token = typeof update?.token === 'string' ? update.token.replace(PADDING, '') : '';
    switch (update?.type) {
      case 'stream':
        streamed = true;
        turn.answer(token);
        break;
      case 'reasoning':
        if (update.subtype === 'stream') turn.reasoning(token);
        break;
      case 'finalAnswer':
        // The whole message, streamed tokens included (and on `is_continue` the part
        // counted by the first request too): only an unstreamed answer counts here.
        if (!streamed && typeof update.text === 'string') turn.answer(update.text);
        turn.status(update.interrupted === true ? 'interrupted' : 'complete');
        break;
      case 'routerMetadata':
        turn.model(update.model, 'response');
        break;
      case 'file':
        if (typeof update.mime === 'string' && update.mime.startsWith('image/') && images.size < MAX_IMAGES) {
          images.add(update.sha ?? images.size);
        }
        break;
      case 'status':
        if (update.status === 'error') turn.status('error');
        break;
    }
  });
  return {
    chunk: (text) => lines.push(text),
    end() {
      lines.finish();
      turn.images(images.size);
    },
  };
}

export const huggingchatPage: SitePage = {
  site: 'huggingchat',
  // Seen 2025 in chat-ui's ChatMessage.svelte (`data-message-type="user"`).
  userMessage: '[data-message-type="user"]',
  // Seen 2025 in chat-ui's ChatInput.svelte: the composer is the chat form's textarea.
  composer: 'form textarea',
};
