import { emptySums, type Kind, type MeasurementSums, type SiteId } from '../event';
import { estimateGroup, type GroupEstimate } from './estimate';
import { type Range, range } from './range';
import type { SourceId } from './sources';

/**
 * Published figures the model is checked against. Each scenario sets up the
 * request the source describes, estimates it, and says whether our low-high
 * range should contain the published figure. Where it should not (a
 * different boundary or a different accounting), METHODOLOGY.md explains why
 * under the scenario's id; the tests hold both to account.
 */
export interface Scenario {
  readonly id: string;
  readonly claim: string;
  readonly source: SourceId;
  /** A single figure, or a published span (for ratios). */
  readonly published: number | { readonly low: number; readonly high: number };
  readonly unit: 'Wh' | 'g CO2e' | 'mL' | 'x';
  /** How the request was set up where the source does not say. */
  readonly setup: string;
  readonly expect: 'inside' | 'outside';
  readonly estimate: () => Range;
}

export interface ValidationResult {
  readonly scenario: Scenario;
  readonly ours: Range;
  /** A figure inside our low-high range; for a span, our central value inside the span. */
  readonly inside: boolean;
  readonly asExpected: boolean;
}

interface Request {
  readonly site: SiteId | null;
  readonly model: string | null;
  readonly kind?: Kind;
  readonly input?: number;
  readonly output?: number;
  readonly reasoning?: number;
  readonly images?: number;
}

function sumsFor(request: Request): MeasurementSums {
  const input = request.input ?? 0;
  return {
    ...emptySums(),
    count: 1,
    complete: 1,
    inputTokens: input,
    inputTokensSq: input * input,
    outputTokens: request.output ?? 0,
    reasoningTokens: request.reasoning ?? 0,
    images: request.images ?? 0,
  };
}

function estimate(request: Request): GroupEstimate {
  const key = { site: request.site, model: request.model, kind: request.kind ?? 'text', task: 'chat' } as const;
  return estimateGroup(key, sumsFor(request));
}

const energy = (request: Request) => () => estimate(request).energyWh;

/**
 * Ratio of two estimates taken end by end (both use the same constants at
 * each end); the ratio's bounds are the smallest and largest of the three.
 */
function ratio(numerator: Request, denominator: Request): () => Range {
  return () => {
    const top = estimate(numerator).energyWh;
    const bottom = estimate(denominator).energyWh;
    const ratios = [top.low / bottom.low, top.central / bottom.central, top.high / bottom.high];
    return range(Math.min(...ratios), top.central / bottom.central, Math.max(...ratios));
  };
}

