import { asRecord, parseJson, SseDecoder } from '../capture/sse';
import type { OpenTurn, SocketReader } from './types';

/**
 * ChatGPT's generated images, wherever they arrive. An image prompt's SSE
 * stream names the image task (`metadata.image_gen_task_id`) and, when the
 * image is quick, its file (`image_asset_pointer` parts). A slow image
 * finishes after the stream has ended: it reaches the page over the user
 * WebSocket (URL from `GET /backend-api/celsius/ws/user`: `wss://ws.chatgpt.com/ws/user/…`
 * or `…/celsius/ws/user…`), as seen in public clients 2025-26:
 *
 * - frames are JSON, one object or an array of them; `{type: "message",
 *   topic_id, payload: {type: "conversation-turn-stream", payload: {type:
 *   "stream-item", encoded_item: "<SSE text in the v1 encoding>"}}}`; a
 *   subscription's reply replays earlier items in `reply.catchups`;
 *   `{type: "conversation-update", payload: {update_type: "add-messages",
 *   conversation_id, update_content: {messages}}}` adds whole messages;
 * - the SSE's `{type: "stream_handoff", conversation_id, options: [{type:
 *   "subscribe_ws_topic", topic_id}]}` names the topic a turn continues on.
 *
 * One prompt is one event: the ledger below keeps, per conversation, the
 * latest prompt's tasks and files and how many images its event already
 * carries, so the socket adds only what the stream did not (an image counted
 * from its task is not counted again when its file arrives). The socket also
 * carries other tabs' conversations and older prompts' images: those change
 * nothing.
 */

/** Conversations and topics remembered: far more than a tab keeps going at once. */
const REMEMBERED = 16;
const MAX_IMAGES = 64;
const ANSWERING_ROLES = new Set(['tool', 'assistant']);

/** The images of one conversation's latest prompt. */
export class PromptImages {
  readonly tasks = new Set<string>();
  readonly pointers = new Set<string>();
  /** How many of them the prompt's event already carries. */
  reported = 0;

  /** One image per task at least; more when more files arrived. */
  get count(): number {
    return Math.min(MAX_IMAGES, Math.max(this.tasks.size, this.pointers.size));
  }

  addTask(id: unknown): boolean {
    if (typeof id !== 'string' || !id || this.tasks.size >= MAX_IMAGES) return false;
    this.tasks.add(id);
    return true;
  }

  /** File pointers of `image_asset_pointer` parts, alone or in a list. */
  addPointers(parts: unknown): void {
    for (const part of Array.isArray(parts) ? parts : [parts]) {
      const record = asRecord(part);
      if (record?.content_type !== 'image_asset_pointer') continue;
      if (typeof record.asset_pointer === 'string' && this.pointers.size < MAX_IMAGES) this.pointers.add(record.asset_pointer);
    }
  }

  /** The images not yet on the prompt's event, now counted as reported. */
  takeNew(): number {
    const fresh = this.count - this.reported;
    this.reported = Math.max(this.reported, this.count);
    return Math.max(0, fresh);
  }

  absorb(other: PromptImages): void {
    for (const task of other.tasks) this.addTask(task);
    for (const pointer of other.pointers) if (this.pointers.size < MAX_IMAGES) this.pointers.add(pointer);
    this.reported = Math.max(this.reported, other.reported);
  }
}

export class ImageLedger {
  private readonly conversations = new Map<string, PromptImages>();
  private readonly topics = new Map<string, string>();

  /**
   * The stream of a prompt learned its conversation. A new prompt's images
   * replace the conversation's previous ones; a continued stream (/resume)
   * joins the images it already has.
   */
  attach(conversationId: string, images: PromptImages, newPrompt: boolean): PromptImages {
    const existing = this.conversations.get(conversationId);
    if (existing && !newPrompt) {
      existing.absorb(images);
      return existing;
    }
    remember(this.conversations, conversationId, images);
    return images;
  }

  find(conversationId: unknown): PromptImages | undefined {
    return typeof conversationId === 'string' ? this.conversations.get(conversationId) : undefined;
  }

  linkTopic(topicId: unknown, conversationId: unknown): void {
    if (typeof topicId === 'string' && typeof conversationId === 'string') remember(this.topics, topicId, conversationId);
  }

  conversationOf(topicId: unknown): string | undefined {
    return typeof topicId === 'string' ? this.topics.get(topicId) : undefined;
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED) map.delete(map.keys().next().value as string);
}

