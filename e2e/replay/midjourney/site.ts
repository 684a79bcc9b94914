import { sendJson, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, fixtures, sendJobPage, sendText, siteFiles, withPageKit } from '../kit';

/**
 * Midjourney's web app as the extension meets it (formats: lib/sites/midjourney.ts
 * and its fixtures, played verbatim): the create page with the prompt box
 * `textarea#desktop_input_bar`; every job is `POST /api/submit-jobs`, answered
 * at once with the job's acknowledgement. Not jobs: the settings and the job
 * list the page loads.
 */

export const midjourneyFixture = fixtures('midjourney');
const files = siteFiles(import.meta.url);

const promptOf = (request: string): string => (JSON.parse(midjourneyFixture(request)) as { prompt: string }).prompt;

/** Imagine prompts and the acknowledgements they get. */
export const MIDJOURNEY_PROMPTS = {
  imagine: promptOf('imagine.request.json'),
  repeat: promptOf('repeat.request.json'),
  refused: 'a forbidden scene --v 7',
};

/** The acknowledgement the server sends for a job body. */
export function midjourneyAnswer(job: { t: string; prompt?: string }): string {
  if (job.t === 'upscale') return midjourneyFixture('upscale.response.json');
  if (job.t === 'video') return midjourneyFixture('video.response.json');
  if (job.prompt === MIDJOURNEY_PROMPTS.repeat) return midjourneyFixture('repeat.response.json');
  if (job.prompt === MIDJOURNEY_PROMPTS.refused) return midjourneyFixture('refused.response.json');
  return midjourneyFixture('imagine.response.json');
}

export function midjourneyReplay(): ReplaySite {
  return withPageKit({
    hosts: ['www.midjourney.com'],
    handle(request, response) {
      const path = request.url.pathname;
      if (request.method === 'GET' && (path === '/imagine' || path === '/')) {
        const controls = new URL('./controls.html', import.meta.url);
        return sendJobPage(response, { title: 'Midjourney', host: 'www.midjourney.com', controls, app: '/_next/static/app.js' });
      }
      if (request.method === 'GET' && path === '/_next/static/app.js') return files.script(response);
      if (request.method === 'GET' && path === '/api/user-mutable-state') {
        return sendJson(response, { subscription_type: 'standard', fast_time_remaining: 12.4, relax_enabled: true, stealth_enabled: false });
      }
      if (request.method === 'GET' && path === '/api/imagine') return sendJson(response, { jobs: [] });
      if (request.method === 'POST' && path === '/api/submit-jobs') {
        return sendText(response, midjourneyAnswer(bodyOf<{ t: string; prompt?: string }>(request)));
      }
      return false;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'Midjourney',
  start: 'https://www.midjourney.com/imagine',
  create: midjourneyReplay,
};
