import { asRecord, parseJson } from '../capture/sse';
import { countOf, type JobVerdict, readJobAnswer } from './jobs';
import type { SiteAdapter, SitePage } from './types';

/**
 * Leonardo.Ai (app.leonardo.ai). The app sends its work to another host,
 * `POST https://api.leonardo.ai/v1/graphql`, which the tap still sees: it
 * wraps the page's own fetch. Formats as seen in public clients up to 2026
 * (the app's GraphQL documents in a 2025 client; Python and JS clients
 * 2023-25; see ../shared/research/sites.md):
 *
 * - Body `{operationName, variables: {arg1: {…}}, query}`. Generations:
 *   `CreateSDGenerationJob` (images: `prompt`, `num_images`, `width`,
 *   `height`, `modelId`, `sd_version`), `CreateMotionSvdGenerationJob` and
 *   `CreateMotionVideoGenerationJob` (video), `CreateUniversalUpscalerJob`,
 *   `CreateUpscaleJob`, `CreateUnzoomJob` (one image each). Not counted: the
 *   live canvas (`CreateLCMGenerationJob`, `CreateTurboGenerationJob`,
 *   `CreateLightningStreamGeneration`) draws a small preview per stroke and
 *   would flood the log; prompt helpers and image descriptions are no images.
 * - The answer: `{data: {sdGenerationJob: {generationId}}}`, or `{errors: [{message}]}`.
 *
 * Counted per job: `num_images`, else 4 [I: the API's documented default].
 * Model: `sd_version` and `modelId` together ("phoenix/de7d3faf-…"): the
 * UUID names the model, the version its architecture, for models we have no
 * line for. Cannot see: the app's newer third-party models if they use other
 * endpoints (not seen); the clip count of a video job (1 assumed [I]); the
 * resolution (sent, but the stored event has no field for it).
 */

const GRAPHQL_PATH = /^\/v1\/graphql\/?$/;
const DEFAULT_IMAGES = 4;

type Job = { readonly kind: 'image' | 'video'; readonly requested: (arg: Record<string, unknown>) => number };

const JOBS: ReadonlyMap<string, Job> = new Map<string, Job>([
  ['CreateSDGenerationJob', { kind: 'image', requested: (arg) => countOf(arg.num_images) ?? DEFAULT_IMAGES }],
  ['CreateMotionSvdGenerationJob', { kind: 'video', requested: () => 1 }],
  ['CreateMotionVideoGenerationJob', { kind: 'video', requested: () => 1 }],
  ['CreateUniversalUpscalerJob', { kind: 'image', requested: () => 1 }],
  ['CreateUpscaleJob', { kind: 'image', requested: () => 1 }],
  ['CreateUnzoomJob', { kind: 'image', requested: () => 1 }],
]);

export const leonardo: SiteAdapter = {
  site: 'leonardo',
  version: 1,

  watches(url, method) {
    return method === 'POST' && url.hostname === 'api.leonardo.ai' && GRAPHQL_PATH.test(url.pathname);
  },

  request(req, open) {
    // Apollo may batch operations in an array: the first generation in it counts.
    const parsed = parseJson(req.body ?? '');
    const operations = (Array.isArray(parsed) ? parsed : [parsed]).map(asRecord);
    const index = operations.findIndex((candidate) => JOBS.has(String(candidate?.operationName)));
    const operation = operations[index];
    const name = String(operation?.operationName);
    const job = JOBS.get(name);
    if (!operation || !job) return null;
    const arg = asRecord(asRecord(operation.variables)?.arg1) ?? {};
    const turn = open();
    if (typeof arg.prompt === 'string') turn.prompt(arg.prompt);
    turn.kind(job.kind);
    turn.model(job.kind === 'video' ? 'leonardo-motion' : imageModel(arg, name), 'request');
    // A batched request is answered by an array, in the same order.
    return readJobAnswer(turn, job.requested(arg), (answer) => judgeGraphql(Array.isArray(answer) ? answer[index] : answer));
  },
};

function imageModel(arg: Record<string, unknown>, operation: string): string {
  if (operation !== 'CreateSDGenerationJob') return 'leonardo-upscaler';
  const named = [arg.sd_version, arg.modelId].filter((part): part is string => typeof part === 'string' && part !== '');
  return named.length > 0 ? named.join('/').replace(/_/g, '-') : 'leonardo';
}

/** GraphQL: data with a generation (or job) id is accepted; errors without data refused. */
function judgeGraphql(answer: unknown): JobVerdict {
  const record = asRecord(answer);
  const data = asRecord(record?.data);
  const result = data ? Object.values(data).map(asRecord).find(Boolean) : undefined;
  if (result && (typeof result.generationId === 'string' || typeof result.id === 'string')) return { accepted: true };
  return { accepted: Array.isArray(record?.errors) && record.errors.length > 0 ? false : null };
}

export const leonardoPage: SitePage = {
  site: 'leonardo',
  // Guessed 2026-11: the prompt box is a textarea (automation scripts type into one).
  composer: 'textarea',
  // No per-prompt element is known (2026-11): matches nothing on purpose, so
  // the witness checks the composer only and never reports a false miss.
  userMessage: ':not(*)',
};
