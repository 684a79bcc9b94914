import { asRecord, parseJson } from '../capture/sse';
import type { OpenTurn, SiteAdapter, SitePage, SocketReader, TurnReport } from './types';

/**
 * Microsoft Copilot (copilot.microsoft.com). The whole chat runs over one
 * WebSocket, `wss://copilot.microsoft.com/c/api/chat?api-version=2&…`, that
 * carries many turns. Formats as seen in public clients up to 2026-08
 * (xtekky/gpt4free g4f/Provider/Copilot.py; an OpenAI-compatible Copilot proxy
 * whose comments date captures 2026-08-12 and 2026-08-23; CDP traces in public
 * scripts):
 *
 * - The page sends `{"event":"send","conversationId","content":[{type:"text",
 *   text}, {type:"image",url}…],"mode":"chat"|"reasoning"|"smart","context"}`.
 *   Other client frames (`setOptions`, `reportLocalConsents`,
 *   `challengeResponse`, `ping`) are not prompts.
 * - The server answers `received` (the user's message), `startMessage`
 *   (`messageId` of the answer), `appendText {messageId, partId, text}` deltas,
 *   `partCompleted`, `done`, then `titleUpdate` / `suggestedFollowups`.
 *   `chainOfThought {text}` carries reasoning (Think Deeper). Images:
 *   `generatingImage`, `partialImageGenerated {partId, content}` previews,
 *   `imageGenerated {url}`. Failures: `error {errorCode}`,
 *   `chatMessageError {errorCode}`.
 * - One frame may hold several JSON objects back to back, with whitespace or
 *   \x1e between them (seen 2026-08).
 * - A proof-of-work `challenge` suspends a `send`; the page answers it and sends
 *   the same `send` again (seen 2026-08): one prompt, one event.
 * - An image turn may end with the socket closing and no `done` (seen 2026-08).
 *
 * Cannot see: the model behind a mode (recorded as `copilot-<mode>`, the
 * request's mode); the exact semantics of `replaceText` (guessed 2026-11: it
 * replaces a part's text, so the longer of streamed and replaced text counts).
 */

const CHAT_SOCKET_HOST = 'copilot.microsoft.com';
const CHAT_SOCKET_PATH = /^\/c\/api\/chat\/?$/;
const MAX_IMAGES = 64;

export const copilot: SiteAdapter = {
  site: 'copilot',
  version: 2,

  socket(url, open) {
    if (url.hostname !== CHAT_SOCKET_HOST || !CHAT_SOCKET_PATH.test(url.pathname)) return null;
    return new ChatSocket(open);
  },
};

/** Follows the turns of one chat socket, one at a time. */
class ChatSocket implements SocketReader {
  private turn: TurnReport | null = null;
  private conversationId: unknown = undefined;
  /** The server acknowledged the current `send` (a repeated `send` before that is a resend). */
  private acknowledged = false;
  private answerId: unknown = undefined;
  /** The answer of the previous turn, whose late frames must not count toward this one. */
  private previousAnswerId: unknown = undefined;
  /** Characters counted per part, so that a `replaceText` counts only what is new. */
  private partLengths = new Map<string, number>();
  /** Images by part as their previews stream, and as they are delivered (by part, else URL). */
  private previews = new Set<string>();
  private delivered = new Set<string>();

  constructor(private readonly open: OpenTurn) {}

  sent(data: string): void {
    for (const frame of jsonObjects(data)) {
      if (frame.event !== 'send') continue;
      if (this.turn && !this.acknowledged && frame.conversationId === this.conversationId) continue;
      this.finish();
      const turn = this.open();
      this.turn = turn;
      this.conversationId = frame.conversationId;
      if (typeof frame.mode === 'string') turn.model(`copilot-${frame.mode}`, 'request');
      const content = Array.isArray(frame.content) ? frame.content : [];
      for (const part of content) {
        const record = asRecord(part);
        if (record?.type === 'text' && typeof record.text === 'string') turn.prompt(record.text);
      }
    }
  }

