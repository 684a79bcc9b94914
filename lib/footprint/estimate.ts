import { type Kind, type Measurement, type MeasurementSums, type SiteId, type Task, sumsOf } from '../event';
import { GRID_REGIONS, type RegionCode } from './grid';
import type { Hosting } from './hosting';
import { resolutionFactor } from './media';
import { add, type Range, scale, sum, times, ZERO } from './range';
import { type ResolvedGroup, type ResolvedMedia, type ResolvedText, resolveGroup } from './resolve';
import { NO_SITE_CONTEXT, SITE_PROFILES } from './site-profiles';
import { type ContextAssumption, embodiedGPerItWh, type TextCoefficients, textCoefficients } from './text';

/**
 * The footprint of a group of prompts that share a site, model, kind and task,
 * from the sums of their measurements. Every result is a sum of coefficient x
 * measured sum, with coefficients fixed by the key and the options, so
 * estimating a week from daily rollups gives exactly the sum of the estimates
 * of its prompts.
 */

export interface GroupKey {
  /** Null when the site is unknown (the command line). */
  readonly site: SiteId | null;
  readonly model: string | null;
  readonly kind: Kind;
  readonly task: Task;
}

export interface EstimateOptions {
  /**
   * The grid whose carbon intensity and water per kWh apply. 'provider'
   * (default) uses the region where each model is hosted; a country code or
   * 'WORLD' applies the user's choice to everything.
   */
  readonly region?: RegionCode | 'provider';
  /** Pixels per generated image, when a site reports it (the stored event does not today). */
  readonly imagePixels?: number;
}

export interface Water {
  /** Evaporated in the data centre's cooling (what providers report). */
  readonly onSite: Range;
  /** Consumed by power plants to generate the electricity. */
  readonly offSite: Range;
  readonly total: Range;
}

export interface Footprint {
  /** Data-centre energy, cooling and power losses included (Wh). */
  readonly energyWh: Range;
  /** Location-based emissions of that electricity, use phase only (g CO2e). */
  readonly co2g: Range;
  /** Manufacturing of the servers, allocated by use time, shown apart (g CO2e). */
  readonly embodiedCo2g: Range;
  readonly waterMl: Water;
}

export const EMPTY_FOOTPRINT: Footprint = {
  energyWh: ZERO,
  co2g: ZERO,
  embodiedCo2g: ZERO,
  waterMl: { onSite: ZERO, offSite: ZERO, total: ZERO },
};

/** The footprint of one side of a group (the chat model's tokens, or the generated media). */
export interface PartEstimate extends Footprint {
  readonly region: RegionCode;
}

export interface GroupEstimate extends Footprint {
  readonly key: GroupKey;
  readonly resolved: ResolvedGroup;
  readonly text: PartEstimate | null;
  readonly media: PartEstimate | null;
  /** The grid of the generating model (the media model for images and video), for the CSV. */
  readonly gridRegion: RegionCode;
}

/**
 * Image and video models run on the same 8-GPU servers as chat models; their
 * embodied share per Wh is EcoLogits' ratio for a model that fills one server.
 */
const MEDIA_EMBODIED_G_PER_IT_WH = embodiedGPerItWh(200, 200);

export function addFootprints(a: Footprint, b: Footprint): Footprint {
  return {
    energyWh: add(a.energyWh, b.energyWh),
    co2g: add(a.co2g, b.co2g),
    embodiedCo2g: add(a.embodiedCo2g, b.embodiedCo2g),
    waterMl: {
      onSite: add(a.waterMl.onSite, b.waterMl.onSite),
      offSite: add(a.waterMl.offSite, b.waterMl.offSite),
      total: add(a.waterMl.total, b.waterMl.total),
    },
  };
}

