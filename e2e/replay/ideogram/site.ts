import { sendJson, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, fixtures, sendJobPage, sendText, siteFiles, withPageKit } from '../kit';

/**
 * Ideogram as the extension meets it (formats: lib/sites/ideogram.ts and its
 * fixtures, played verbatim): every generation, upscales included, is
 * `POST /api/images/sample`, acknowledged with a request id; the page then
 * polls `POST /api/gallery/retrieve-requests` and, on load, reads
 * `GET /api/images/sampling_available_v2`: neither is a generation.
 */

export const ideogramFixture = fixtures('ideogram');
const files = siteFiles(import.meta.url);

export const IDEOGRAM_PROMPTS = {
  sample: (JSON.parse(ideogramFixture('sample.request.json')) as { prompt: string }).prompt,
  /** The replay's own: the daily limit is reached. */
  limited: 'one more poster, please',
};

export function ideogramAnswer(body: { prompt: string }): { text: string; status: number } {
  if (body.prompt === IDEOGRAM_PROMPTS.limited) return { text: ideogramFixture('limited.response.json'), status: 429 };
  return { text: ideogramFixture('sample.response.json'), status: 200 };
}

export function ideogramReplay(): ReplaySite {
  return withPageKit({
    hosts: ['ideogram.ai'],
    handle(request, response) {
      const path = request.url.pathname;
      if (request.method === 'GET' && (path === '/' || path.startsWith('/t/'))) {
        const controls = new URL('./controls.html', import.meta.url);
        return sendJobPage(response, { title: 'Ideogram', host: 'ideogram.ai', controls, app: '/assets/app.js' });
      }
      if (request.method === 'GET' && path === '/assets/app.js') return files.script(response);
      if (request.method === 'GET' && path === '/api/images/sampling_available_v2') {
        return sendJson(response, { max_creations_per_day: 20, num_standard_generations_today: 3 });
      }
      if (request.method === 'POST' && path === '/api/gallery/retrieve-requests') {
        return sendJson(response, { sampling_requests: [{ request_id: 'kQ3xR7tV2nP8mL5wZ1yB9c', is_completed: false, responses: [] }] });
      }
      if (request.method === 'POST' && path === '/api/images/sample') {
        const answer = ideogramAnswer(bodyOf<{ prompt: string }>(request));
        return sendText(response, answer.text, answer.status);
      }
      return false;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'Ideogram',
  start: 'https://ideogram.ai/t/explore',
  create: ideogramReplay,
};
