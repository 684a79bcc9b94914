import { asRecord, parseJson } from '../capture/sse';
import type { OpenTurn, ResponseReader, SiteAdapter, SitePage, SocketReader, TurnReport } from './types';

/**
 * Poe (poe.com). A prompt is an HTTP request, its answer arrives over a
 * WebSocket. Formats as seen in public clients, 2024 to 2026 (snowby666/poe-api-wrapper,
 * a cURL capture from Chrome 131 in a Rust client, a Go gateway reading the channel):
 *
 * - Prompt: `POST /api/gql_POST` (with attachments `/api/gql_upload_POST`,
 *   multipart, the JSON in the `queryInfo` field) with
 *   `{queryName, variables: {bot, query, chatId (null for a new chat),
 *   clientNonce, …}, extensions: {hash}}`. The name has been
 *   `sendMessageMutation`, `SendMessageMutation`,
 *   `chatHelpers_sendMessageMutation_Mutation` and
 *   `chatHelpersSendNewChatMessageMutation`; regenerate is
 *   `RegenerateMessageMutation {messageId}` (the bot message). Every other
 *   GraphQL call (history, subscriptions, `…messageCancel…`) is not a prompt.
 * - The response is `{data: {messageEdgeCreate: {status, chat: {chatId}, …}}}`;
 *   a status other than "success" means no answer comes, except
 *   "message_points_display_price_mismatch", after which the page sends the same
 *   prompt again with the new price.
 * - The answer: WebSocket `wss://tch<N>.tch.poe.com/up/<box>/updates?…`, frames
 *   `{"messages": ["<json>", …], "min_seq"}` whose strings are
 *   `{message_type: "subscriptionUpdate", payload: {subscription_name,
 *   unique_id: "<name>:<chatId>", data: {messageAdded: {messageId, author,
 *   text, state, clientNonce}}}}`. `text` is cumulative; `state` is
 *   "incomplete", then "complete", "cancelled" or "error_…". The user's own
 *   message comes back with `author: "human"` and its `clientNonce`.
 *   `messageCancelled` means the user stopped the answer.
 * - One prompt can get several bot messages (a search step, @-mentioned bots);
 *   each counts, and `author` (the bot that answered) is the model.
 * - Generated media are links in the text to
 *   `pfst.cf2.poecdn.net/base/image/<hash>` or `…/base/video/<hash>` (seen in
 *   public pages 2025-2026; inferred, not seen in a stream).
 *
 * How a turn opened by the HTTP request meets its answer: the request registers
 * the prompt under its chat id (or, for a new chat, its clientNonce until the
 * chat id is known) in a small registry shared with the socket reader. The
 * tap finishes the turn when the HTTP response ends; frames arriving later
 * reopen it through its continuation key, so the prompt stays one event.
 *
 * Cannot see: which model a bot runs (the bot name is recorded, e.g.
 * "claude-sonnet-4.5" or an internal handle); reasoning, which Poe streams as
 * part of the text; a regenerated answer's prompt length (not resent).
 */

const GRAPHQL_PATH = /^\/api\/gql(?:_upload)?_POST$/;
const CHANNEL_PATH = /^\/up\/[^/]+\/updates\/?$/;
const PROMPT_QUERY = /send(?:newchat)?messagemutation/;
const REGENERATE_QUERY = /regeneratemessagemutation/;
const PRICE_CHANGED = 'message_points_display_price_mismatch';
/** Prompts awaiting their answer; a tab sends one at a time, a few at most. */
const MAX_AWAITING = 8;
const MAX_RESPONSE = 1 << 20;
const MAX_IMAGES = 64;
const IMAGE_LINK = /poecdn\.net\/base\/image\/([0-9a-f]+)/g;
const VIDEO_LINK = /poecdn\.net\/base\/video\//;

/** Who is holding the turn open: the HTTP request, the socket, or nobody (finished, reopenable). */
type Holder = 'request' | 'socket' | 'none';

interface Prompt {
  key: string;
  turn: TurnReport;
  holder: Holder;
  bot: unknown;
  chatId?: string | undefined;
  nonce?: unknown;
  /** The bot message a regenerate request rewrites. */
  regenerates?: string | undefined;
  /** The server asked for the same prompt again at a new price. */
  resendExpected: boolean;
  /** Answer characters counted per bot message (the text is cumulative). */
  counted: Map<string, number>;
  finished: Set<string>;
}

