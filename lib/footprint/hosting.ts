import type { RegionCode } from './grid';
import { exactly, range, type Range } from './range';
import type { SourceId } from './sources';

/**
 * Where a provider serves its models and how efficient those data centres are.
 * PUE multiplies IT energy into facility energy (cooling, power conversion);
 * on-site WUE is litres of water evaporated per kWh of IT energy.
 */
export interface Hosting {
  readonly id: HostingId;
  readonly region: RegionCode;
  readonly pue: Range;
  /** Litres per IT kWh. */
  readonly wueOnSite: Range;
  readonly sources: readonly SourceId[];
  readonly note: string;
}

export const HOSTING_IDS = ['azure', 'anthropic', 'google', 'mistral', 'aws', 'unknown', 'china', 'device'] as const;
export type HostingId = (typeof HOSTING_IDS)[number];

export const HOSTING: Readonly<Record<HostingId, Hosting>> = {
  azure: {
    id: 'azure',
    region: 'USA',
    // EcoLogits uses 1.20 for OpenAI on Azure (2025); Microsoft reports 1.17 fleet-wide for FY25.
    pue: range(1.17, 1.2, 1.2),
    // EcoLogits: 0.569 L/kWh (2025); Microsoft reports 0.27 L/kWh for its newer fleet (2025).
    wueOnSite: range(0.27, 0.569, 0.569),
    sources: ['ecologitsProviders', 'providerReports'],
    note: 'OpenAI and Microsoft Copilot run on Microsoft Azure, mostly in the USA.',
  },
  anthropic: {
    id: 'anthropic',
    region: 'USA',
    // EcoLogits gives a span (AWS and Google Cloud host Claude): PUE 1.09-1.14, WUE 0.13-0.999 (2025).
    pue: range(1.09, 1.115, 1.14),
    wueOnSite: range(0.13, 0.565, 0.999),
    sources: ['ecologitsProviders'],
    note: 'Claude is served from AWS and Google Cloud in the USA; the span covers both.',
  },
  google: {
    id: 'google',
    region: 'USA',
    // Google fleet PUE 1.09-1.10 (2024-2025 reports); EcoLogits uses 1.09 and WUE 0.999 (2025).
    pue: range(1.09, 1.09, 1.1),
    wueOnSite: exactly(0.999),
    sources: ['ecologitsProviders', 'providerReports'],
    note: 'Gemini and Imagen run in Google data centres; the USA is the default region.',
  },
  mistral: {
    id: 'mistral',
    region: 'SWE',
    // EcoLogits: Sweden, PUE 1.16, WUE 0.09 L/kWh (2025).
    pue: exactly(1.16),
    wueOnSite: exactly(0.09),
    sources: ['ecologitsProviders'],
    note: 'Mistral serves Le Chat from a data centre in Sweden.',
  },
  aws: {
    id: 'aws',
    region: 'USA',
    // AWS reports PUE 1.14-1.15 and on-site WUE 0.15 L/kWh (2024-2025).
    pue: range(1.14, 1.145, 1.15),
    wueOnSite: exactly(0.15),
    sources: ['providerReports'],
    note: 'Perplexity and Leonardo run on Amazon Web Services in the USA.',
  },
  unknown: {
    id: 'unknown',
    region: 'USA',
    // Industry averages (2025): best hyperscale 1.10, cloud average 1.25, on-premises 1.63.
    pue: range(1.1, 1.25, 1.63),
    // From AWS (0.15) to Google (1.0), with the Azure figure EcoLogits uses (0.569) in the middle.
    wueOnSite: range(0.15, 0.569, 0.999),
    sources: ['providerReports', 'ecologitsProviders'],
    note: 'Provider does not publish its hosting; most are US-based, so the USA grid is the default.',
  },
  china: {
    id: 'china',
    region: 'CHN',
    // No published efficiency figures: the same industry spans as `unknown`.
    pue: range(1.1, 1.25, 1.63),
    wueOnSite: range(0.15, 0.569, 0.999),
    sources: ['providerReports', 'ecologitsProviders'],
    note: 'DeepSeek and Moonshot serve their own apps from China and publish no data-centre figures.',
  },
  device: {
    id: 'device',
    // The user's own grid: the world average unless the user picks a region.
    region: 'WORLD',
    // A laptop has no data-centre overhead and no cooling water.
    pue: exactly(1),
    wueOnSite: exactly(0),
    sources: ['frugalAssumption'],
    note: "A small model run on the user's own computer (the simpler alternative for writing, code and chat).",
  },
};
