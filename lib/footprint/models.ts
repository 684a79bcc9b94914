import type { Kind } from '../event';
import type { HostingId } from './hosting';
import type { MediaFamilyId } from './media';
import { exactly, range, type Range } from './range';
import type { SourceId } from './sources';
import { type Parameters, widenParameters } from './text';

/**
 * The model registry: one row per model (or family priced alike), with the
 * parameter estimates that drive text energy or the media family that prices
 * images and video, where it is hosted, and where the numbers come from.
 * Site ids map onto rows through aliases.ts.
 */

export const PROVIDERS = [
  'openai',
  'anthropic',
  'google',
  'mistral',
  'deepseek',
  'xai',
  'meta',
  'microsoft',
  'perplexity',
  'moonshot',
  'cohere',
  'midjourney',
  'ideogram',
  'adobe',
  'leonardo',
  'black-forest-labs',
  'stability',
  'unknown',
] as const;
export type Provider = (typeof PROVIDERS)[number];

interface RowBase {
  readonly id: string;
  readonly name: string;
  readonly provider: Provider;
  readonly hosting: HostingId;
  readonly sources: readonly SourceId[];
  /** Year of the estimate the row relies on. */
  readonly year: number;
  /**
   * Published weights that any site can serve itself. On a site that hosts
   * open models (SiteProfile.openModelHosting) such a row takes the site's
   * hosting instead of `hosting`, which is where its maker serves it.
   */
  readonly openWeights?: true;
  readonly note?: string;
}

export interface TextModelRow extends RowBase {
  readonly kind: 'text';
  readonly params: Parameters;
  /** Replaces the site's hidden-context assumption (a deep-research run reads dozens of pages). */
  readonly hiddenContextTokens?: Range;
}

export interface MediaModelRow extends RowBase {
  readonly kind: Exclude<Kind, 'text'>;
  readonly family: MediaFamilyId;
}

export type ModelRow = TextModelRow | MediaModelRow;

/**
 * EcoLogits gives undisclosed mixture-of-experts models a total size and an
 * active share of 10-30%; the central value is the middle of that span.
 */
function moe(total: number, activeLow: number, activeHigh: number): Parameters {
  return { total: exactly(total), active: range(activeLow, (activeLow + activeHigh) / 2, activeHigh) };
}

/** A dense model uses every parameter for every token. */
function dense(low: number, high = low): Parameters {
  const size = range(low, (low + high) / 2, high);
  return { total: size, active: size };
}

/** The frontier chat class: GPT-4o, Claude Sonnet and Gemini 2.x Flash share this EcoLogits estimate (2025). */
const FRONTIER_CLASS = moe(440, 44, 132);
/** A named model of undisclosed size: the frontier chat class pushed out 2x [I]. */
const FRONTIER_GUESS = widenParameters(FRONTIER_CLASS, 2);

/** Row constructors keep each id as a literal type, so aliases can only name rows that exist. */
function text<const Id extends string>(row: Omit<TextModelRow, 'kind' | 'id'> & { id: Id }): TextModelRow & { id: Id } {
  return { ...row, kind: 'text' };
}

function media<const Id extends string>(
  kind: MediaModelRow['kind'],
  row: Omit<MediaModelRow, 'kind' | 'id'> & { id: Id },
): MediaModelRow & { id: Id } {
  return { ...row, kind };
}

const ESTIMATED: readonly SourceId[] = ['ecologitsModels'];