/** Where one topic's stream items stand: their conversation and the message being added. */
interface TopicState {
  conversationId: string | undefined;
  role: unknown;
  taskId: unknown;
}

/** Reads the user WebSocket for images finished after their prompt's stream ended. */
export class UserSocketImages implements SocketReader {
  private readonly topics = new Map<string, TopicState>();

  constructor(
    private readonly ledger: ImageLedger,
    private readonly open: OpenTurn,
  ) {}

  sent(): void {}

  received(data: string): void {
    // Most frames are text streams, presence and pings: skip them unparsed.
    if (!data.includes('image_asset_pointer') && !data.includes('image_gen_task_id')) return;
    const parsed = parseJson(data);
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) this.item(asRecord(item));
  }

  closed(): void {}

  private item(item: Record<string, unknown> | undefined): void {
    if (!item) return;
    const catchups = asRecord(item.reply)?.catchups;
    if (Array.isArray(catchups)) for (const catchup of catchups) this.item(asRecord(catchup));
    const payload = asRecord(item.payload);
    if (item.type === 'message' && payload?.type === 'conversation-turn-stream') {
      const inner = asRecord(payload.payload);
      if (inner?.type === 'stream-item' && typeof inner.encoded_item === 'string') {
        this.streamItem(String(item.topic_id), inner.encoded_item, payload.conversation_id);
      }
    } else if (item.type === 'conversation-update' && payload?.update_type === 'add-messages') {
      const messages = asRecord(payload.update_content)?.messages;
      if (!Array.isArray(messages)) return;
      for (const message of messages) this.message(typeof payload.conversation_id === 'string' ? payload.conversation_id : undefined, asRecord(message));
    }
  }

  private streamItem(topicId: string, text: string, conversationId: unknown): void {
    const state = this.topic(topicId);
    if (typeof conversationId === 'string') state.conversationId = conversationId;
    const sse = new SseDecoder((message) => this.event(state, asRecord(parseJson(message.data))));
    sse.push(text);
    sse.finish();
  }

  private topic(topicId: string): TopicState {
    let state = this.topics.get(topicId);
    if (!state) {
      state = { conversationId: this.ledger.conversationOf(topicId), role: undefined, taskId: undefined };
      remember(this.topics, topicId, state);
    }
    return state;
  }

  /** A v1 event: a new message, or parts appended to the current one. */
  private event(state: TopicState, event: Record<string, unknown> | undefined): void {
    if (!event) return;
    const value = asRecord(event.v);
    const conversationId = event.conversation_id ?? value?.conversation_id;
    if (typeof conversationId === 'string') state.conversationId = conversationId;
    const message = asRecord(value?.message) ?? asRecord(event.message);
    if (message) {
      state.role = asRecord(message.author)?.role;
      state.taskId = asRecord(message.metadata)?.image_gen_task_id;
      this.message(state.conversationId, message);
    } else if (typeof event.p === 'string' && event.p.startsWith('/message/content/parts')) {
      if (ANSWERING_ROLES.has(String(state.role))) this.record(state.conversationId, state.taskId, event.v);
    }
  }

  private message(conversationId: string | undefined, message: Record<string, unknown> | undefined): void {
    if (!message || !ANSWERING_ROLES.has(String(asRecord(message.author)?.role))) return;
    this.record(conversationId, asRecord(message.metadata)?.image_gen_task_id, asRecord(message.content)?.parts);
  }

  /** Adds a prompt's images; if its event is already final, reopens it for the new ones. */
  private record(conversationId: string | undefined, taskId: unknown, parts: unknown): void {
    const images = this.ledger.find(conversationId);
    if (!images || conversationId === undefined) return;
    // A task the prompt did not start belongs to an earlier prompt, already counted.
    if (typeof taskId === 'string' && images.tasks.size > 0 && !images.tasks.has(taskId)) return;
    images.addTask(taskId);
    images.addPointers(parts);
    if (images.count <= images.reported) return;
    // While the prompt's stream is still open there is nothing to reopen: its end counts them.
    const turn = this.open.resume(conversationId);
    if (!turn) return;
    turn.images(images.takeNew());
    turn.close();
  }
}

/** The user WebSocket: ws.chatgpt.com/ws/user/…, or the celsius path on chatgpt.com. */
export function isUserSocket(url: URL): boolean {
  return ['ws.chatgpt.com', 'chatgpt.com', 'chat.openai.com'].includes(url.hostname) && url.pathname.includes('/ws/user');
}