  received(data: string): void {
    for (const frame of jsonObjects(data)) this.event(frame);
  }

  closed(): void {
    this.finish();
  }

  private event(frame: Record<string, unknown>): void {
    const turn = this.turn;
    if (!turn) return;
    const messageId = frame.messageId;
    if (messageId !== undefined && messageId === this.previousAnswerId) return;
    switch (frame.event) {
      case 'received':
        this.acknowledged = true;
        return;
      case 'startMessage':
        this.acknowledged = true;
        this.answerId = messageId;
        return;
      case 'appendText':
      case 'replaceText':
        if (this.isAnswer(messageId)) this.text(frame, turn);
        return;
      case 'chainOfThought':
        if (typeof frame.text === 'string') turn.reasoning(frame.text);
        return;
      case 'generatingImage':
        turn.kind('image');
        return;
      case 'partialImageGenerated':
      case 'imageGenerated':
        this.image(frame);
        return;
      case 'done':
        if (!this.isAnswer(messageId)) return;
        turn.status('complete');
        this.finish();
        return;
      case 'error':
      case 'chatMessageError':
        turn.status('error');
        this.finish();
    }
  }

  private isAnswer(messageId: unknown): boolean {
    return this.answerId === undefined || messageId === undefined || messageId === this.answerId;
  }

  private text(frame: Record<string, unknown>, turn: TurnReport): void {
    const text = frame.text;
    if (typeof text !== 'string') return;
    const part = String(frame.partId);
    const counted = this.partLengths.get(part) ?? 0;
    if (frame.event === 'appendText') {
      turn.answer(text);
      this.partLengths.set(part, counted + text.length);
    } else if (text.length > counted) {
      turn.answer(text.slice(counted));
      this.partLengths.set(part, text.length);
    }
  }

  /**
   * Progressive previews and the final image usually share a part id; when a
   * delivery names only its URL, the previews and the deliveries still count
   * the same images, so the larger of the two is the number of images.
   */
  private image(frame: Record<string, unknown>): void {
    const key = frame.partId ?? frame.url;
    const into = frame.event === 'imageGenerated' ? this.delivered : this.previews;
    if (typeof key === 'string' && into.size < MAX_IMAGES) into.add(key);
  }

  /** Ends the current turn: `done`, an error, the next prompt or the socket closing. */
  private finish(): void {
    const turn = this.turn;
    if (!turn) return;
    turn.images(Math.max(this.previews.size, this.delivered.size));
    if (this.delivered.size > 0) turn.status('complete');
    turn.close();
    this.turn = null;
    this.acknowledged = false;
    this.previousAnswerId = this.answerId;
    this.answerId = undefined;
    this.partLengths = new Map();
    this.previews = new Set();
    this.delivered = new Set();
  }
}

/**
 * The JSON objects in one frame, whatever separates them. Braces are matched
 * outside strings; a cut-off object at the end is dropped.
 */
function jsonObjects(frame: string): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < frame.length; i++) {
    const code = frame.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (code === 0x5c) escaped = true;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = depth > 0;
    } else if (code === 0x7b) {
      if (depth++ === 0) start = i;
    } else if (code === 0x7d && depth > 0 && --depth === 0) {
      const object = asRecord(parseJson(frame.slice(start, i + 1)));
      if (object) objects.push(object);
    }
  }
  return objects;
}

export const copilotPage: SitePage = {
  site: 'copilot',
  // Seen 2026-07 (houyanchao/chatgpt-gemini-timeline custom-sites.js): each user
  // turn is `[role="article"][id$="-user-message"]` holding this element.
  userMessage: '[data-content="user-message"]',
  // Seen 2025-2026 in several public automation scripts: `textarea#userInput`,
  // also carrying data-testid="composer-input".
  composer: '#userInput, [data-testid="composer-input"]',
};
