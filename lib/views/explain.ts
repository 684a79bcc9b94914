import { emptySums, type MeasurementSums, type StoredEvent, sumsOf } from '../event';
import type { EstimateOptions, GroupEstimate, GroupKey, Hosting, ResolvedMedia, ResolvedText, SourceId } from '../footprint';
import { estimateGroup } from '../footprint/estimate';
import { GRID_REGIONS, type GridRegion } from '../footprint/grid';
import type { Range } from '../footprint/range';
import { type Source, SOURCES } from '../footprint/sources';

/**
 * "How was this number computed?" for one prompt. The footprint model is
 * linear in the measured sums, so the energy splits exactly into one part per
 * measured quantity: the estimate of the same prompt with only that quantity
 * kept. The parts add up to the total, and no coefficient is re-derived here.
 */

export const PRICED_FIELDS = ['count', 'inputTokens', 'inputTokensSq', 'outputTokens', 'reasoningTokens', 'images'] as const;
export type PricedField = (typeof PRICED_FIELDS)[number];

export interface Term {
  readonly field: PricedField;
  /** The measured amount (1 for `count`: one prompt's hidden context). */
  readonly amount: number;
  readonly energyWh: Range;
}

export interface Explanation {
  readonly estimate: GroupEstimate;
  readonly terms: readonly Term[];
  readonly text: ResolvedText | null;
  readonly media: ResolvedMedia | null;
  /** The hosting and grid of the generating model (the media model for images). */
  readonly hosting: Hosting;
  readonly grid: GridRegion;
  readonly sources: readonly { readonly id: SourceId; readonly source: Source }[];
}

function only(field: PricedField, sums: MeasurementSums): MeasurementSums {
  return { ...emptySums(), [field]: sums[field] };
}

export function explainEvent(event: StoredEvent, options: EstimateOptions = {}): Explanation {
  const key: GroupKey = { site: event.site, model: event.model, kind: event.kind, task: event.task };
  const sums = sumsOf(event);
  const estimate = estimateGroup(key, sums, options);
  const terms = PRICED_FIELDS.filter((field) => sums[field] > 0)
    .map((field) => ({ field, amount: sums[field], energyWh: estimateGroup(key, only(field, sums), options).energyWh }))
    .filter((term) => term.energyWh.high > 0);
  const { text, media } = estimate.resolved;
  const generating = media ?? text!;
  const ids = new Set<SourceId>([
    ...(text?.row.sources ?? []),
    ...(text?.alias?.source ? [text.alias.source] : []),
    ...(media?.row.sources ?? []),
    ...(media?.family.sources ?? []),
    ...generating.hosting.sources,
    ...GRID_REGIONS[estimate.gridRegion].sources,
  ]);
  return {
    estimate,
    terms,
    text,
    media,
    hosting: generating.hosting,
    grid: GRID_REGIONS[estimate.gridRegion],
    sources: [...ids].map((id) => ({ id, source: SOURCES[id] })),
  };
}
