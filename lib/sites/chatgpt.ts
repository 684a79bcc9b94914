import { asRecord, parseJson, SseDecoder } from '../capture/sse';
import { ImageLedger, isUserSocket, PromptImages, UserSocketImages } from './chatgpt-images';
import type { ResponseReader, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * ChatGPT (chatgpt.com, chat.openai.com). Formats as seen in public clients and
 * captures up to 2026-03 (see ../shared/research/sites.md):
 *
 * - A prompt is `POST /backend-api/f/conversation` (logged out: `/backend-anon/…`,
 *   legacy: without `/f`), JSON body with `action` ("next", "variant" for
 *   regenerate, "continue"), `messages[].content.parts[]`, `model`,
 *   `conversation_id`, `system_hints` (["picture_v2"] = image tool).
 *   `…/f/conversation/prepare` fires while typing, `/init` and `/stream_status`
 *   on load: none of them is a prompt.
 * - `…/f/conversation/resume` continues a thinking turn's stream: same turn.
 * - The answer streams as SSE in the "v1" delta encoding: `{p, o, v}` JSON-patch
 *   like operations on the current message; an event without `p`/`o` continues
 *   the previous event's path and operation (a bare string appends, a bare array
 *   is another patch batch, a bare `{message}` adds the next message).
 * - The stream carries the user's own message and hidden system/context messages
 *   too; only assistant text is the answer, `thoughts` content is reasoning.
 *   ChatGPT shows summaries of its reasoning, so reasoning counts are a floor.
 * - Images: the tool message names the task, `image_asset_pointer` parts the
 *   files; an image finished after the stream arrives over the user
 *   WebSocket (chatgpt-images.ts), added to the same prompt's event.
 */

const PROMPT_PATH = /^\/backend-(?:api|anon)\/(?:f\/)?conversation(\/resume)?\/?$/;

const ANSWER_CONTENT = new Set(['text', 'multimodal_text', 'code']);

type CountAs = 'answer' | 'reasoning' | 'none';

/** This page's image prompts, shared by their streams and the user socket. */
const imageLedger = new ImageLedger();

export const chatgpt: SiteAdapter = {
  site: 'chatgpt',
  version: 2,

  watches(url, method) {
    return method === 'POST' && PROMPT_PATH.test(url.pathname);
  },

  request(req, open) {
    const resume = PROMPT_PATH.exec(req.url.pathname)?.[1] !== undefined;
    const body = asRecord(parseJson(req.body ?? ''));
    if (!body) return null;
    const conversationId = typeof body.conversation_id === 'string' ? body.conversation_id : undefined;
    if (resume) return new V1Reader(open(conversationId), conversationId, false);

    const action = body.action ?? 'next';
    if (action === 'continue') return new V1Reader(open(conversationId), conversationId, false);
    if (action !== 'next' && action !== 'variant') return null;

    const turn = open();
    if (conversationId) turn.continuationKey(conversationId);
    reportRequest(body, turn);
    return new V1Reader(turn, conversationId, true);
  },

  socket(url, open) {
    return isUserSocket(url) ? new UserSocketImages(imageLedger, open) : null;
  },
};

function reportRequest(body: Record<string, unknown>, turn: TurnReport): void {
  turn.model(body.model, 'request');
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const message of messages) {
    const record = asRecord(message);
    const author = asRecord(record?.author);
    if (author && author.role !== 'user') continue;
    const parts = asRecord(record?.content)?.parts;
    if (!Array.isArray(parts)) continue;
    for (const part of parts) if (typeof part === 'string') turn.prompt(part);
  }
  const hints = Array.isArray(body.system_hints) ? body.system_hints : [];
  if (hints.includes('picture_v2')) turn.kind('image');
}

/** Reads one v1-encoded SSE response into the turn, keeping counters only. */
class V1Reader implements ResponseReader {
  private readonly sse = new SseDecoder((message) => this.message(message.data));
  private lastPath: unknown = undefined;
  private lastOp: unknown = undefined;
  private countAs: CountAs = 'none';
  /** Legacy (pre-v1) streams resend the whole message; remember how much was counted. */
  private legacyMessageId: unknown = undefined;
  private legacyCounted = 0;
  private resolvedModelSeen = false;
  /** The role of the message being streamed: only tool and assistant files are generated images. */
  private role: unknown = undefined;
  /** This prompt's images; shared through the ledger once the conversation is known. */
  private images = new PromptImages();
  private attached = false;
  private finished = false;
  private interrupted = false;