const GEMINI_MEDIAN: Request = { site: 'gemini', model: '35609594dbe934d8', input: 50, output: 400 };
const CHATGPT_AVERAGE: Request = { site: 'chatgpt', model: 'gpt-4o', input: 50, output: 500 };
const MISTRAL_ANSWER: Request = { site: 'mistral', model: 'mistral-large-latest', input: 50, output: 400 };
const SDXL_IMAGE: Request = { site: null, model: 'stable-diffusion-xl-base-1.0', kind: 'image', images: 1 };

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'google-gemini-energy',
    claim: 'Gemini Apps median text prompt: 0.24 Wh (comprehensive boundary, May 2025)',
    source: 'google2025',
    published: 0.24,
    unit: 'Wh',
    setup: 'gemini.google.com, Gemini 2.5 Flash, 50 prompt tokens, 400 answer tokens (tokens not published)',
    expect: 'inside',
    estimate: energy(GEMINI_MEDIAN),
  },
  {
    id: 'google-gemini-water',
    claim: 'Gemini Apps median text prompt: 0.26 mL of water consumed on site',
    source: 'google2025',
    published: 0.26,
    unit: 'mL',
    setup: 'as above; on-site water only, as Google reports',
    expect: 'inside',
    estimate: () => estimate(GEMINI_MEDIAN).waterMl.onSite,
  },
  {
    id: 'openai-chatgpt-energy',
    claim: 'ChatGPT average query: 0.34 Wh (June 2025, no method given)',
    source: 'openai2025',
    published: 0.34,
    unit: 'Wh',
    setup: 'chatgpt.com, GPT-4o (the default then), 50 prompt tokens, 500 answer tokens',
    expect: 'inside',
    estimate: energy(CHATGPT_AVERAGE),
  },
  {
    id: 'openai-chatgpt-water',
    claim: 'ChatGPT average query: about 0.32 mL of water',
    source: 'openai2025',
    published: 0.32,
    unit: 'mL',
    setup: 'as above; compared with on-site water (OpenAI does not say which)',
    expect: 'inside',
    estimate: () => estimate(CHATGPT_AVERAGE).waterMl.onSite,
  },
  {
    id: 'epoch-gpt4o-500',
    claim: 'GPT-4o, 500 output tokens: about 0.3 Wh',
    source: 'epoch2025',
    published: 0.3,
    unit: 'Wh',
    setup: 'no site (a bare request), GPT-4o, 20 prompt tokens, 500 answer tokens',
    expect: 'inside',
    estimate: energy({ site: null, model: 'gpt-4o', input: 20, output: 500 }),
  },
  {
    id: 'epoch-gpt4o-10k-input',
    claim: 'GPT-4o with 10k input tokens: about 2.5 Wh',
    source: 'epoch2025',
    published: 2.5,
    unit: 'Wh',
    setup: 'no site, GPT-4o, 10,000 prompt tokens, 500 answer tokens',
    expect: 'inside',
    estimate: energy({ site: null, model: 'gpt-4o', input: 10_000, output: 500 }),
  },
  {
    id: 'epoch-gpt4o-100k-input',
    claim: 'GPT-4o with 100k input tokens: about 40 Wh',
    source: 'epoch2025',
    published: 40,
    unit: 'Wh',
    setup: 'no site, GPT-4o, 100,000 prompt tokens, 500 answer tokens',
    expect: 'inside',
    estimate: energy({ site: null, model: 'gpt-4o', input: 100_000, output: 500 }),
  },
  {
    id: 'epoch-gpt4o-mini',
    claim: 'GPT-4o mini, 500 output tokens: about 0.06 Wh',
    source: 'epoch2025',
    published: 0.06,
    unit: 'Wh',
    setup: 'no site, GPT-4o mini, 20 prompt tokens, 500 answer tokens',
    expect: 'inside',
    estimate: energy({ site: null, model: 'gpt-4o-mini', input: 20, output: 500 }),
  },
  {
    id: 'ecologits-mistral-large',
    claim: 'Mistral Large 2, 400 output tokens: about 0.23 Wh (EcoLogits)',
    source: 'ecologits',
    published: 0.23,
    unit: 'Wh',
    setup: 'no site, Mistral Large 2 in Mistral\'s Swedish data centre, 400 answer tokens, no prompt (EcoLogits counts none)',
    expect: 'inside',
    estimate: energy({ site: null, model: 'mistral-large-2411', output: 400 }),
  },
  {
    id: 'mistral-lca-co2',
    claim: 'Mistral Large 2, 400-token response: 1.14 g CO2e (full life cycle)',
    source: 'mistral2025',
    published: 1.14,
    unit: 'g CO2e',
    setup: 'chat.mistral.ai, Mistral Large 2, 50 + 400 tokens; ours is use phase plus embodied share, Swedish grid',
    expect: 'outside',
    estimate: () => {
      const answer = estimate(MISTRAL_ANSWER);
      return range(
        answer.co2g.low + answer.embodiedCo2g.low,
        answer.co2g.central + answer.embodiedCo2g.central,
        answer.co2g.high + answer.embodiedCo2g.high,
      );
    },
  },
  {
    id: 'mistral-lca-water',
    claim: 'Mistral Large 2, 400-token response: 45 mL of water (full life cycle)',
    source: 'mistral2025',
    published: 45,
    unit: 'mL',
    setup: 'as above; ours is on-site plus off-site water of the electricity',
    expect: 'outside',
    estimate: () => estimate(MISTRAL_ANSWER).waterMl.total,
  },
  {
    id: 'luccioni-image-median',
    claim: 'Image generation: 1.35 Wh per image (median over models)',
    source: 'luccioni2024',
    published: 1.35,
    unit: 'Wh',
    setup: 'no site, a latent diffusion model (SDXL, priced by the diffusion family), one image',
    expect: 'inside',
    estimate: energy(SDXL_IMAGE),
  },
  {
    id: 'luccioni-image-mean',
    claim: 'Image generation: 2.9 Wh per image (mean over models)',
    source: 'luccioni2024',
    published: 2.9,
    unit: 'Wh',
    setup: 'as above',
    expect: 'inside',
    estimate: energy(SDXL_IMAGE),
  },
  {
    id: 'luccioni-sdxl',
    claim: 'stable-diffusion-xl-base-1.0: 11.49 Wh per image (11.49 kWh per 1,000; the costliest model measured)',
    source: 'luccioni2024',
    published: 11.49,
    unit: 'Wh',
    setup: 'as above: the same model the figure was measured on (A100, unbatched)',
    expect: 'inside',
    estimate: energy(SDXL_IMAGE),
  },
  {
    id: 'mittr-sd3-medium',
    claim: 'Stable Diffusion 3 Medium, one 1024 px image: 0.63 Wh',
    source: 'mitTechReview2025',
    published: 0.63,
    unit: 'Wh',
    setup: 'no site, SD3 Medium, one image',
    expect: 'inside',
    estimate: energy({ site: null, model: 'stable-diffusion-3-medium', kind: 'image', images: 1 }),
  },
  {
    id: 'mittr-video',
    claim: 'A 5-second video clip from an open model: about 944 Wh',
    source: 'mitTechReview2025',
    published: 944,
    unit: 'Wh',
    setup: 'no site, unidentified video model, one clip',
    expect: 'inside',
    estimate: energy({ site: null, model: null, kind: 'video', images: 1 }),
  },
  {
    id: 'mlenergy-reasoning',
    claim: 'Reasoning multiplies energy per answer 5-25x (about 10x the tokens)',
    source: 'mlEnergy2025',
    published: { low: 5, high: 25 },
    unit: 'x',
    setup: 'chat.deepseek.com, DeepThink (500 answer + 4,500 reasoning tokens, whole trace shown) over the same answer without thinking',
    expect: 'inside',
    estimate: ratio(
      { site: 'deepseek', model: 'deepseek-deepthink', input: 50, output: 500, reasoning: 4500 },
      { site: 'deepseek', model: 'deepseek-chat', input: 50, output: 500 },
    ),
  },
  {
    id: 'devries-chatgpt',
    claim: 'ChatGPT request: 2.9 Wh (server-count estimate, 2023)',
    source: 'deVries2023',
    published: 2.9,
    unit: 'Wh',
    setup: 'as the OpenAI scenario; now considered about 10x high, it falls near our high end',
    expect: 'inside',
    estimate: energy(CHATGPT_AVERAGE),
  },
];

