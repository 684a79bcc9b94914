import type { Kind, SiteId, StoredEvent, Task } from '../../event';
import type { FrugalDb } from '../../store/db';
import { storeMeasurements } from '../../store/events';
import { addDays, startOfDay } from '../../time';

/**
 * A realistic, reproducible history of mixed use for tests and screenshots:
 * more prompts on weekdays than at weekends, ChatGPT first then Claude and
 * Gemini, the task mix of a knowledge worker, model ids as each site's
 * adapter stores them, token counts spread like real prompts (a long tail of
 * pasted documents), thinking turns with reasoning tokens, a few image
 * generations, interrupted and failed turns. The same seed gives the same
 * events, so a test can recompute what the pages must show.
 */

interface SiteUse {
  site: SiteId;
  weight: number;
  /** Model ids as the site's adapter stores them, with their share of the site's prompts. */
  models: readonly [model: string | null, weight: number, thinking?: boolean][];
  /** The id stored for an image turn on this site, if it makes images. */
  imageModel?: string | null;
}

const SITES: readonly SiteUse[] = [
  { site: 'chatgpt', weight: 40, models: [['gpt-5-2', 6], ['gpt-5-2-thinking', 2, true], ['gpt-5-t-mini', 1, true], ['gpt-5-3', 1]], imageModel: 'gpt-5-3' },
  { site: 'claude', weight: 20, models: [['claude-sonnet-4-5', 7], ['claude-opus-4-5', 2, true], ['claude-haiku-4-5', 1]] },
  { site: 'gemini', weight: 15, models: [['fbb127bbb056c959', 6], ['5bf011840784117a', 2, true], ['9d8ca3786ebdfbea', 1]], imageModel: 'gemini-2.5-flash-image' },
  { site: 'perplexity', weight: 8, models: [['turbo', 5], ['pplx_pro', 3], ['pplx_reasoning', 1, true]] },
  { site: 'deepseek', weight: 5, models: [['deepseek-chat', 3], ['deepseek-deepthink', 2, true]] },
  { site: 'mistral', weight: 4, models: [['mistral-medium-2508', 3], ['magistral-medium', 1, true]] },
  { site: 'copilot', weight: 4, models: [['copilot-chat', 3], ['copilot-reasoning', 1, true]] },
  { site: 'grok', weight: 2, models: [['grok-auto', 3], ['grok-expert', 1, true]], imageModel: 'aurora' },
  { site: 'poe', weight: 1, models: [['gpt_5', 1], ['claude_3_igloo', 1]] },
  { site: 'huggingchat', weight: 1, models: [['meta-llama/llama-3.3-70b-instruct', 1], [null, 1]] },
];

const TASKS: readonly [Task, number][] = [
  ['lookup', 20],
  ['code', 18],
  ['write', 15],
  ['chat', 14],
  ['other', 10],
  ['summarize', 9],
  ['translate', 7],
  ['image', 7],
];

/** Median prompt and answer tokens per task; the spread around them is log-normal. */
const TOKENS: Readonly<Record<Task, { input: number; output: number }>> = {
  lookup: { input: 20, output: 250 },
  code: { input: 300, output: 600 },
  write: { input: 120, output: 500 },
  chat: { input: 40, output: 300 },
  other: { input: 80, output: 450 },
  summarize: { input: 2500, output: 300 },
  translate: { input: 200, output: 220 },
  image: { input: 40, output: 30 },
};

/** mulberry32: a small seeded generator, so test data (and a failing fuzz seed) can be made again. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(next: () => number, choices: readonly (readonly [T, number, ...unknown[]])[]): readonly [T, number, ...unknown[]] {
  const total = choices.reduce((sum, choice) => sum + choice[1], 0);
  let roll = next() * total;
  for (const choice of choices) {
    roll -= choice[1];
    if (roll < 0) return choice;
  }
  return choices[choices.length - 1]!;
}

/** A log-normal draw around `median` (sigma 0.9: a tenth of prompts are 3x the median or more). */
function around(next: () => number, median: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return Math.max(1, Math.round(median * Math.exp(0.9 * normal)));
}

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(next() * 4) + 8).toString(16));
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

export interface SampleOptions {
  /** The history ends at this instant (events are never later). */
  now: number;
  days: number;
  seed?: number;
  /** Average prompts on a weekday; weekends get a third of it. */
  perWeekday?: number;
}

export function sampleHistory({ now, days, seed = 7, perWeekday = 14 }: SampleOptions): StoredEvent[] {
  const next = seededRandom(seed);
  const events: StoredEvent[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const dayStart = addDays(startOfDay(now), -back);
    const weekday = new Date(dayStart).getDay();
    const mean = weekday === 0 || weekday === 6 ? perWeekday / 3 : perWeekday;
    const prompts = Math.round(mean * (0.5 + next()));
    for (let index = 0; index < prompts; index++) {
      // Waking hours, 8:00 to 23:00 local time.
      const at = dayStart + Math.floor((8 + next() * 15) * 3_600_000);
      if (at > now) continue;
      events.push(sampleEvent(next, at));
    }
  }
  return events.sort((a, b) => a.at - b.at);
}

function sampleEvent(next: () => number, at: number): StoredEvent {
  const use = pick(next, SITES.map((entry) => [entry, entry.weight] as const))[0];
  let task = pick(next, TASKS)[0];
  if (task === 'image' && use.imageModel === undefined) task = 'write';
  const [model, , thinking] = pick(next, use.models);
  const kind: Kind = task === 'image' ? 'image' : 'text';
  const tokens = TOKENS[task];
  const inputTokens = around(next, tokens.input);
  const outputTokens = around(next, tokens.output);
  const reasoningTokens = thinking === true && kind === 'text' ? around(next, 900) : 0;
  const roll = next();
  const status = roll < 0.04 ? 'interrupted' : roll < 0.05 ? 'error' : 'complete';
  // Characters per token: about 4 for English prose.
  return {
    id: uuid(next),
    at,
    site: use.site,
    kind,
    model: kind === 'image' ? (use.imageModel ?? null) : (model as string | null),
    modelSource: model === null ? 'unknown' : 'response',
    task,
    inputChars: inputTokens * 4,
    outputChars: status === 'error' ? 0 : outputTokens * 4,
    reasoningChars: reasoningTokens * 4,
    inputTokens,
    outputTokens: status === 'error' ? 0 : outputTokens,
    reasoningTokens,
    images: kind === 'image' && status === 'complete' ? 1 + Math.floor(next() * 2) : 0,
    durationMs: Math.round(2_000 + outputTokens * 25 + reasoningTokens * 20),
    status,
    detector: 'network',
    adapterVersion: 1,
  };
}

/** Store events through the store's own write path, one site at a time (as the background does). */
export async function storeEvents(db: FrugalDb, events: readonly StoredEvent[]): Promise<void> {
  const bySite = new Map<SiteId, StoredEvent[]>();
  for (const event of events) bySite.set(event.site, [...(bySite.get(event.site) ?? []), event]);
  for (const [site, siteEvents] of bySite) {
    await storeMeasurements(db, site, siteEvents.map(({ site: _site, ...measurement }) => measurement));
  }
}

/**
 * The last `count` events of a three-year history dense enough to hold them,
 * ending at `now` (so this week has its share): a large history for the benchmarks.
 */
export function sampleHistoryOf(count: number, now: number): StoredEvent[] {
  const days = 3 * 365;
  const events = sampleHistory({ now, days, perWeekday: Math.ceil((count / days) * 1.4) });
  if (events.length < count) throw new Error(`the sample history has only ${events.length} events`);
  return events.slice(events.length - count);
}