  constructor(
    private readonly turn: TurnReport,
    conversationId: string | undefined,
    private readonly newPrompt: boolean,
  ) {
    this.attach(conversationId);
  }

  chunk(text: string): void {
    this.sse.push(text);
  }

  end(how: 'eof' | 'aborted'): void {
    this.sse.finish();
    const fresh = this.images.takeNew();
    if (fresh > 0) this.turn.images(fresh);
    if (how === 'aborted') return;
    if (this.interrupted) this.turn.status('interrupted');
    else if (this.finished) this.turn.status('complete');
  }

  private message(data: string): void {
    if (data === '[DONE]') {
      this.finished = true;
      return;
    }
    const event = asRecord(parseJson(data));
    if (!event) return;
    if (typeof event.conversation_id === 'string') this.turn.continuationKey(event.conversation_id);
    this.attach(event.conversation_id ?? asRecord(event.v)?.conversation_id);

    if (typeof event.type === 'string' && !('v' in event)) {
      this.typedEvent(event);
      return;
    }
    if ('message' in event && !('v' in event)) {
      this.legacyEvent(event);
      return;
    }
    if (!('v' in event)) {
      if (typeof event.error === 'string' && event.error) this.turn.status('error');
      return;
    }
    if ('p' in event) this.lastPath = event.p;
    if ('o' in event) this.lastOp = event.o;
    this.apply(this.lastPath ?? '', this.lastOp ?? 'add', event.v);
  }

  private typedEvent(event: Record<string, unknown>): void {
    switch (event.type) {
      case 'message_stream_complete':
        this.finished = true;
        break;
      case 'server_ste_metadata': {
        const metadata = asRecord(event.metadata);
        if (!this.resolvedModelSeen) this.turn.model(metadata?.model_slug, 'response');
        break;
      }
      case 'error':
        this.turn.status('error');
        break;
      case 'stream_handoff':
        // The turn goes on over the user socket: remember which topic is this conversation.
        for (const option of Array.isArray(event.options) ? event.options : []) {
          imageLedger.linkTopic(asRecord(option)?.topic_id, event.conversation_id);
        }
        break;
    }
  }

  /** Shares this prompt's images under its conversation, the first time the conversation is known. */
  private attach(conversationId: unknown): void {
    if (this.attached || typeof conversationId !== 'string' || !conversationId) return;
    this.attached = true;
    this.images = imageLedger.attach(conversationId, this.images, this.newPrompt);
  }

  private apply(path: unknown, op: unknown, value: unknown): void {
    if (op === 'patch' && Array.isArray(value)) {
      for (const item of value) {
        const sub = asRecord(item);
        if (sub) this.apply(sub.p ?? '', sub.o ?? 'add', sub.v);
      }
      return;
    }
    if (typeof path !== 'string') return;
    const envelope = asRecord(value);
    if (envelope && asRecord(envelope.message)) {
      // A new message, whatever path the previous event left behind.
      this.startMessage(asRecord(envelope.message));
      return;
    }
    if (path === '') {
      if (typeof envelope?.error === 'string' && envelope.error) this.turn.status('error');
      return;
    }
    if (path.startsWith('/message/content/thoughts')) {
      if (this.countAs === 'reasoning') countThoughts(value, this.turn);
      return;
    }
    if (path.startsWith('/message/content/parts') || path === '/message/content/text') {
      // `replace` would rewrite text already counted; only appends and adds are new text.
      if (typeof value === 'string' && (op === 'append' || op === 'add')) {
        if (this.countAs === 'answer') this.turn.answer(value);
      } else {
        this.notePart(value);
      }
      return;
    }
    if (path.startsWith('/message/metadata')) {
      const leaf = path.slice('/message/metadata'.length);
      if (leaf === '') this.noteMetadata(asRecord(value));
      else if (leaf === '/finish_details') this.noteFinish(asRecord(value));
      else if (leaf === '/resolved_model_slug') this.noteResolvedModel(value);
      else if (leaf === '/image_gen_task_id') this.noteImageTask(value);
    }
  }

