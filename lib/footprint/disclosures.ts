import type { SourceId } from './sources';

/**
 * What providers themselves have published per prompt, for showing beside our
 * estimates. These are comparisons, never inputs: each uses its own boundary
 * and accounting. Google's CO2e is market-based (it counts the clean energy it
 * buys), ours is location-based (the grid the data centre draws from);
 * Mistral's is a full life-cycle analysis that includes training.
 */
export interface Disclosure {
  readonly id: DisclosureId;
  readonly provider: string;
  readonly what: string;
  readonly energyWh: number | null;
  readonly co2g: number | null;
  readonly co2Accounting: 'market-based' | 'life-cycle' | null;
  readonly waterMl: number | null;
  readonly waterBoundary: 'on-site' | 'life-cycle' | 'unstated' | null;
  readonly source: SourceId;
}

export const DISCLOSURE_IDS = ['google-gemini-median', 'openai-chatgpt-average', 'mistral-large-2-response'] as const;
export type DisclosureId = (typeof DISCLOSURE_IDS)[number];

export const DISCLOSURES: Readonly<Record<DisclosureId, Disclosure>> = {
  'google-gemini-median': {
    id: 'google-gemini-median',
    provider: 'Google',
    what: 'Median Gemini Apps text prompt, May 2025 (accelerators 58%, host 25%, idle 10%, overhead 8%)',
    energyWh: 0.24,
    co2g: 0.03,
    co2Accounting: 'market-based',
    waterMl: 0.26,
    waterBoundary: 'on-site',
    source: 'google2025',
  },
  'openai-chatgpt-average': {
    id: 'openai-chatgpt-average',
    provider: 'OpenAI',
    what: 'Average ChatGPT query, June 2025 (no method published)',
    energyWh: 0.34,
    co2g: null,
    co2Accounting: null,
    waterMl: 0.32,
    waterBoundary: 'unstated',
    source: 'openai2025',
  },
  'mistral-large-2-response': {
    id: 'mistral-large-2-response',
    provider: 'Mistral AI',
    what: 'A 400-token Le Chat response from Mistral Large 2, full life cycle including training (2025)',
    energyWh: null,
    co2g: 1.14,
    co2Accounting: 'life-cycle',
    waterMl: 45,
    waterBoundary: 'life-cycle',
    source: 'mistral2025',
  },
};
