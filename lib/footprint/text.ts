import { range, type Range, times, widen } from './range';

/**
 * Energy of text generation per token, in three steps:
 *
 * 1. EcoLogits, reimplemented from its published formulas (H100 / ML.ENERGY
 *    fit, 2025): GPU energy per output token grows linearly with the active
 *    parameters, times the GPUs needed to hold the whole model, plus a share
 *    of the server's non-GPU power for the generation time.
 * 2. Calibration of the one step that sources disagree on: how many GPUs'
 *    worth of work a token costs. EcoLogits charges every GPU that holds the
 *    model the full per-GPU energy (N); for a large mixture-of-experts model
 *    spread over 16 GPUs that lands 4-5x above every disclosed or measured
 *    per-prompt figure (Google 2025, OpenAI 2025, Epoch AI 2025). Charging the
 *    replica's GPUs once (1) is the other reading: it ignores memory-bound
 *    waste and lands below them. We take N^0.5 as central (the geometric mean
 *    of the two readings), which reproduces the disclosed figures within about
 *    1.5x; the low end takes N^0.35 and a larger batch, which puts it at
 *    Google's narrow-boundary floor; the high end is EcoLogits as published,
 *    or Epoch AI's compute-based method if higher.
 * 3. Tokens that are not answer tokens are priced in answer-token equivalents:
 *    reading the prompt (prefill), the hidden context the site adds, and the
 *    reasoning ("thinking") tokens.
 *
 * Everything here is IT energy; the caller applies the data centre's PUE.
 */

export interface Parameters {
  /** Billions of parameters used for each token (all of them for a dense model). */
  readonly active: Range;
  /** Billions of parameters held in memory. */
  readonly total: Range;
}

// --- EcoLogits constants (GenAI Impact, 2025; H100 80 GB, ML.ENERGY leaderboard fit) ---

/** GPU energy per output token, per GPU: A * exp(B * batch) * P_active + C (Wh, P in billions). */
const GPU_ENERGY_A = 1.1665e-6;
const GPU_ENERGY_B = -0.011206;
const GPU_ENERGY_C = 4.0529e-5;
/** Concurrent requests per model replica that EcoLogits assumes. */
const ECOLOGITS_BATCH = 64;
/** Fallback generation latency per output token: A * P_active + B * batch + C (seconds). */
const LATENCY_A = 6.785e-4;
const LATENCY_B = 3.119e-4;
const LATENCY_C = 1.947e-2;
/** Power of a GPU server without its GPUs (W), shared by its 8 GPUs. */
const SERVER_POWER_W = 1200;
const GPUS_PER_SERVER = 8;
/** H100: 80 GB; weights in 16-bit; 20% memory overhead (EcoLogits, after EleutherAI). */
const GPU_MEMORY_GB = 80;
const WEIGHT_BYTES = 2;
const MEMORY_OVERHEAD = 1.2;
/** Embodied emissions: p5.48xlarge server without GPUs 5,700 kgCO2e; one H100 164 kgCO2e; 3-year life. */
const SERVER_EMBODIED_G = 5_700_000;
const GPU_EMBODIED_G = 164_000;
const HARDWARE_LIFETIME_S = 3 * 365 * 24 * 3600;

// --- Calibration and token equivalents ---

/**
 * Exponent on the GPU count (see step 2 above). central 0.5: the geometric
 * mean of charging the replica once (0) and EcoLogits as published (1).
 * low 0.35: the smallest exponent, in steps of 0.01, at which the low end of
 * a median Gemini prompt (scenario google-gemini-energy in validation.ts)
 * reaches Google's narrow-boundary figure, 0.10 Wh for active accelerators
 * alone (Google 2025), which floors any full-boundary figure: 0.102 Wh at
 * 0.35, 0.0996 Wh at 0.34 (a test holds it there). high 1: EcoLogits as
 * published.
 */
const GPU_COUNT_EXPONENT: Range = range(0.35, 0.5, 1);

