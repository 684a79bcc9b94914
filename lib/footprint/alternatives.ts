import type { MeasurementSums, Task } from '../event';
import { type EstimateOptions, footprintFromItEnergy, type GroupKey, type PartEstimate } from './estimate';
import { HOSTING, type Hosting } from './hosting';
import { range, type Range, scale } from './range';
import type { SourceId } from './sources';
import { embodiedGPerItWh } from './text';

/**
 * The simpler tool that could have done each task, priced per use from
 * published measurements. Figures are per query or per inference as the
 * sources report them; we treat them as IT energy and add the hosting's PUE,
 * which errs against our own point where a source already included overhead.
 */
export interface Alternative {
  readonly id: AlternativeId;
  /** i18n key for the tool's name. */
  readonly labelKey: string;
  /** IT Wh per use. */
  readonly whPerUse: Range;
  readonly hosting: Hosting;
  readonly sources: readonly SourceId[];
  readonly note: string;
}

export const ALTERNATIVE_IDS = [
  'web-search',
  'translation-model',
  'summarisation-model',
  'small-local-model',
  'stock-image-search',
] as const;
export type AlternativeId = (typeof ALTERNATIVE_IDS)[number];

/** A web search: Vanderbauwhede's update for current hardware (2023) to Google's own 2009 figure. */
const WEB_SEARCH_WH: Range = range(0.04, 0.04, 0.3);

/**
 * Luccioni et al. (2024) measured task-specific summarisers at 0.049 kWh per
 * 1,000 inferences (0.049 Wh each). The bounds, a third and three times the
 * mean, are our assumption [I]: a ninefold span, wider than the 2.5x spread
 * Luccioni et al. report between task-specific summarisers (4-10 g CO2e per
 * 1,000 queries), to cover translation being a different task and hardware
 * other than their A100s.
 */
const TASK_MODEL_WH: Range = range(0.049 / 3, 0.049, 0.049 * 3);

export const ALTERNATIVES: Readonly<Record<AlternativeId, Alternative>> = {
  'web-search': {
    id: 'web-search',
    labelKey: 'alternative.web-search',
    whPerUse: WEB_SEARCH_WH,
    hosting: HOSTING.google,
    sources: ['vanderbauwhede2023', 'google2009'],
    note: 'One search results page; reading the pages it links to is outside the boundary, as is reading an answer.',
  },
  'translation-model': {
    id: 'translation-model',
    labelKey: 'alternative.translation-model',
    // No translation task in Luccioni et al.: summarisation is the nearest
    // text-to-text task they measured with task-specific models.
    whPerUse: TASK_MODEL_WH,
    hosting: HOSTING.unknown,
    sources: ['luccioni2024', 'frugalAssumption'],
    note: 'A dedicated translation model (encoder-decoder, hundreds of millions of parameters), priced as a task-specific summariser.',
  },
  'summarisation-model': {
    id: 'summarisation-model',
    labelKey: 'alternative.summarisation-model',
    whPerUse: TASK_MODEL_WH,
    hosting: HOSTING.unknown,
    sources: ['luccioni2024', 'frugalAssumption'],
    note: 'A task-specific summariser (BART or T5 class).',
  },
  'small-local-model': {
    id: 'small-local-model',
    labelKey: 'alternative.small-local-model',
    // Luccioni et al. (2024): text generation by small task models, 0.047 Wh
    // per inference; a 1-8B model on a laptop answering in 10-20 s at 20-30 W
    // lands in 0.03-0.1 Wh [I].
    whPerUse: range(0.03, 0.047, 0.1),
    hosting: HOSTING.device,
    sources: ['luccioni2024', 'frugalAssumption'],
    note: 'A small open model run locally; also our choice for "other" requests (maths, plans, comparisons).',
  },
  'stock-image-search': {
    id: 'stock-image-search',
    labelKey: 'alternative.stock-image-search',
    whPerUse: WEB_SEARCH_WH,
    hosting: HOSTING.google,
    sources: ['vanderbauwhede2023', 'google2009'],
    note: 'One image search on a search engine or stock library, priced as a web search.',
  },
};

export const ALTERNATIVE_FOR_TASK: Readonly<Record<Task, AlternativeId>> = {
  lookup: 'web-search',
  translate: 'translation-model',
  summarize: 'summarisation-model',
  code: 'small-local-model',
  write: 'small-local-model',
  chat: 'small-local-model',
  other: 'small-local-model',
  image: 'stock-image-search',
};

export interface AlternativeEstimate extends PartEstimate {
  readonly task: Task;
  readonly alternative: Alternative;
  /** Uses of the alternative: one per prompt. */
  readonly uses: number;
}

/** Small servers and laptops: EcoLogits' embodied ratio for a model that fits on one GPU. */
const ALTERNATIVE_EMBODIED_G_PER_IT_WH = embodiedGPerItWh(8, 8);

/** What the simpler tool would have cost for the same prompts: one use per prompt, linear in the count. */
export function alternativesFor(
  key: GroupKey,
  sums: MeasurementSums,
  options: EstimateOptions = {},
): AlternativeEstimate {
  const alternative = ALTERNATIVES[ALTERNATIVE_FOR_TASK[key.task]];
  const uses = Number.isFinite(sums.count) && sums.count > 0 ? sums.count : 0;
  const region = options.region && options.region !== 'provider' ? options.region : alternative.hosting.region;
  const footprint = footprintFromItEnergy(
    scale(alternative.whPerUse, uses),
    alternative.hosting,
    region,
    ALTERNATIVE_EMBODIED_G_PER_IT_WH,
  );
  return { ...footprint, task: key.task, alternative, uses };
}