// Pure: the relay bundle imports this file for poePage only, and must not keep the adapter.
export const poe: SiteAdapter = /* @__PURE__ */ poeAdapter();

/** A Poe adapter with its own registry of prompts awaiting answers. */
export function poeAdapter(): SiteAdapter {
  const awaiting: Prompt[] = [];
  let serial = 0;

  const register = (prompt: Prompt): void => {
    awaiting.push(prompt);
    if (awaiting.length > MAX_AWAITING) awaiting.shift();
  };
  const drop = (prompt: Prompt): void => {
    const index = awaiting.indexOf(prompt);
    if (index >= 0) awaiting.splice(index, 1);
  };

  return {
    site: 'poe',
    version: 1,

    watches(url, method) {
      return method === 'POST' && GRAPHQL_PATH.test(url.pathname);
    },

    request(req, open) {
      const queryInfo = req.form?.get('queryInfo');
      const query = asRecord(parseJson(req.body ?? (typeof queryInfo === 'string' ? queryInfo : '')));
      const name = String(query?.queryName).toLowerCase();
      const variables = asRecord(query?.variables);
      if (!variables) return null;
      const chatId = variables.chatId == null ? undefined : String(variables.chatId);

      if (PROMPT_QUERY.test(name)) {
        const resent = awaiting.find((p) => p.resendExpected && p.bot === variables.bot && p.chatId === chatId);
        if (resent) {
          resent.resendExpected = false;
          resent.turn = open(resent.key);
          resent.holder = 'request';
          resent.nonce = variables.clientNonce;
          return new MutationReader(resent, drop);
        }
        const turn = open();
        const prompt = newPrompt(`poe:${++serial}`, turn, variables.bot);
        prompt.chatId = chatId;
        prompt.nonce = variables.clientNonce;
        if (typeof variables.query === 'string') turn.prompt(variables.query);
        turn.model(variables.bot, 'request');
        register(prompt);
        return new MutationReader(prompt, drop);
      }
      if (REGENERATE_QUERY.test(name) && variables.messageId != null) {
        const prompt = newPrompt(`poe:${++serial}`, open(), undefined);
        prompt.regenerates = String(variables.messageId);
        register(prompt);
        return new MutationReader(prompt, drop);
      }
      return null;
    },

    socket(url, open) {
      if (!url.hostname.endsWith('.poe.com') || !CHANNEL_PATH.test(url.pathname)) return null;
      return new UpdateChannel(awaiting, open);
    },
  };
}

function newPrompt(key: string, turn: TurnReport, bot: unknown): Prompt {
  turn.continuationKey(key);
  return { key, turn, holder: 'request', bot, resendExpected: false, counted: new Map(), finished: new Set() };
}

/** Reads the mutation's JSON answer: did the prompt go through, and in which chat. */
class MutationReader implements ResponseReader {
  private body = '';

  constructor(
    private readonly prompt: Prompt,
    private readonly drop: (prompt: Prompt) => void,
  ) {}

  start(status: number): void {
    if (status >= 400) this.drop(this.prompt);
  }

  chunk(text: string): void {
    if (this.body.length < MAX_RESPONSE) this.body += text;
  }

  end(): void {
    const prompt = this.prompt;
    // The tap finishes the turn right after this; frames arriving later reopen it.
    if (prompt.holder === 'request') prompt.holder = 'none';
    const response = asRecord(parseJson(this.body));
    const data = asRecord(response?.data);
    const result = asRecord(data && Object.values(data)[0]);
    const status = result?.status;
    if (status === PRICE_CHANGED) {
      prompt.resendExpected = true;
    } else if ((typeof status === 'string' && status !== 'success') || (!result && response?.errors)) {
      prompt.turn.status('error');
      this.drop(prompt);
    } else {
      const chatId = asRecord(result?.chat)?.chatId;
      if (chatId != null) prompt.chatId = String(chatId);
    }
    this.body = '';
  }
}