/**
 * Concurrent requests per replica. EcoLogits fixes 64; busy services batch
 * more, which EcoLogits' own batch terms turn into about 20% less energy per
 * token at 128. Applied at the low end only: a provider has no reason to
 * batch less than EcoLogits assumes.
 */
const BATCH: Range = range(128, 64, 64);

/**
 * Epoch AI's compute-based method (2025): 0.3 Wh for 500 tokens from a model
 * with 100B active parameters, facility energy at PUE 1.2, i.e. 5e-6 Wh of IT
 * energy per token per billion active parameters. For models that fit on one
 * GPU it exceeds EcoLogits, so the high end takes the higher of the two
 * published methods.
 */
const EPOCH_IT_WH_PER_TOKEN_PER_BILLION = 0.3 / 500 / 100 / 1.2;

/**
 * A prompt token read once (prefill) costs this fraction of an answer token.
 * central 0.2: providers price input at 1/4 to 1/8 of output (2025 API price
 *   lists, per million tokens: OpenAI GPT-4o $2.50 in / $10 out and GPT-4.1
 *   $2 / $8, both 1/4; Anthropic Claude Sonnet 4 $3 / $15, 1/5; OpenAI GPT-5
 *   $1.25 / $10 and Google Gemini 2.5 Pro $1.25 / $10, both 1/8). That prices
 *   track cost is our assumption [I]; 0.2 sits inside the span, nearer its
 *   dearer end. high 0.33: Epoch AI (2025) fitted to its 10k-token figure.
 *   low 0.1: prefill runs compute-bound at high utilisation [I].
 */
const PREFILL_WEIGHT: Range = range(0.1, 0.2, 0.33);

/**
 * Attention makes a long prompt cost more than its length: this many answer
 * tokens per squared prompt token. central 3.3e-6 reproduces Epoch AI's
 * absolute figures for GPT-4o (2025): 2.5 Wh with 10k input tokens and 40 Wh
 * with 100k, against our 2.1 and 39.9 Wh (bare requests, 500 answer tokens).
 * As ratios to the same answer after a short prompt ours are 5.6x and 106x,
 * below Epoch's own ~8x and ~130x, because our short-prompt figure (0.375 Wh)
 * is above Epoch's 0.3 Wh (a test checks METHODOLOGY.md quotes these ratios).
 * The bounds run from a third (1e-6) to one and a half times (5e-6) the
 * central value [I].
 */
const PREFILL_QUADRATIC_WEIGHT: Range = range(1e-6, 3.3e-6, 5e-6);

/**
 * A reasoning token costs more than an answer token because it is generated
 * deep into a long context, which shrinks batches. high 2.5: ML.ENERGY (2025)
 * measures reasoning tasks at ~10x the tokens and ~25x the energy of chat,
 * i.e. 2.5x per token. low 1: no dearer than an answer token. central 1.5:
 * our assumption [I], just under the geometric mean of the bounds (1.58);
 * no source measures the per-token premium of a typical reasoning turn.
 */
const REASONING_TOKEN_WEIGHT: Range = range(1, 1.5, 2.5);

/** GPUs needed to hold the weights, rounded up to a power of two as servers are partitioned. */
export function gpusToHold(totalParamsBillions: number): number {
  const memoryGb = MEMORY_OVERHEAD * totalParamsBillions * WEIGHT_BYTES;
  const gpus = Math.max(1, Math.ceil(memoryGb / GPU_MEMORY_GB));
  return 2 ** Math.ceil(Math.log2(gpus));
}

/** EcoLogits' generation time per output token for one request (seconds). */
function latencyPerToken(activeBillions: number, batch: number): number {
  return LATENCY_A * activeBillions + LATENCY_B * batch + LATENCY_C;
}

/**
 * IT energy per output token (Wh): per-GPU energy and the server's share,
 * for `gpus` GPUs' worth of work.
 */