  private startMessage(message: Record<string, unknown> | undefined, countInitialText = true): void {
    if (!message) return;
    const role = asRecord(message.author)?.role;
    this.role = role;
    const content = asRecord(message.content);
    const contentType = content?.content_type;
    if (role === 'assistant' && contentType === 'thoughts') this.countAs = 'reasoning';
    else if (role === 'assistant' && typeof contentType === 'string' && ANSWER_CONTENT.has(contentType)) {
      this.countAs = 'answer';
    } else this.countAs = 'none';

    if (content && countInitialText) {
      if (this.countAs === 'reasoning') countThoughts(content.thoughts, this.turn);
      const initialText = typeof content.text === 'string' ? [content.text] : content.parts;
      if (Array.isArray(initialText)) for (const part of initialText) this.notePartOrText(part);
    }
    const metadata = asRecord(message.metadata);
    this.noteMetadata(metadata);
    if (role === 'assistant' && !this.resolvedModelSeen) this.turn.model(metadata?.model_slug, 'response');
  }

  private notePartOrText(part: unknown): void {
    if (typeof part === 'string') {
      if (this.countAs === 'answer') this.turn.answer(part);
    } else {
      this.notePart(part);
    }
  }

  /**
   * Generated images arrive as `image_asset_pointer` parts of tool or
   * assistant messages; the user's own uploads, echoed in the stream, are not.
   */
  private notePart(value: unknown): void {
    if (this.role === 'tool' || this.role === 'assistant') this.images.addPointers(value);
  }

  private noteMetadata(metadata: Record<string, unknown> | undefined): void {
    if (!metadata) return;
    this.noteResolvedModel(metadata.resolved_model_slug);
    this.noteFinish(asRecord(metadata.finish_details));
    this.noteImageTask(metadata.image_gen_task_id);
  }

  private noteResolvedModel(slug: unknown): void {
    if (typeof slug !== 'string' || !slug) return;
    this.resolvedModelSeen = true;
    this.turn.model(slug, 'response');
  }

  private noteFinish(details: Record<string, unknown> | undefined): void {
    if (details?.type === 'interrupted') this.interrupted = true;
  }

  private noteImageTask(taskId: unknown): void {
    if (this.images.addTask(taskId)) this.turn.kind('image');
  }

  /**
   * Before the v1 encoding each event carried the whole message so far. Count
   * what is new since the last event of the same message.
   */
  private legacyEvent(event: Record<string, unknown>): void {
    const message = asRecord(event.message);
    if (!message) return;
    if (message.id !== this.legacyMessageId) {
      this.legacyMessageId = message.id;
      this.legacyCounted = 0;
      this.startMessage(message, false);
    } else {
      this.noteMetadata(asRecord(message.metadata));
    }
    const parts = asRecord(message.content)?.parts;
    if (!Array.isArray(parts)) return;
    const text = parts.filter((part): part is string => typeof part === 'string').join('');
    this.notePart(parts);
    if (this.countAs === 'answer' && text.length > this.legacyCounted) {
      this.turn.answer(text.slice(this.legacyCounted));
      this.legacyCounted = text.length;
    }
  }
}

/** Thoughts arrive as strings (appends) or `{summary, content}` objects, alone or in arrays. */
function countThoughts(value: unknown, turn: TurnReport): void {
  if (typeof value === 'string') {
    turn.reasoning(value);
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    const thought = asRecord(item);
    if (!thought) continue;
    if (typeof thought.summary === 'string') turn.reasoning(thought.summary);
    if (typeof thought.content === 'string') turn.reasoning(thought.content);
  }
}

export const chatgptPage: SitePage = {
  site: 'chatgpt',
  // Seen 2026-03 (KudoAI/chatgpt.js, pionxzh/chatgpt-exporter).
  userMessage: '[data-message-author-role="user"]',
  composer: '#prompt-textarea',
};