/** Reads one update channel; any number of prompts may be awaiting answers on it. */
class UpdateChannel implements SocketReader {
  constructor(
    private readonly awaiting: Prompt[],
    private readonly open: OpenTurn,
  ) {}

  /** The page sends nothing on this channel that belongs to a prompt. */
  sent(): void {}

  received(data: string): void {
    const frame = asRecord(parseJson(data));
    const messages = Array.isArray(frame?.messages) ? frame.messages : [];
    for (const item of messages) {
      const payload = asRecord(asRecord(typeof item === 'string' ? parseJson(item) : item)?.payload);
      if (!payload) continue;
      const chatId = String(payload.unique_id).split(':')[1];
      const update = asRecord(payload.data);
      if (payload.subscription_name === 'messageAdded') this.messageAdded(chatId, asRecord(update?.messageAdded));
      else if (payload.subscription_name === 'messageCancelled') this.cancelled(chatId);
    }
  }

  /** Turns this socket reopened end with it; a later socket's frames reopen them again. */
  closed(): void {
    for (const prompt of this.awaiting) {
      if (prompt.holder === 'socket') this.release(prompt);
    }
  }

  private messageAdded(chatId: string | undefined, message: Record<string, unknown> | undefined): void {
    if (!message || chatId === undefined) return;
    if (message.author === 'human') {
      const prompt = this.awaiting.find((p) => p.chatId === undefined && p.nonce != null && p.nonce === message.clientNonce);
      if (prompt) prompt.chatId = chatId;
      return;
    }
    const messageId = String(message.messageId);
    const prompt = this.latest((p) => p.chatId === chatId || p.regenerates === messageId);
    if (!prompt || prompt.finished.has(messageId)) return;
    prompt.chatId = chatId;
    const turn = this.hold(prompt);
    if (!turn) return;
    turn.model(message.author, 'response');
    const text = typeof message.text === 'string' ? message.text : '';
    const counted = prompt.counted.get(messageId) ?? 0;
    if (text.length > counted) {
      turn.answer(text.slice(counted));
      prompt.counted.set(messageId, text.length);
    }
    const state = String(message.state);
    const failed = state.startsWith('error');
    if (state !== 'complete' && state !== 'cancelled' && !failed) return;
    prompt.finished.add(messageId);
    countMedia(text, turn);
    turn.status(failed ? 'error' : state === 'complete' ? 'complete' : 'interrupted');
    this.release(prompt);
  }

  private cancelled(chatId: string | undefined): void {
    const prompt = this.latest((p) => p.chatId === chatId);
    if (!prompt || prompt.holder === 'none') return;
    prompt.turn.status('interrupted');
    this.release(prompt);
  }

  private latest(match: (prompt: Prompt) => boolean): Prompt | undefined {
    for (let i = this.awaiting.length - 1; i >= 0; i--) {
      const prompt = this.awaiting[i]!;
      if (match(prompt)) return prompt;
    }
    return undefined;
  }

  /**
   * The prompt's turn, reopened when the HTTP response already finished it; null
   * when the tap no longer remembers it (reopening would record a prompt-less event).
   */
  private hold(prompt: Prompt): TurnReport | null {
    if (prompt.holder === 'none') {
      const reopened = this.open.resume(prompt.key);
      if (!reopened) return null;
      prompt.turn = reopened;
      prompt.holder = 'socket';
    }
    return prompt.turn;
  }

  private release(prompt: Prompt): void {
    prompt.turn.close();
    prompt.holder = 'none';
  }
}

function countMedia(text: string, turn: TurnReport): void {
  if (VIDEO_LINK.test(text)) {
    turn.kind('video');
    return;
  }
  const images = new Set<string>();
  for (const match of text.matchAll(IMAGE_LINK)) {
    if (images.size < MAX_IMAGES) images.add(match[1]!);
  }
  turn.images(images.size);
}

export const poePage: SitePage = {
  site: 'poe',
  // Seen 2025-2026 in several public exporters: CSS-module class names whose
  // hash suffix changes with each deploy, so match on the prefix.
  userMessage: '[class*="Message_rightSideMessageBubble"]',
  composer: 'textarea[class*="GrowingTextArea"]',
};
