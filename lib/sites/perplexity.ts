import { asRecord, parseJson, SseDecoder, type SseMessage } from '../capture/sse';
import type { ResponseReader, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * Perplexity (www.perplexity.ai). Formats as seen in public clients built from
 * captures, 2025-12 to 2026-09 (helallao/perplexity-ai, gpt4free Perplexity.py,
 * a capture-tested Python adapter, a Rust reader "captured 15/09/2026"; see
 * ../shared/research/sites.md):
 *
 * - A prompt is `POST /rest/sse/perplexity_ask`, JSON `{query_str, params}`
 *   with `params.mode` ("concise", "copilot"…) and `params.model_preference`
 *   ("turbo", "pplx_pro", "claude45sonnetthinking"…). A rewrite sends it
 *   again. `…/perplexity_ask/reconnect/{uuid}` replays a stream after a drop
 *   or a reload: not watched, since on a fresh page it would look like a new
 *   prompt (a dropped stream's tail is lost instead).
 * - The answer is SSE (CRLF) of whole JSON frames: `display_model`,
 *   `status` ("PENDING"… "COMPLETED"), `final_sse_message`, and `blocks[]`,
 *   each with an `intended_usage` and either a field (`markdown_block`,
 *   `plan_block`, `web_result_block`…) or a `diff_block {field, patches}`
 *   of JSON patches on that field's previous value: a root replace (a whole
 *   snapshot), `add /chunks/N` (one token), `replace /answer`,
 *   `/goals/N/description`. The stream ends with `event: end_of_stream`.
 * - The answer is the `ask_text` markdown block: its `answer` once assembled
 *   (final frame), else its `chunks` joined. Sections (`ask_text_N_markdown`)
 *   repeat parts of it, so the longest markdown text counts, never a sum.
 *   From 2026-09 the text may instead live in a `workflow_block`:
 *   `steps[].items[type WORKFLOW_ITEM_TEXT].payload.text_payload.chunks`.
 * - Reasoning: the Pro Search plan, `plan_block.goals[].description`, written
 *   by the model as it works. Retrieved sources are input, not counted.
 * - Complete: `final_sse_message` with `status: "COMPLETED"` (`text_completed`
 *   turns true one frame early and is not trusted).
 *
 * Guessed, not seen: `status: "FAILED"` on the final frame as an error
 * (HTTP errors are caught by the tap). Cannot see: the retrieved pages (thousands
 * of input tokens in search modes), images Perplexity generates, the thinking
 * of reasoning models beyond the plan.
 */

const ASK_PATH = /^\/rest\/sse\/perplexity_ask\/?$/;

/** Block fields with text to measure; every other field (sources, widgets) is never kept. */
const MEASURED_FIELDS = ['markdown_block', 'workflow_block', 'plan_block'];

export const perplexity: SiteAdapter = {
  site: 'perplexity',
  version: 1,

  watches(url, method) {
    return method === 'POST' && ASK_PATH.test(url.pathname);
  },

  request(req, open) {
    const body = asRecord(parseJson(req.body ?? ''));
    if (!body) return null;
    const turn = open();
    if (typeof body.query_str === 'string') turn.prompt(body.query_str);
    turn.model(asRecord(body.params)?.model_preference, 'request');
    return new AskReader(turn);
  },
};

/** Reads one perplexity_ask stream into the turn. */
class AskReader implements ResponseReader {
  private readonly sse = new SseDecoder((message) => this.message(message));
  /** The current value of each measured block field, by `intended_usage#field`. */
  private readonly fields = new Map<string, unknown>();

  constructor(private readonly turn: TurnReport) {}

  chunk(text: string): void {
    this.sse.push(text);
    this.measure();
  }

  end(): void {
    this.sse.finish();
    this.measure();
  }

  private message({ data }: SseMessage): void {
    const frame = asRecord(parseJson(data));
    if (!frame) return;
    this.turn.model(frame.display_model, 'response');
    for (const block of list(frame.blocks)) this.block(asRecord(block));
    if (frame.final_sse_message !== true) return;
    if (frame.status === 'COMPLETED') this.turn.status('complete');
    else if (frame.status === 'FAILED') this.turn.status('error');
  }

  private block(block: Record<string, unknown> | undefined): void {
    if (typeof block?.intended_usage !== 'string') return;
    const usage = block.intended_usage;
    const diff = asRecord(block.diff_block);
    if (!diff) {
      for (const field of MEASURED_FIELDS) if (field in block) this.fields.set(`${usage}#${field}`, block[field]);
      return;
    }
    if (typeof diff.field !== 'string' || !MEASURED_FIELDS.includes(diff.field)) return;
    const key = `${usage}#${diff.field}`;
    let value = this.fields.get(key);
    for (const patch of list(diff.patches)) value = applyPatch(value, asRecord(patch));
    this.fields.set(key, value);
  }

  /** Once per network chunk rather than per frame: frames can be one token each. */
  private measure(): void {
    let answer = '';
    let reasoning = '';
    for (const [key, value] of this.fields) {
      if (key.endsWith('#plan_block')) reasoning = longest(reasoning, planText(value));
      else answer = longest(answer, key.endsWith('#markdown_block') ? markdownText(value) : workflowText(value));
    }
    this.turn.answerSnapshot(answer);
    this.turn.reasoningSnapshot(reasoning);
  }
}

function markdownText(block: unknown): string {
  const record = asRecord(block);
  return typeof record?.answer === 'string' && record.answer ? record.answer : joined(record?.chunks);
}

function workflowText(block: unknown): string {
  let text = '';
  for (const step of list(asRecord(block)?.steps)) {
    for (const item of list(asRecord(step)?.items)) {
      const record = asRecord(item);
      if (record?.type !== 'WORKFLOW_ITEM_TEXT') continue;
      text = longest(text, joined(asRecord(asRecord(record.payload)?.text_payload)?.chunks));
    }
  }
  return text;
}

function planText(block: unknown): string {
  return list(asRecord(block)?.goals)
    .map((goal) => asRecord(goal)?.description)
    .filter((description) => typeof description === 'string')
    .join('');
}

type Container = Record<string, unknown> | unknown[];

/**
 * JSON-patch `add` and `replace` (RFC 6902) on a block field: the only
 * operations seen in Perplexity's diff blocks. Array indexes must fall inside
 * the array or just past its end, so a bad index cannot grow one without bound.
 */
function applyPatch(root: unknown, patch: Record<string, unknown> | undefined): unknown {
  const op = patch?.op;
  const path = patch?.path;
  if ((op !== 'add' && op !== 'replace') || typeof path !== 'string') return root;
  if (path === '') return patch!.value;
  const keys = path.slice(1).split('/');
  if (keys.includes('__proto__')) return root;
  const top = isContainer(root) ? root : containerFor(keys[0]!);
  let node = top;
  for (const [depth, key] of keys.entries()) {
    const last = depth === keys.length - 1;
    if (Array.isArray(node)) {
      const index = key === '-' ? node.length : Number(key);
      if (!Number.isInteger(index) || index < 0 || index > node.length) break;
      if (last) node.splice(index, op === 'add' ? 0 : 1, patch!.value);
      else node = isContainer(node[index]) ? (node[index] as Container) : (node[index] = containerFor(keys[depth + 1]!));
    } else if (last) {
      node[key] = patch!.value;
    } else {
      node = isContainer(node[key]) ? (node[key] as Container) : (node[key] = containerFor(keys[depth + 1]!));
    }
  }
  return top;
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** What a missing step of a patch path becomes: an array when the next key is an index. */
function containerFor(nextKey: string): Container {
  return /^(\d+|-)$/.test(nextKey) ? [] : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function joined(chunks: unknown): string {
  return list(chunks)
    .filter((chunk) => typeof chunk === 'string')
    .join('');
}

function longest(a: string, b: string): string {
  return b.length > a.length ? b : a;
}

export const perplexityPage: SitePage = {
  site: 'perplexity',
  // Seen 2025-10 in a third-party extension: each query is an h1 with the Tailwind class
  // group/query. No data-* attribute is known for it; the least certain selector here.
  userMessage: 'h1[class*="query"]',
  // Seen 2025-10 to 2026: `div#ask-input` (Lexical editor); before, a textarea with that id.
  composer: '#ask-input',
};
