import { asRecord, parseJson } from '../capture/sse';
import { countOf, type JobVerdict, readableVersion, readJobAnswer } from './jobs';
import type { SiteAdapter, SitePage } from './types';

/**
 * Ideogram (ideogram.ai). Formats as seen in public clients up to 2026 (a
 * map of a recorded HAR, 2025-26; automation clients 2024-26; see
 * ../shared/research/sites.md):
 *
 * - Every generation is `POST /api/images/sample`, JSON body `{prompt,
 *   user_id, private, model_version: "V_3_1", model_uri: "model/V_3_1/version/0",
 *   use_autoprompt_option, sampling_speed, resolution: {width, height},
 *   num_images, style_type}`. Variations, remixes and upscales post there too,
 *   with `parent: {type: "VARIATION" | "REMIX" | "SUPER_RES", …}`: each is a
 *   generation of its own.
 * - The answer acknowledges the job with `{request_id, …}`; the page then
 *   polls `/api/gallery/retrieve-requests` (not read: it also lists older work).
 *
 * Counted per sample request: `num_images`, else 4 [I: older clients send no
 * count and a 2025 settings payload says `default_expected_number_of_final_responses: 4`].
 * Model: `model_version` (or the one in `model_uri`), stored as "ideogram-v3.1".
 * Cannot see: how many images the job finally made when the request did not
 * say; the resolution (sent, but the stored event has no field for it).
 */

const SAMPLE_PATH = /^\/api\/images\/sample\/?$/;
const DEFAULT_IMAGES = 4;
const MODEL_URI = /^model\/([^/]+)\//;

export const ideogram: SiteAdapter = {
  site: 'ideogram',
  version: 1,

  watches(url, method) {
    return method === 'POST' && url.hostname === 'ideogram.ai' && SAMPLE_PATH.test(url.pathname);
  },

  request(req, open) {
    const body = asRecord(parseJson(req.body ?? ''));
    if (!body || typeof body.prompt !== 'string') return null;
    const turn = open();
    turn.kind('image');
    turn.prompt(body.prompt);
    const version = typeof body.model_version === 'string' ? body.model_version : modelFromUri(body.model_uri);
    if (version) turn.model(`ideogram-${readableVersion(version)}`, 'request');
    return readJobAnswer(turn, countOf(body.num_images) ?? DEFAULT_IMAGES, judgeSample);
  },
};

function modelFromUri(uri: unknown): string | undefined {
  return typeof uri === 'string' ? MODEL_URI.exec(uri)?.[1] : undefined;
}

/** A request id means the job was queued; an answer without one but with an error refused it. */
function judgeSample(answer: unknown): JobVerdict {
  const record = asRecord(answer);
  if (typeof record?.request_id === 'string' && record.request_id) return { accepted: true };
  return { accepted: record && ('detail' in record || 'error' in record) ? false : null };
}

export const ideogramPage: SitePage = {
  site: 'ideogram',
  // Guessed 2026-11: the prompt box is a textarea (automation scripts type into one).
  composer: 'textarea',
  // No per-prompt element is known (2026-11): matches nothing on purpose, so
  // the witness checks the composer only and never reports a false miss.
  userMessage: ':not(*)',
};