/** A corrupted sum (negative, NaN, infinite) counts as zero rather than poisoning a total. */
function clean(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function regionFor(hosting: Hosting, options: EstimateOptions): RegionCode {
  return options.region && options.region !== 'provider' ? options.region : hosting.region;
}

/**
 * From IT energy to everything else. Facility energy = IT x PUE; on-site
 * water = IT x WUE (L/kWh is mL/Wh); off-site water = facility energy x the
 * grid's water per kWh (Li et al. 2025); CO2e = facility energy x grid
 * intensity; embodied = IT energy x the hardware's grams per Wh.
 */
export function footprintFromItEnergy(
  itWh: Range,
  hosting: Hosting,
  region: RegionCode,
  embodiedGPerWh: number,
): PartEstimate {
  const grid = GRID_REGIONS[region];
  const energyWh = times(itWh, hosting.pue);
  const onSite = times(itWh, hosting.wueOnSite);
  const offSite = scale(energyWh, grid.waterLitresPerKwh);
  return {
    region,
    energyWh,
    co2g: scale(energyWh, grid.gCo2PerKwh / 1000),
    embodiedCo2g: scale(itWh, embodiedGPerWh),
    waterMl: { onSite, offSite, total: add(onSite, offSite) },
  };
}

function contextFor(site: SiteId | null, text: ResolvedText): ContextAssumption {
  const siteContext = site ? SITE_PROFILES[site] : NO_SITE_CONTEXT;
  return {
    hiddenContextTokens: text.row.hiddenContextTokens ?? siteContext.hiddenContextTokens,
    hiddenReasoningFactor: siteContext.hiddenReasoningFactor,
  };
}

/** The per-unit IT Wh of each measured sum, for the text side of a key. */
function textCoefficientsFor(site: SiteId | null, text: ResolvedText): TextCoefficients {
  return textCoefficients(text.params, contextFor(site, text));
}

function textItEnergy(coefficients: TextCoefficients, sums: MeasurementSums): Range {
  return sum([
    scale(coefficients.count, clean(sums.count)),
    scale(coefficients.inputTokens, clean(sums.inputTokens)),
    scale(coefficients.inputTokensSq, clean(sums.inputTokensSq)),
    scale(coefficients.outputTokens, clean(sums.outputTokens)),
    scale(coefficients.reasoningTokens, clean(sums.reasoningTokens)),
  ]);
}

function estimateText(
  site: SiteId | null,
  text: ResolvedText,
  sums: MeasurementSums,
  options: EstimateOptions,
): PartEstimate {
  const itWh = textItEnergy(textCoefficientsFor(site, text), sums);
  const embodied = embodiedGPerItWh(text.params.active.central, text.params.total.central);
  return footprintFromItEnergy(itWh, text.hosting, regionFor(text.hosting, options), embodied);
}

function estimateMedia(media: ResolvedMedia, sums: MeasurementSums, options: EstimateOptions): PartEstimate {
  const perItem = scale(media.whPerItem, resolutionFactor(media.family, options.imagePixels));
  const itWh = scale(perItem, clean(sums.images));
  return footprintFromItEnergy(itWh, media.hosting, regionFor(media.hosting, options), MEDIA_EMBODIED_G_PER_IT_WH);
}

export function estimateGroup(key: GroupKey, sums: MeasurementSums, options: EstimateOptions = {}): GroupEstimate {
  const resolved = resolveGroup(key.site, key.model, key.kind);
  if (resolved.kind === 'text') {
    const chat = estimateText(key.site, resolved.text, sums, options);
    return { ...chat, key, resolved, text: chat, media: null, gridRegion: chat.region };
  }
  const text = resolved.text ? estimateText(key.site, resolved.text, sums, options) : null;
  const media = estimateMedia(resolved.media, sums, options);
  const total = text ? addFootprints(text, media) : media;
  // The generating model's grid names the event in the CSV's single grid_region column.
  return { ...total, key, resolved, text, media, gridRegion: media.region };
}

/** One stored event, for the CSV export: the same function applied to the event's own sums. */
export function estimateEvent(
  event: Measurement & { site: SiteId | null },
  options: EstimateOptions = {},
): GroupEstimate {
  const key: GroupKey = { site: event.site, model: event.model, kind: event.kind, task: event.task };
  return estimateGroup(key, sumsOf(event), options);
}