function isInside(published: Scenario['published'], ours: Range): boolean {
  if (typeof published === 'number') return ours.low <= published && published <= ours.high;
  return published.low <= ours.central && ours.central <= published.high;
}

export function validate(scenarios: readonly Scenario[] = SCENARIOS): ValidationResult[] {
  return scenarios.map((scenario) => {
    const ours = scenario.estimate();
    const inside = isInside(scenario.published, ours);
    return { scenario, ours, inside, asExpected: inside === (scenario.expect === 'inside') };
  });
}

/** Three significant digits at most, no trailing zeros. */
function formatNumber(value: number): string {
  return value >= 1000 ? value.toFixed(0) : String(Number(value.toPrecision(3)));
}

function formatPublished(published: Scenario['published']): string {
  return typeof published === 'number' ? formatNumber(published) : `${published.low}-${published.high}`;
}

/** The validation table as plain text, one line per scenario (the script and the tests print it). */
export function formatValidationTable(results: readonly ValidationResult[]): string {
  const header = ['scenario', 'published', 'ours: low / central / high', 'unit', 'inside', 'result'];
  const rows = results.map(({ scenario, ours, inside, asExpected }) => [
    scenario.id,
    formatPublished(scenario.published),
    `${formatNumber(ours.low)} / ${formatNumber(ours.central)} / ${formatNumber(ours.high)}`,
    scenario.unit,
    inside ? 'yes' : 'no',
    asExpected ? (inside ? 'ok' : 'ok, outside as explained') : 'UNEXPECTED',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
