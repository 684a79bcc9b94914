import type { MeasurementSums } from '../event';
import { alternativesFor } from './alternatives';
import {
  addFootprints,
  EMPTY_FOOTPRINT,
  type EstimateOptions,
  estimateGroup,
  type Footprint,
  type GroupEstimate,
  type GroupKey,
} from './estimate';
import type { ModelRow } from './models';

/**
 * Totals over many groups (days, sites, models, tasks) and what the simpler
 * tools would have cost for the same prompts.
 *
 * Ranges add end to end: the total's low is the sum of the lows and its high
 * the sum of the highs. They are not combined in quadrature (root-sum-square)
 * because the uncertainty is not independent noise per prompt: it sits in
 * constants every prompt shares (how many GPUs' worth of work a token costs,
 * a model's size, the hidden context a site adds). If the calibration is 3x
 * too high for one prompt it is 3x too high for all of them, so a year of use
 * is exactly as uncertain, relatively, as a single prompt. Averaging the
 * errors away would shrink the range as use grows and claim a precision the
 * model does not have.
 */

export interface Group {
  readonly key: GroupKey;
  readonly sums: MeasurementSums;
}

export interface Breakdown {
  /** Site id, registry row id or task; 'unknown' when the site is not known. */
  readonly id: string;
  /** A display name for models (a proper noun); the id otherwise. */
  readonly label: string;
  readonly prompts: number;
  readonly footprint: Footprint;
  /** The simpler tools for the same prompts. */
  readonly alternatives: Footprint;
}

export interface Aggregate {
  readonly prompts: number;
  readonly total: Footprint;
  readonly alternatives: Footprint;
  /** Largest first, by central energy. */
  readonly bySite: readonly Breakdown[];
  readonly byModel: readonly Breakdown[];
  readonly byTask: readonly Breakdown[];
  readonly groups: readonly GroupEstimate[];
}

interface Accumulator {
  label: string;
  prompts: number;
  footprint: Footprint;
  alternatives: Footprint;
}

function accumulate(
  into: Map<string, Accumulator>,
  id: string,
  label: string,
  prompts: number,
  footprint: Footprint,
  alternatives: Footprint,
): void {
  const current = into.get(id) ?? { label, prompts: 0, footprint: EMPTY_FOOTPRINT, alternatives: EMPTY_FOOTPRINT };
  into.set(id, {
    label,
    prompts: current.prompts + prompts,
    footprint: addFootprints(current.footprint, footprint),
    alternatives: addFootprints(current.alternatives, alternatives),
  });
}

function largestFirst(from: Map<string, Accumulator>): Breakdown[] {
  return [...from.entries()]
    .map(([id, entry]) => ({ id, ...entry }))
    .sort((a, b) => b.footprint.energyWh.central - a.footprint.energyWh.central || a.id.localeCompare(b.id));
}

/** The row that generated the output: the media model for images and video, else the chat model. */
function generatingRow({ resolved }: GroupEstimate): ModelRow {
  return resolved.kind === 'text' ? resolved.text.row : resolved.media.row;
}

export function aggregate(groups: Iterable<Group>, options: EstimateOptions = {}): Aggregate {
  const bySite = new Map<string, Accumulator>();
  const byModel = new Map<string, Accumulator>();
  const byTask = new Map<string, Accumulator>();
  const estimates: GroupEstimate[] = [];
  let total = EMPTY_FOOTPRINT;
  let alternatives = EMPTY_FOOTPRINT;
  let prompts = 0;

  for (const { key, sums } of groups) {
    const estimate = estimateGroup(key, sums, options);
    const alternative = alternativesFor(key, sums, options);
    const count = alternative.uses;
    estimates.push(estimate);
    total = addFootprints(total, estimate);
    alternatives = addFootprints(alternatives, alternative);
    prompts += count;
    const site = key.site ?? 'unknown';
    const model = generatingRow(estimate);
    accumulate(bySite, site, site, count, estimate, alternative);
    accumulate(byModel, model.id, model.name, count, estimate, alternative);
    accumulate(byTask, key.task, key.task, count, estimate, alternative);
  }

  return {
    prompts,
    total,
    alternatives,
    bySite: largestFirst(bySite),
    byModel: largestFirst(byModel),
    byTask: largestFirst(byTask),
    groups: estimates,
  };
}
