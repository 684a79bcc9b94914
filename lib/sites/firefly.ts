import { asRecord, parseJson } from '../capture/sse';
import { countOf, type JobVerdict, readableVersion, readJobAnswer } from './jobs';
import type { SiteAdapter, SitePage } from './types';

/**
 * Adobe Firefly (firefly.adobe.com). The app sends its work to other hosts,
 * which the tap sees because it wraps the page's own fetch.
 *
 * Partner models (Gemini "Nano Banana", GPT Image, FLUX, Veo, Kling, Sora…),
 * as seen in public clients that replay the web app's requests (2025-26):
 * `POST https://firefly-3p.ff.adobe.io/v2/3p-images/generate-async` and
 * `…/v2/3p-videos/generate-async`, JSON `{modelId: "gemini-flash" (or
 * "google:firefly:colligo:nano-banana-pro"), modelVersion: "nano-banana-2", n,
 * prompt, size: {width, height}, generationMetadata: {module}}`; upscales
 * through `…/v2/3p-images/upsample`. The answer gives the job to poll
 * (`links.result.href`, or the header `x-override-status-link`).
 *
 * Adobe's own models: the endpoint the web app uses is not in any public
 * source we found (2026-11). Guessed [G]: the shape of the public Firefly
 * API (developer.adobe.com, 2025), `POST /v3/images/generate-async` (and the
 * similar, expand and fill variants) on an `*.adobe.io` host, JSON `{prompt,
 * numVariations, size}`, the model in the header `x-model-version`
 * ("image4_standard", "image4_ultra"…), answered with `{jobId, statusUrl}`;
 * video `POST /v3/videos/generate`.
 *
 * Counted per request: `n` / `numVariations`, else 1 (the API default).
 * Model: partner models as "<modelId>/<modelVersion>" ("gemini-flash/nano-banana-2");
 * Adobe's as "firefly-image4-standard", else "firefly". Cannot see: Adobe's
 * own models if the guess is wrong; the resolution (sent, no stored field).
 */

const PARTNER_HOST = 'firefly-3p.ff.adobe.io';
const PARTNER_JOB = /^\/v2\/3p-(images|videos)\/(?:generate-async|upsample)\/?$/;
/** Public Firefly API paths (2025): the generative image operations, and video. [G] for the web app. */
const ADOBE_JOB = /^\/v3\/(?:images\/(?:generate|generate-similar|expand|fill)-async|(videos)\/generate)\/?$/;

export const firefly: SiteAdapter = {
  site: 'firefly',
  version: 1,

  watches(url, method) {
    if (method !== 'POST') return false;
    if (url.hostname === PARTNER_HOST) return PARTNER_JOB.test(url.pathname);
    return url.hostname.endsWith('.adobe.io') && ADOBE_JOB.test(url.pathname);
  },

  request(req, open) {
    const body = asRecord(parseJson(req.body ?? ''));
    if (!body) return null;
    const partner = req.url.hostname === PARTNER_HOST ? PARTNER_JOB.exec(req.url.pathname) : null;
    const video = partner ? partner[1] === 'videos' : ADOBE_JOB.exec(req.url.pathname)?.[1] === 'videos';
    const turn = open();
    if (typeof body.prompt === 'string') turn.prompt(body.prompt);
    turn.kind(video ? 'video' : 'image');
    const model = partner ? partnerModel(body) : adobeModel(req.headers.get('x-model-version'), video);
    turn.model(model, 'request');
    return readJobAnswer(turn, countOf(body.n) ?? countOf(body.numVariations) ?? 1, judgeJob);
  },
};

/** "google:firefly:colligo:nano-banana-pro" + "nano-banana-2" is stored "nano-banana-pro/nano-banana-2". */
function partnerModel(body: Record<string, unknown>): string | null {
  const id = typeof body.modelId === 'string' ? body.modelId.split(':').pop() : undefined;
  const version = typeof body.modelVersion === 'string' ? body.modelVersion : undefined;
  const named = [id, version].filter((part): part is string => Boolean(part)).map(readableVersion);
  return named.length > 0 ? named.join('/') : null;
}

function adobeModel(header: string | null, video: boolean): string {
  if (video) return 'firefly-video';
  return header ? `firefly-${readableVersion(header)}` : 'firefly';
}

/** A job to poll means accepted; an error code or message without one means refused. */
function judgeJob(answer: unknown): JobVerdict {
  const record = asRecord(answer);
  const poll = asRecord(asRecord(record?.links)?.result)?.href;
  if (typeof record?.jobId === 'string' || typeof record?.statusUrl === 'string' || typeof poll === 'string') {
    return { accepted: true };
  }
  return { accepted: record && ('error_code' in record || 'message' in record) ? false : null };
}

export const fireflyPage: SitePage = {
  site: 'firefly',
  // Guessed 2026-11: the prompt box is a textarea or a rich-text field.
  composer: 'textarea, [contenteditable="true"]',
  // No per-prompt element is known (2026-11): matches nothing on purpose, so
  // the witness checks the composer only and never reports a false miss.
  userMessage: ':not(*)',
};
