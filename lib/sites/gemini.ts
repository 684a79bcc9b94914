import { LineDecoder } from '../capture/lines';
import { parseJson } from '../capture/sse';
import type { ResponseReader, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * Gemini (gemini.google.com). Formats as seen in a real 2026-03 capture of the
 * stream and in HanaokaYuzu/Gemini-API (2026), see ../shared/research/sites.md:
 *
 * - A prompt is an XHR `POST /_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate`
 *   (`/u/N/…` for a second Google account), form body
 *   `f.req=[null,"<inner JSON>"]&at=…`, the prompt at `inner[0][0]`.
 *   Regenerate and edit send the same request again. History, titles and
 *   settings go through `…/data/batchexecute`: never watched.
 * - The model is requested in the header `x-goog-ext-525001261-jspb`
 *   (`[1,null,null,null,"<16 hex digits>",…]`), set with `setRequestHeader`.
 *   The answer's last frame names it too (capture 2026-03: the hex id at
 *   `inner[39]`, its label "Fast" at `inner[42]`): the response's id wins once a
 *   turn completes; a turn cut short or refused keeps the requested one.
 * - The response is `)]}'`, then frames `<length>\n<JSON>\n`. Each frame is
 *   one line (newlines inside the JSON are escaped), so frames are read as
 *   lines and the length, counted in UTF-16 units, is not needed: a damaged
 *   frame costs that frame only.
 * - A frame is `[["wrb.fr",null,"<inner JSON>"]]`. The candidate is
 *   `inner[4][0]`; its text `[1][0]` and thoughts `[37][0][0]` are
 *   cumulative (the last one counts); `[8][0]` is 1 while streaming and 2 when
 *   complete (capture 2026-03); generated images are listed at `[12][7][0]`.
 *   Rich content stands in the text as `http://googleusercontent.com/<kind>/<n>`
 *   (`image_generation_content` for a generated image): not answer text. A
 *   text that is only a `card_content` placeholder has its text at `[22][0]`.
 * - Errors come as an envelope without payload whose `[5][2][0][1][0]` is a
 *   code (1037 usage limit, 1052 bad model header…).
 *
 * Thoughts and images are as Gemini-API reads them (2026); the capture had
 * neither. Cannot see: generated videos and music (their place in the
 * candidate is unknown).
 */

const STREAM_GENERATE = /^(?:\/u\/\d+)?\/_\/BardChatUi\/data\/assistant\.lamda\.BardFrontendService\/StreamGenerate$/;
const MODEL_ID = /^[0-9a-f]{16}$/;
const CARD_ONLY = /^http:\/\/googleusercontent\.com\/card_content\/\d+/;
const PLACEHOLDER = /http:\/\/googleusercontent\.com\/\w+\/\d+\n*/g;
const COMPLETE = 2;

export const gemini: SiteAdapter = {
  site: 'gemini',
  version: 2,

  watches(url, method) {
    return method === 'POST' && STREAM_GENERATE.test(url.pathname);
  },

  request(req, open) {
    const turn = open();
    const inner = at(parseJson(new URLSearchParams(req.body ?? '').get('f.req') ?? ''), 1);
    const prompt = at(typeof inner === 'string' ? parseJson(inner) : undefined, 0, 0);
    if (typeof prompt === 'string') turn.prompt(prompt);
    // The model picked in the page rides in a header (seen 2025-12, HanaokaYuzu/Gemini-API constants).
    const requested = at(parseJson(req.headers.get('x-goog-ext-525001261-jspb') ?? ''), 4);
    if (typeof requested === 'string' && MODEL_ID.test(requested)) turn.model(requested, 'request');
    return new FrameReader(turn);
  },
};

/** Reads one StreamGenerate response into the turn. */
class FrameReader implements ResponseReader {
  private readonly lines = new LineDecoder((line) => this.frame(parseJson(line)));
  private images = 0;

  constructor(private readonly turn: TurnReport) {}

  chunk(text: string): void {
    this.lines.push(text);
  }

  end(): void {
    this.lines.finish();
    this.turn.images(this.images);
  }

  /** The `)]}'` guard and the length lines parse to no array and fall through. */
  private frame(envelopes: unknown): void {
    if (!Array.isArray(envelopes)) return;
    for (const envelope of envelopes) {
      if (at(envelope, 0) !== 'wrb.fr') continue;
      const payload = at(envelope, 2);
      if (typeof payload === 'string') this.payload(parseJson(payload));
      else if (typeof at(envelope, 5, 2, 0, 1, 0) === 'number') this.turn.status('error');
    }
  }

  private payload(inner: unknown): void {
    // Capture 2026-03: the final frame carries the model id at [39] and its label ("Fast") at [42].
    const model = at(inner, 39);
    if (typeof model === 'string' && MODEL_ID.test(model)) this.turn.model(model, 'response');
    const candidate = at(inner, 4, 0);
    let text = at(candidate, 1, 0);
    if (typeof text === 'string' && CARD_ONLY.test(text)) text = at(candidate, 22, 0);
    if (typeof text === 'string') this.turn.answerSnapshot(text.replace(PLACEHOLDER, ''));
    const thoughts = at(candidate, 37, 0, 0);
    if (typeof thoughts === 'string') this.turn.reasoningSnapshot(thoughts);
    // The list is cumulative like the text: the longest one counts. An entry
    // is an image once it has its URL at [0][3][3] (Gemini-API reads it there,
    // 2026); entries still without one are placeholders.
    const generated = at(candidate, 12, 7, 0);
    if (Array.isArray(generated)) {
      const ready = generated.filter((entry) => typeof at(entry, 0, 3, 3) === 'string').length;
      this.images = Math.max(this.images, ready);
    }
    // Capture 2026-03: [8] is [1] while streaming, [2] on the final frame.
    if (at(candidate, 8, 0) === COMPLETE) this.turn.status('complete');
  }
}

/** Follows array indexes into parsed JSON; anything that is not there is undefined. */
function at(value: unknown, ...path: number[]): unknown {
  for (const index of path) value = Array.isArray(value) ? value[index] : undefined;
  return value;
}

export const geminiPage: SitePage = {
  site: 'gemini',
  // Seen 2026 (Gemini-API notes, public provider DOM captures): Angular custom elements.
  userMessage: 'user-query',
  // Seen 2026: a Quill editor, `rich-textarea div.ql-editor[contenteditable="true"]`.
  composer: 'rich-textarea .ql-editor',
};
