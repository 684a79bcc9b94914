import { asRecord, parseJson } from '../capture/sse';
import type { ResponseReader, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * Grok on grok.com and on X (x.com/i/grok). Formats as seen in a real 2026-03
 * capture of grok.com and in public clients up to 2026 (see ../shared/research/sites.md):
 *
 * grok.com
 * - A prompt is `POST /rest/app-chat/conversations/new` or `…/conversations/{id}/responses`
 *   (regenerate and edit post there too), JSON body `message`, `modeId`
 *   ("auto"|"fast"|"expert"|"heavy"; older bodies `modelName`), `enableImageGeneration`.
 *   `reconnect-response-v2`, `load-responses`, uploads: not prompts (a reconnect
 *   also replays answers already on screen).
 * - The answer is a stream of JSON objects: one per line, or pretty-printed back to
 *   back (`}{`) as the 2026-03 capture shows. `/new` wraps each in
 *   `result.response`, `/responses` puts them in `result`. `token` is text:
 *   reasoning when `isThinking`, the answer when `messageTag` is "final" (or
 *   absent); other tags (tool cards, raw tool results) are neither. `userResponse`
 *   echoes the prompt and the requested model ("grok-4-auto"); `modelResponse` ends
 *   the answer and names the model that answered ("grok-3" under auto for an easy
 *   prompt, 2026-03; `uiLayout.steerModelId` said "grok-4": we trust
 *   `modelResponse.model`). Images stream as `streamingImageGenerationResponse`
 *   (one `imageId` per image) and end in `modelResponse.generatedImageUrls`.
 *   Grok Imagine video streams as `streamingVideoGenerationResponse` (one
 *   `videoId` per clip, progress repeating it): a video event, one per clip.
 *   `{error}` objects are errors.
 *
 * X
 * - A prompt is `POST /2/grok/add_response.json` (on grok.x.com, api.x.com, or
 *   x.com under `/i/api`), body `responses` (the last `sender: 1` entry is the
 *   prompt), `grokModelOptionId`, `modelMode`. A body with no user message
 *   (`isCancel`, sent by the stop button) is not a prompt.
 * - The answer is NDJSON `result {sender: "ASSISTANT", message, isThinking,
 *   messageTag}`; images `result.imageAttachment` / `result.event.imageAttachmentUpdate`;
 *   `responseType: "limiter"` is a refusal. No end marker was seen, so a stream
 *   that ends cleanly is complete [I]; a stop that aborts the fetch is interrupted.
 *   It cannot see which model X's "auto" mode picked.
 */

const GROK_PROMPT = /^\/rest\/app-chat\/conversations\/(?:new|[^/]+\/responses)$/;
const X_PROMPT = /^(?:\/i\/api)?\/2\/grok\/add_response\.json$/;
const MAX_IMAGES = 64;
/** Longer objects are dropped: a whole answer in `modelResponse` stays far below. */
const MAX_OBJECT = 4 * 1024 * 1024;

export const grok: SiteAdapter = {
  site: 'grok',
  version: 2,

  watches(url, method) {
    return method === 'POST' && url.hostname === 'grok.com' && GROK_PROMPT.test(url.pathname);
  },

  request(req, open) {
    const body = asRecord(parseJson(req.body ?? ''));
    if (typeof body?.message !== 'string') return null;
    const turn = open();
    turn.prompt(body.message);
    turn.model(typeof body.modeId === 'string' ? `grok-${body.modeId}` : body.modelName, 'request');
    return readGrok(turn, (response, images) => {
      const user = asRecord(response.userResponse);
      if (user) turn.model(user.model, 'request');
      countToken(turn, response, response.token);
      const image = asRecord(response.streamingImageGenerationResponse);
      if (image) images.streamed(image.imageId ?? image.imageIndex);
      // A clip is priced per clip: the images count carries the number of clips.
      const video = asRecord(response.streamingVideoGenerationResponse);
      if (video) {
        turn.kind('video');
        images.streamed(video.videoId ?? video.videoPostId);
      }
      const answer = asRecord(response.modelResponse);
      if (!answer) return;
      turn.model(answer.model, 'response');
      if (Array.isArray(answer.generatedImageUrls)) answer.generatedImageUrls.forEach(images.delivered);
      turn.status(answer.partial === true ? 'interrupted' : 'complete');
    });
  },
};

export const grokOnX: SiteAdapter = {
  site: 'grok',
  version: 1,

  // Only Grok's own endpoint: nothing else on x.com is read.
  watches(url, method) {
    return method === 'POST' && X_PROMPT.test(url.pathname);
  },

  request(req, open) {
    const body = asRecord(parseJson(req.body ?? ''));
    const asked = (Array.isArray(body?.responses) ? body.responses : [])
      .map(asRecord)
      .filter((response) => response?.sender === 1 && typeof response.message === 'string')
      .pop()?.message;
    if (!body || typeof asked !== 'string') return null;
    const turn = open();
    turn.prompt(asked);
    const mode = typeof body.modelMode === 'string' ? body.modelMode.replace(/^MODEL_MODE_/, '') : '';
    turn.model(body.grokModelOptionId || (mode && `grok-${mode}`), 'request');
    return readGrok(
      turn,
      (result, images) => {
        // The limiter's refusal is no answer; it has no sender.
        if (result.responseType === 'limiter') turn.status('error');
        if (result.sender === 'ASSISTANT') countToken(turn, result, result.message);
        const update = asRecord(asRecord(result.event)?.imageAttachmentUpdate);
        if (update) images.streamed(update.imageIdStr ?? update.imageUrl);
        const attachment = asRecord(result.imageAttachment);
        if (attachment) images.delivered(attachment.mediaIdStr ?? attachment.imageUrl);
      },
      true,
    );
  },
};

/** Reasoning when the model is thinking; answer text only in the "final" message. */
function countToken(turn: TurnReport, record: Record<string, unknown>, text: unknown): void {
  if (typeof text !== 'string') return;
  if (record.isThinking === true) turn.reasoning(text);
  else if (!record.messageTag || record.messageTag === 'final') turn.answer(text);
}

/**
 * Images of one answer, by id: as their generation streams (progress updates repeat
 * ids) and as they are delivered. Both name the same images, perhaps by different
 * ids, so the larger count is the number of images.
 */
interface Images {
  streamed(id: unknown): void;
  delivered(id: unknown): void;
}

/**
 * Reads a stream of JSON objects, handing each `result` (or `result.response`) to `onResult`.
 * @param endsCleanly a clean end of the stream is the only completion signal.
 */
function readGrok(
  turn: TurnReport,
  onResult: (result: Record<string, unknown>, images: Images) => void,
  endsCleanly = false,
): ResponseReader {
  const streamed = new Set<unknown>();
  const delivered = new Set<unknown>();
  const note = (ids: Set<unknown>) => (id: unknown) => {
    if (id !== undefined && ids.size < MAX_IMAGES) ids.add(id);
  };
  const images: Images = { streamed: note(streamed), delivered: note(delivered) };
  const push = jsonObjects((object) => {
    if (object.error) turn.status('error');
    const result = asRecord(object.result);
    if (result) onResult(asRecord(result.response) ?? result, images);
  });
  return {
    chunk: push,
    end() {
      turn.images(Math.max(streamed.size, delivered.size));
      // An aborted stream still ends interrupted: the tap's verdict overrides this one.
      if (endsCleanly) turn.status('complete');
    },
  };
}

/**
 * Splits streamed text into top-level JSON objects, whether one per line or
 * pretty-printed back to back. Braces inside strings do not count. A raw newline
 * inside a string, or a `{` opening a line while an object is still open, means
 * the open object was cut short (neither occurs in NDJSON or indented JSON): it is
 * dropped and scanning starts over.
 */
function jsonObjects(onObject: (object: Record<string, unknown>) => void): (text: string) => void {
  let buffer = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let lineStart = true;
  return (text) => {
    for (const char of text) {
      if (inString && char === '\n') {
        depth = 0;
        inString = escaped = false;
      } else if (char === '{' && (depth === 0 || lineStart) && !inString) {
        buffer = '{';
        depth = 1;
      } else if (depth > 0) {
        if (buffer.length < MAX_OBJECT) buffer += char;
        if (inString) {
          if (escaped) escaped = false;
          else if (char === '\\') escaped = true;
          else if (char === '"') inString = false;
        } else if (char === '"') inString = true;
        else if (char === '{') depth++;
        else if (char === '}' && --depth === 0) {
          const object = asRecord(parseJson(buffer));
          if (object) onObject(object);
        }
      }
      lineStart = char === '\n';
    }
  };
}

export const grokPage: SitePage = {
  site: 'grok',
  // X's Grok page was not seen: no witness there rather than a false "needs update".
  hosts: ['grok.com'],
  // grok.com, seen 2025-H2..2026 (public automation notes): the user's bubbles are
  // the `.message-bubble`s on the lighter surface. X's Grok page: not seen.
  userMessage: '.message-bubble.bg-surface-l1',
  // grok.com and X, seen 2025..2026-09 (public automation configs).
  composer: 'textarea[aria-label], div[contenteditable="true"]',
};