function whPerTokenFor(activeBillions: number, gpus: number, batch: number): number {
  const gpuWh = (GPU_ENERGY_A * Math.exp(GPU_ENERGY_B * batch) * activeBillions + GPU_ENERGY_C) * gpus;
  const hours = latencyPerToken(activeBillions, batch) / 3600;
  const serverWh = (hours * SERVER_POWER_W * (gpus / GPUS_PER_SERVER)) / batch;
  return gpuWh + serverWh;
}

/** EcoLogits IT energy per output token (Wh) as published: every GPU holding the model does full work. */
export function ecologitsWhPerToken(activeBillions: number, totalBillions: number): number {
  return whPerTokenFor(activeBillions, gpusToHold(totalBillions), ECOLOGITS_BATCH);
}

function calibratedWhPerToken(active: number, total: number, exponent: number, batch: number): number {
  return whPerTokenFor(active, gpusToHold(total) ** exponent, batch);
}

/** EcoLogits embodied emissions per output token (g CO2e): hardware time over hardware life. */
function ecologitsEmbodiedGPerToken(activeBillions: number, totalBillions: number): number {
  const gpus = gpusToHold(totalBillions);
  const hardwareG = (gpus / GPUS_PER_SERVER) * SERVER_EMBODIED_G + gpus * GPU_EMBODIED_G;
  return (latencyPerToken(activeBillions, ECOLOGITS_BATCH) / (ECOLOGITS_BATCH * HARDWARE_LIFETIME_S)) * hardwareG;
}

/**
 * Embodied emissions per Wh of IT energy, from EcoLogits' own ratio for a
 * model of this size. Hardware time and energy scale together with the GPU
 * count, so the calibration cancels: the ratio stays about 0.09 g/Wh from 8B
 * to 2T parameters.
 */
export function embodiedGPerItWh(activeBillions: number, totalBillions: number): number {
  return (
    ecologitsEmbodiedGPerToken(activeBillions, totalBillions) / ecologitsWhPerToken(activeBillions, totalBillions)
  );
}

/**
 * Calibrated IT energy per answer token (Wh). Each end takes every factor at
 * that end; the high end is the higher of EcoLogits and Epoch AI's method.
 */
export function whPerAnswerToken(params: Parameters): Range {
  const end = (pick: (value: Range) => number) =>
    calibratedWhPerToken(pick(params.active), pick(params.total), pick(GPU_COUNT_EXPONENT), pick(BATCH));
  const epochHigh = EPOCH_IT_WH_PER_TOKEN_PER_BILLION * params.active.high;
  return range(
    end((value) => value.low),
    end((value) => value.central),
    Math.max(end((value) => value.high), epochHigh),
  );
}

/** What the site adds to every prompt and how much of the model's reasoning it shows. */
export interface ContextAssumption {
  /** Tokens read with every prompt besides the user's own, in uncached-equivalent tokens. */
  readonly hiddenContextTokens: Range;
  /** Reasoning tokens generated per reasoning token the page shows (1 when the full trace is shown). */
  readonly hiddenReasoningFactor: Range;
}

/** IT energy (Wh) per unit of each measured sum, for one model on one site. */
export interface TextCoefficients {
  readonly count: Range;
  readonly inputTokens: Range;
  readonly inputTokensSq: Range;
  readonly outputTokens: Range;
  readonly reasoningTokens: Range;
}

export function textCoefficients(params: Parameters, context: ContextAssumption): TextCoefficients {
  const perToken = whPerAnswerToken(params);
  const perPromptToken = times(perToken, PREFILL_WEIGHT);
  return {
    count: times(perPromptToken, context.hiddenContextTokens),
    inputTokens: perPromptToken,
    inputTokensSq: times(perToken, PREFILL_QUADRATIC_WEIGHT),
    outputTokens: perToken,
    reasoningTokens: times(times(perToken, REASONING_TOKEN_WEIGHT), context.hiddenReasoningFactor),
  };
}

/** Parameters for a model we could not identify: the guess's bounds pushed out by `factor`. */
export function widenParameters(params: Parameters, factor: number): Parameters {
  return { active: widen(params.active, factor), total: widen(params.total, factor) };
}
