import { asRecord, parseJson } from '../capture/sse';
import { countOf, type JobVerdict, readJobAnswer } from './jobs';
import type { SiteAdapter, SitePage } from './types';

/**
 * Midjourney's web app (www.midjourney.com). Formats as seen in public
 * clients up to 2026 (a Rust client quoting a recorded answer, 2025; a Python
 * client with upscale, pan and video, 2025-26; see ../shared/research/sites.md):
 *
 * - Every generation is `POST /api/submit-jobs` (one 2025 client says
 *   `/api/app/submit-jobs`: both are watched), JSON body
 *   `{t, prompt | newPrompt, id, index, f: {mode, private}, channelId, metadata}`.
 *   `t` is "imagine" (with `prompt`); "vary", "upscale", "pan" and the like act
 *   on image `index` of job `id`; "video" animates an image (`videoType`
 *   "vid_1.1_i2v_480", `newPrompt` carrying `--bs N` clips). Each is a
 *   generation of its own.
 * - The answer acknowledges at once: `{success: [{job_id, prompt, is_queued,
 *   event_type: "diffusion", meta: {width, height, batch_size, parent_id}}],
 *   failure: [{type, message}]}`; several successes when one prompt makes
 *   several jobs (`--repeat`, permutations). The pictures arrive later.
 *
 * Counted per submit: the answer's `batch_size`s (a grid is 4), else 1 for an
 * upscale and 4 for anything else [I]; a video job's clips likewise (`--bs`).
 * Model: the prompt's version flag (`--v 7`, `--niji 6`), else "midjourney".
 * Cannot see: the account's default version (a settings panel, not the
 * request), whether rendering finished, the resolution (`meta` width and
 * height are there but the stored event has no field for them).
 */

const SUBMIT_PATH = /^\/api(?:\/app)?\/submit-jobs\/?$/;
/** A grid of four, Midjourney's unit of generation (docs, 2022-2026). */
const GRID = 4;
const VERSION_FLAG = /--(?:v|version)\s+(\d+(?:\.\d+)?)/;
const NIJI_FLAG = /--niji(?:\s+(\d+(?:\.\d+)?))?/;
const CLIPS_FLAG = /--bs\s+(\d+)/;
const VIDEO_TYPE = /^vid_(\d+(?:\.\d+)?)/;

export const midjourney: SiteAdapter = {
  site: 'midjourney',
  version: 1,

  watches(url, method) {
    return method === 'POST' && url.hostname === 'www.midjourney.com' && SUBMIT_PATH.test(url.pathname);
  },

  request(req, open) {
    const body = asRecord(parseJson(req.body ?? ''));
    const type = body?.t;
    if (!body || typeof type !== 'string') return null;
    const turn = open();
    const prompt = typeof body.prompt === 'string' ? body.prompt : body.newPrompt;
    if (typeof prompt === 'string') turn.prompt(prompt);
    const video = type === 'video';
    // Kind from the request: a refused job is still an image (or video) prompt.
    turn.kind(video ? 'video' : 'image');
    turn.model(video ? videoModel(body.videoType) : imageModel(prompt), 'request');
    const requested = (video && typeof prompt === 'string' && countOf(CLIPS_FLAG.exec(prompt)?.[1])) || (type === 'upscale' ? 1 : GRID);
    return readJobAnswer(turn, requested, judgeSubmit);
  },
};

function imageModel(prompt: unknown): string {
  const text = typeof prompt === 'string' ? prompt : '';
  const niji = NIJI_FLAG.exec(text);
  if (niji) return niji[1] ? `niji-${niji[1]}` : 'niji';
  const version = VERSION_FLAG.exec(text)?.[1];
  return version ? `midjourney-v${version}` : 'midjourney';
}

function videoModel(videoType: unknown): string {
  const version = typeof videoType === 'string' ? VIDEO_TYPE.exec(videoType)?.[1] : undefined;
  return version ? `midjourney-video-${version}` : 'midjourney-video';
}

/** Accepted when any job was; each job makes its stated batch, else what was asked. */
function judgeSubmit(answer: unknown, requested: number): JobVerdict {
  const record = asRecord(answer);
  const jobs = (Array.isArray(record?.success) ? record.success : []).map(asRecord).filter((job) => typeof job?.job_id === 'string');
  if (jobs.length > 0) {
    const count = jobs.reduce((sum, job) => sum + (countOf(asRecord(job?.meta)?.batch_size) ?? requested), 0);
    return { accepted: true, count };
  }
  const refused = Array.isArray(record?.failure) && record.failure.length > 0;
  return { accepted: refused ? false : null };
}

export const midjourneyPage: SitePage = {
  site: 'midjourney',
  // Seen 2026-09 (public automation scripts): the only stable hook in the app.
  composer: 'textarea#desktop_input_bar',
  // No per-prompt element is known (2026-11): this matches nothing on purpose,
  // so the witness checks the composer only and never reports a false miss.
  userMessage: ':not(*)',
};
