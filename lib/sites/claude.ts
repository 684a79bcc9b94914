import { asRecord, parseJson, SseDecoder } from '../capture/sse';
import type { ResponseReader, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * Claude (claude.ai). Formats as seen in public clients and notes up to 2026-08
 * (lugia19/Claude-Usage-Extension injections/usage-sse-watcher.js, a 2025-12
 * "claude.ai internal API" write-up; see ../shared/research/sites.md):
 *
 * - A prompt is `POST /api/organizations/{org}/chat_conversations/{conv}/completion`,
 *   JSON body `prompt`, `model` (often absent after the first message),
 *   `parent_message_uuid`, `attachments`, `files`. Regenerate is
 *   `…/{conv}/retry_completion`, whose body carries no prompt text: a
 *   regenerated turn records no input characters. An edit is a plain
 *   completion with another parent.
 * - `POST …/chat_conversations` with `{uuid, model}` creates a conversation
 *   before its first completion: not a prompt, but it names the model that the
 *   following completions of that conversation use when their body does not.
 * - The answer streams as SSE in the Messages API shape: `message_start`
 *   (`message.model`: "" in 2025-12, the model slug by 2026-08),
 *   `content_block_start` / `content_block_delta` / `content_block_stop`,
 *   `message_delta` (stop_reason), `message_limit` (usage windows, not an
 *   answer), `message_stop`, `error`.
 * - Deltas: `text_delta` (answer), `input_json_delta` (tool calls and
 *   artifacts, which the model writes: answer), `thinking_delta` (raw
 *   thinking, 2025-12) or `thinking_summary_delta` (2026-08: only summaries of
 *   the thinking reach the page, so reasoning counts are then a floor).
 *   Tool results (web pages read) are not generated text and are not counted.
 *
 * Cannot see: claude.ai's 2026 "merged experience" sends prompts over
 * Connect-RPC in binary protobuf (`/claudeai-rpc/…/PerformAction`), which this
 * adapter does not decode (the health witness will report those prompts as
 * missed); the model of a conversation opened from history whose completion
 * body and stream both omit it; the input of a regenerate.
 */

const API_PATH = /^\/api\/organizations\/[^/]+\/chat_conversations(?:\/([^/]+)\/(?:retry_)?completion)?\/?$/;

/** Conversations remembered per page for their model; a page rarely touches more than a few. */
const REMEMBERED_CONVERSATIONS = 32;
const conversationModels = new Map<string, string>();

function rememberModel(conversation: unknown, model: unknown): void {
  if (typeof conversation !== 'string' || typeof model !== 'string' || !model) return;
  conversationModels.delete(conversation);
  conversationModels.set(conversation, model);
  const oldest = conversationModels.keys().next().value;
  if (conversationModels.size > REMEMBERED_CONVERSATIONS && oldest !== undefined) conversationModels.delete(oldest);
}

export const claude: SiteAdapter = {
  site: 'claude',
  version: 1,

  watches(url, method) {
    return method === 'POST' && API_PATH.test(url.pathname);
  },

  request(req, open) {
    const conversation = API_PATH.exec(req.url.pathname)?.[1];
    const body = asRecord(parseJson(req.body ?? ''));
    if (!conversation) {
      rememberModel(body?.uuid, body?.model);
      return null;
    }
    rememberModel(conversation, body?.model);
    const turn = open();
    if (typeof body?.prompt === 'string') turn.prompt(body.prompt);
    turn.model(conversationModels.get(conversation), 'request');
    return new MessagesReader(turn);
  },
};

type ReasoningDelta = 'thinking_delta' | 'thinking_summary_delta';

/** Reads one completion's SSE into the turn. */
class MessagesReader implements ResponseReader {
  private readonly sse = new SseDecoder(({ data }) => this.event(asRecord(parseJson(data))));
  /**
   * Whichever kind of reasoning delta comes first is counted: where a stream
   * carried both the thinking and summaries of it, counting both would count
   * the same reasoning twice.
   */
  private reasoningDelta: ReasoningDelta | undefined;

  constructor(private readonly turn: TurnReport) {}

  chunk(text: string): void {
    this.sse.push(text);
  }

  end(): void {
    this.sse.finish();
  }

  private event(event: Record<string, unknown> | undefined): void {
    switch (event?.type) {
      case 'message_start':
        this.turn.model(asRecord(event.message)?.model, 'response');
        break;
      case 'content_block_start':
        this.blockStart(asRecord(event.content_block));
        break;
      case 'content_block_delta':
        this.delta(asRecord(event.delta));
        break;
      case 'message_stop':
        this.turn.status('complete');
        break;
      case 'error':
        this.turn.status('error');
        break;
    }
  }

  /** A block may open with text already in it. */
  private blockStart(block: Record<string, unknown> | undefined): void {
    if (block?.type === 'text') this.turn.answer(text(block.text));
    else if (block?.type === 'thinking') this.turn.reasoning(text(block.thinking));
  }

  private delta(delta: Record<string, unknown> | undefined): void {
    switch (delta?.type) {
      case 'text_delta':
        this.turn.answer(text(delta.text));
        break;
      case 'input_json_delta':
        this.turn.answer(text(delta.partial_json));
        break;
      case 'thinking_delta':
        this.reason('thinking_delta', delta.thinking);
        break;
      case 'thinking_summary_delta':
        this.reason('thinking_summary_delta', asRecord(delta.summary)?.summary);
        break;
    }
  }

  private reason(kind: ReasoningDelta, value: unknown): void {
    this.reasoningDelta ??= kind;
    if (kind === this.reasoningDelta) this.turn.reasoning(text(value));
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export const claudePage: SitePage = {
  site: 'claude',
  // Seen 2026 (lugia19/Claude-Usage-Extension; public provider DOM captures).
  userMessage: '[data-testid="user-message"]',
  // Seen 2026: a ProseMirror editor, `div[data-testid="chat-input"][contenteditable="true"]`.
  composer: '[data-testid="chat-input"]',
};