export const MODEL_ROWS = [
  // --- OpenAI (EcoLogits estimates, 2025) ---
  text({ id: 'gpt-4.5', name: 'GPT-4.5', provider: 'openai', params: moe(1760, 176, 528), hosting: 'azure', sources: ['gpt45Launch2025', 'ecologitsModels', 'frugalAssumption'], year: 2025, note: 'Size not disclosed; OpenAI called it its largest chat model (February 2025): priced as GPT-4, the largest EcoLogits estimate short of Pro [I].' }),
  text({ id: 'gpt-4', name: 'GPT-4', provider: 'openai', params: moe(1760, 176, 528), hosting: 'azure', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gpt-4o', name: 'GPT-4o', provider: 'openai', params: moe(440, 44, 132), hosting: 'azure', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gpt-4o-mini', name: 'GPT-4o mini', provider: 'openai', params: dense(8, 28), hosting: 'azure', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gpt-4.1', name: 'GPT-4.1', provider: 'openai', params: moe(352, 35, 106), hosting: 'azure', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gpt-5', name: 'GPT-5 / GPT-5.1', provider: 'openai', params: moe(300, 30, 90), hosting: 'azure', sources: ESTIMATED, year: 2025, note: 'Instant and Thinking share the weights; thinking is priced through reasoning tokens.' }),
  text({ id: 'gpt-5.2', name: 'GPT-5.2', provider: 'openai', params: moe(420, 42, 126), hosting: 'azure', sources: ESTIMATED, year: 2025, note: 'Instant and Thinking share the weights; thinking is priced through reasoning tokens.' }),
  text({ id: 'gpt-5.3', name: 'GPT-5.3', provider: 'openai', params: widenParameters(moe(420, 42, 126), 2), hosting: 'azure', sources: ['ecologitsModels', 'frugalAssumption'], year: 2026, note: 'No estimate published: GPT-5.2 figures with bounds pushed out 2x.' }),
  text({ id: 'gpt-5-mini', name: 'GPT-5 mini', provider: 'openai', params: dense(25, 70), hosting: 'azure', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gpt-5-nano', name: 'GPT-5 nano', provider: 'openai', params: dense(5, 18.5), hosting: 'azure', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gpt-5-pro', name: 'GPT-5 Pro', provider: 'openai', params: moe(3600, 360, 1080), hosting: 'azure', sources: ESTIMATED, year: 2025, note: 'EcoLogits encodes parallel test-time compute as a 12x larger model.' }),
  text({ id: 'o4-mini', name: 'o3-mini / o4-mini', provider: 'openai', params: dense(8, 28), hosting: 'azure', sources: ESTIMATED, year: 2025 }),
  text({ id: 'o3', name: 'o1 / o3', provider: 'openai', params: moe(440, 44, 132), hosting: 'azure', sources: ['ecologitsModels', 'frugalAssumption'], year: 2025, note: 'No estimate published: priced with GPT-4o, the OpenAI flagship of the same period.' }),
  // --- Anthropic (EcoLogits estimates, 2025) ---
  text({ id: 'claude-sonnet', name: 'Claude Sonnet 3.5-4.6', provider: 'anthropic', params: moe(440, 44, 132), hosting: 'anthropic', sources: ESTIMATED, year: 2025 }),
  text({ id: 'claude-opus-4', name: 'Claude Opus 4 / 4.1', provider: 'anthropic', params: moe(2000, 200, 600), hosting: 'anthropic', sources: ESTIMATED, year: 2025 }),
  text({ id: 'claude-opus-4.5', name: 'Claude Opus 4.5 / 4.6', provider: 'anthropic', params: moe(670, 67, 200), hosting: 'anthropic', sources: ESTIMATED, year: 2025 }),
  text({ id: 'claude-haiku', name: 'Claude Haiku 4.5', provider: 'anthropic', params: dense(10, 35), hosting: 'anthropic', sources: ESTIMATED, year: 2025 }),
  // --- Google (EcoLogits estimates, 2025) ---
  text({ id: 'gemini-flash', name: 'Gemini 2.x Flash', provider: 'google', params: moe(440, 44, 132), hosting: 'google', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gemini-flash-lite', name: 'Gemini Flash-Lite', provider: 'google', params: dense(8, 28), hosting: 'google', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gemini-2.5-pro', name: 'Gemini 2.5 Pro', provider: 'google', params: moe(2000, 200, 600), hosting: 'google', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gemini-3-pro', name: 'Gemini 3 Pro', provider: 'google', params: moe(1200, 120, 360), hosting: 'google', sources: ESTIMATED, year: 2025 }),
  text({ id: 'gemini-3-flash', name: 'Gemini 3 Flash', provider: 'google', params: moe(300, 100, 300), hosting: 'google', sources: ESTIMATED, year: 2025 }),
  // --- Mistral (model cards; Medium is an EcoLogits estimate, 2025) ---
  text({ id: 'mistral-large', name: 'Mistral Large 2', provider: 'mistral', params: dense(123), hosting: 'mistral', openWeights: true, sources: ['mistralModels2025'], year: 2025 }),
  text({ id: 'mistral-medium', name: 'Mistral Medium / Magistral Medium', provider: 'mistral', params: dense(70, 120), hosting: 'mistral', sources: ESTIMATED, year: 2025 }),
  text({ id: 'mistral-small', name: 'Mistral Small', provider: 'mistral', params: dense(23.6), hosting: 'mistral', openWeights: true, sources: ['mistralModels2025'], year: 2025 }),
  // --- Open-weight models with published architectures ---
  text({ id: 'deepseek-v3', name: 'DeepSeek V3 / R1 (DeepThink)', provider: 'deepseek', params: { total: exactly(671), active: exactly(37) }, hosting: 'china', openWeights: true, sources: ['deepseek2024'], year: 2024, note: 'R1 (DeepThink) shares V3\'s architecture; its thinking is priced through reasoning tokens.' }),
  text({ id: 'llama-4-maverick', name: 'Llama 4 Maverick', provider: 'meta', params: { total: exactly(400), active: exactly(17) }, hosting: 'unknown', openWeights: true, sources: ['llama2025'], year: 2025 }),
  text({ id: 'llama-4-scout', name: 'Llama 4 Scout', provider: 'meta', params: { total: exactly(109), active: exactly(17) }, hosting: 'unknown', openWeights: true, sources: ['llama2025'], year: 2025 }),
  text({ id: 'kimi-k2', name: 'Kimi K2', provider: 'moonshot', params: { total: exactly(1000), active: exactly(32) }, hosting: 'unknown', openWeights: true, sources: ['kimi2025'], year: 2025 }),
  text({ id: 'command-a', name: 'Cohere Command A', provider: 'cohere', params: dense(111), hosting: 'unknown', openWeights: true, sources: ['cohere2025'], year: 2025 }),
  text({ id: 'grok-1', name: 'Grok-1', provider: 'xai', params: { total: exactly(314), active: exactly(78.5) }, hosting: 'unknown', openWeights: true, sources: ['grok2024'], year: 2024 }),
  text({ id: 'gpt-oss-120b', name: 'gpt-oss-120b', provider: 'openai', params: { total: exactly(117), active: exactly(5.1) }, hosting: 'unknown', openWeights: true, sources: ['gptOss2025'], year: 2025, note: 'Mixture of experts: 117B parameters, 5.1B active per token (OpenAI model card).' }),
  text({ id: 'gpt-oss-20b', name: 'gpt-oss-20b', provider: 'openai', params: { total: exactly(21), active: exactly(3.6) }, hosting: 'unknown', openWeights: true, sources: ['gptOss2025'], year: 2025, note: 'Mixture of experts: 21B parameters, 3.6B active per token (OpenAI model card).' }),
  // --- Undisclosed models priced by assumption ---
  text({ id: 'grok-4', name: 'Grok 3 / 4 (auto, fast, expert)', provider: 'xai', params: FRONTIER_GUESS, hosting: 'unknown', sources: ['ecologitsModels', 'frugalAssumption'], year: 2025, note: 'xAI publishes no size for Grok 3 or 4: frontier chat class with bounds pushed out 2x.' }),
  text({ id: 'grok-heavy', name: 'Grok 4 Heavy', provider: 'xai', params: { total: range(880, 1760, 3520), active: range(88, 352, 1056) }, hosting: 'unknown', sources: ['frugalAssumption'], year: 2025, note: 'Several agents work in parallel: four times the Grok 4 guess, as EcoLogits encodes GPT-5 Pro.' }),
  text({ id: 'sonar', name: 'Perplexity Sonar', provider: 'perplexity', params: dense(70), hosting: 'aws', sources: ['perplexitySonar2025'], year: 2025, note: 'Built on Llama 3.3 70B.' }),
  text({ id: 'perplexity-deep-research', name: 'Perplexity Deep Research', provider: 'perplexity', params: dense(70), hosting: 'aws', sources: ['perplexitySonar2025', 'frugalAssumption'], year: 2025, hiddenContextTokens: range(20_000, 60_000, 200_000), note: 'Reads dozens of pages per report: 20k-200k retrieved tokens assumed.' }),
  // Only ever reached as a guess, so resolve.ts widens it once (UNIDENTIFIED_WIDENING): 22-264B active, 220-880B total.
  text({ id: 'llm-generic', name: 'Unidentified chat model', provider: 'unknown', params: FRONTIER_CLASS, hosting: 'unknown', sources: ['ecologitsModels', 'frugalAssumption'], year: 2025, note: 'Used when neither the model nor the site says more: the frontier chat class, bounds pushed out 2x.' }),
  // --- Image models ---
  media('image', { id: 'gpt-image', name: 'GPT Image (ChatGPT images)', provider: 'openai', family: 'multimodal-llm', hosting: 'azure', sources: ['luccioni2024', 'frugalAssumption'], year: 2025 }),
  media('image', { id: 'dall-e-3', name: 'DALL-E 3', provider: 'openai', family: 'diffusion', hosting: 'azure', sources: ['luccioni2024'], year: 2024 }),
  media('image', { id: 'imagen', name: 'Imagen 3 / 4', provider: 'google', family: 'diffusion', hosting: 'google', sources: ['luccioni2024'], year: 2024 }),
  media('image', { id: 'gemini-image', name: 'Gemini image (Flash Image, 3 Pro Image)', provider: 'google', family: 'multimodal-llm', hosting: 'google', sources: ['luccioni2024', 'frugalAssumption'], year: 2025 }),
  media('image', { id: 'midjourney', name: 'Midjourney', provider: 'midjourney', family: 'diffusion', hosting: 'unknown', sources: ['luccioni2024'], year: 2024 }),
  media('image', { id: 'ideogram', name: 'Ideogram', provider: 'ideogram', family: 'diffusion', hosting: 'unknown', sources: ['luccioni2024'], year: 2024 }),
  media('image', { id: 'firefly', name: 'Adobe Firefly Image', provider: 'adobe', family: 'diffusion', hosting: 'unknown', sources: ['luccioni2024'], year: 2024 }),
  // FLUX.1 dev and schnell have published weights (Leonardo serves them itself); the Pro models do not.
  media('image', { id: 'flux', name: 'FLUX', provider: 'black-forest-labs', family: 'diffusion', hosting: 'unknown', openWeights: true, sources: ['luccioni2024'], year: 2024 }),
  media('image', { id: 'leonardo', name: 'Leonardo (Phoenix, Lucid and others)', provider: 'leonardo', family: 'diffusion', hosting: 'aws', sources: ['luccioni2024'], year: 2024 }),
  media('image', { id: 'stable-diffusion', name: 'Stable Diffusion 1.x-3 Medium', provider: 'stability', family: 'diffusion-small', hosting: 'unknown', openWeights: true, sources: ['mitTechReview2025'], year: 2025 }),
  media('image', { id: 'sdxl', name: 'Stable Diffusion XL', provider: 'stability', family: 'diffusion', hosting: 'unknown', openWeights: true, sources: ['luccioni2024'], year: 2024, note: 'Luccioni et al. measured stable-diffusion-xl-base-1.0 at 11.49 Wh per image (A100, unbatched), the top of the diffusion range.' }),
  media('image', { id: 'aurora', name: 'Grok Aurora', provider: 'xai', family: 'multimodal-llm', hosting: 'unknown', sources: ['luccioni2024', 'frugalAssumption'], year: 2025 }),
  media('image', { id: 'mai-image', name: 'Microsoft MAI-Image-1', provider: 'microsoft', family: 'diffusion', hosting: 'azure', sources: ['luccioni2024', 'frugalAssumption'], year: 2025, note: 'Architecture not disclosed (October 2025): priced as latent diffusion [I].' }),
  media('image', { id: 'emu', name: 'Meta Imagine (Emu)', provider: 'meta', family: 'diffusion', hosting: 'unknown', sources: ['luccioni2024'], year: 2024 }),
  media('image', { id: 'image-generic', name: 'Unidentified image model', provider: 'unknown', family: 'diffusion', hosting: 'unknown', sources: ['luccioni2024'], year: 2024 }),
  // --- Video models ---
  media('video', { id: 'sora', name: 'Sora', provider: 'openai', family: 'video', hosting: 'azure', sources: ['mitTechReview2025'], year: 2025 }),
  media('video', { id: 'veo', name: 'Veo', provider: 'google', family: 'video', hosting: 'google', sources: ['mitTechReview2025'], year: 2025 }),
  media('video', { id: 'video-generic', name: 'Unidentified video model', provider: 'unknown', family: 'video', hosting: 'unknown', sources: ['mitTechReview2025'], year: 2025 }),
] as const satisfies readonly ModelRow[];

export type RowId = (typeof MODEL_ROWS)[number]['id'];

const ROWS_BY_ID = new Map<string, ModelRow>(MODEL_ROWS.map((row) => [row.id, row]));

export function modelRow(id: RowId): ModelRow {
  const row = ROWS_BY_ID.get(id);
  if (!row) throw new Error(`No model row ${id}`);
  return row;
}
