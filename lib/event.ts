/**
 * The stored event: raw measurements of one prompt, never its text.
 *
 * CONTRACT (see README "Data format"): field names and meanings are relied on by
 * the CSV export/import and by users' own analyses. Change them only on purpose,
 * with a schema migration and a CHANGELOG entry.
 */

export const SITE_IDS = [
  'chatgpt',
  'claude',
  'gemini',
  'copilot',
  'perplexity',
  'deepseek',
  'mistral',
  'grok',
  'meta',
  'poe',
  'huggingchat',
  'midjourney',
  'bing-image-creator',
  'leonardo',
  'ideogram',
  'firefly',
] as const;
export type SiteId = (typeof SITE_IDS)[number];

export const KINDS = ['text', 'image', 'video'] as const;
export type Kind = (typeof KINDS)[number];

/** Where the model id came from, most trustworthy first. */
export const MODEL_SOURCES = ['response', 'request', 'page', 'unknown'] as const;
export type ModelSource = (typeof MODEL_SOURCES)[number];

export const TASKS = ['lookup', 'translate', 'summarize', 'code', 'write', 'chat', 'image', 'other'] as const;
export type Task = (typeof TASKS)[number];

export const STATUSES = ['complete', 'interrupted', 'error'] as const;
export type Status = (typeof STATUSES)[number];

export const DETECTORS = ['network', 'dom'] as const;
export type Detector = (typeof DETECTORS)[number];

/** The numbers a detector measures for one prompt. Everything except the site. */
export interface Measurement {
  /** UUID, chosen where the prompt was seen; a continuation of the same turn reuses it. */
  id: string;
  /** Epoch ms when the request started. */
  at: number;
  kind: Kind;
  /** The site's own model id, lower-cased and sanitised; resolved against lib/footprint at read time. */
  model: string | null;
  modelSource: ModelSource;
  task: Task;
  inputChars: number;
  outputChars: number;
  reasoningChars: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  images: number;
  durationMs: number;
  status: Status;
  detector: Detector;
  adapterVersion: number;
}

/** A stored event: a measurement plus the site, which the background takes from the sender's URL. */
export interface StoredEvent extends Measurement {
  site: SiteId;
}

/**
 * Upper bounds for every number. A real prompt stays far below them; a forged or
 * corrupted one cannot inflate totals beyond them.
 */
export const LIMITS = {
  /** About 50 books; prompts with pasted documents stay well below. */
  chars: 20_000_000,
  tokens: 10_000_000,
  /** A Midjourney grid is 4; batch tools allow a few dozen. */
  images: 64,
  /** A day: deep-research runs take up to ~30 min; anything beyond is a clock error. */
  durationMs: 86_400_000,
  adapterVersion: 1_000,
  modelLength: 80,
} as const;

/** Characters allowed in a stored model id: what sites use in slugs and versions. */
export const MODEL_ID_PATTERN = /^[a-z0-9][a-z0-9._:/+-]*$/;

/**
 * Turn a site's model string into the stored form: lower case, spaces to dashes,
 * anything outside MODEL_ID_PATTERN dropped. Returns null when nothing usable is left.
 */
export function sanitizeModelId(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const cleaned = raw
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9._:/+-]/g, '')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, LIMITS.modelLength);
  return cleaned.length > 0 ? cleaned : null;
}

/**
 * Sums of raw measurements over a group of events (one day's rollup, a week, a
 * whole history). Every estimate in lib/footprint is a function of these sums, so
 * a total computed from daily rollups equals the sum of per-event estimates.
 * `inputTokensSq` (the sum of squared input tokens) lets prefill cost grow
 * faster than linearly with a long prompt and still add up exactly.
 */
export interface MeasurementSums {
  count: number;
  inputChars: number;
  outputChars: number;
  reasoningChars: number;
  inputTokens: number;
  inputTokensSq: number;
  outputTokens: number;
  reasoningTokens: number;
  images: number;
  durationMs: number;
  complete: number;
  interrupted: number;
  error: number;
}

export const SUM_FIELDS = [
  'count',
  'inputChars',
  'outputChars',
  'reasoningChars',
  'inputTokens',
  'inputTokensSq',
  'outputTokens',
  'reasoningTokens',
  'images',
  'durationMs',
  'complete',
  'interrupted',
  'error',
] as const satisfies readonly (keyof MeasurementSums)[];

export function emptySums(): MeasurementSums {
  return {
    count: 0,
    inputChars: 0,
    outputChars: 0,
    reasoningChars: 0,
    inputTokens: 0,
    inputTokensSq: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    images: 0,
    durationMs: 0,
    complete: 0,
    interrupted: 0,
    error: 0,
  };
}

/** The sums of a single event. */
export function sumsOf(event: Measurement): MeasurementSums {
  return {
    count: 1,
    inputChars: event.inputChars,
    outputChars: event.outputChars,
    reasoningChars: event.reasoningChars,
    inputTokens: event.inputTokens,
    inputTokensSq: event.inputTokens * event.inputTokens,
    outputTokens: event.outputTokens,
    reasoningTokens: event.reasoningTokens,
    images: event.images,
    durationMs: event.durationMs,
    complete: event.status === 'complete' ? 1 : 0,
    interrupted: event.status === 'interrupted' ? 1 : 0,
    error: event.status === 'error' ? 1 : 0,
  };
}

/** `into += sign * add`, field by field, never below zero (float residue on subtraction). */
export function addSums(into: MeasurementSums, add: MeasurementSums, sign: 1 | -1 = 1): MeasurementSums {
  for (const field of SUM_FIELDS) {
    into[field] = Math.max(0, into[field] + sign * add[field]);
  }
  return into;
}
