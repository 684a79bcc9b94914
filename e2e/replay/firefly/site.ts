import type { ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, crossOrigin, fixtures, sendJobPage, sendText, siteFiles, withPageKit } from '../kit';

/**
 * Adobe Firefly as the extension meets it (formats: lib/sites/firefly.ts and
 * its fixtures, played verbatim): the app on firefly.adobe.com sends partner
 * models' jobs to `https://firefly-3p.ff.adobe.io/v2/3p-images|3p-videos/generate-async`
 * and, guessed [G], Adobe's own models' to `https://firefly-api.adobe.io/v3/images/generate-async`
 * with the model in `x-model-version`. All cross-origin with a bearer token,
 * so preflighted. An image upload (`/v2/storage/image`) is not a job.
 */

export const fireflyFixture = fixtures('firefly');
const files = siteFiles(import.meta.url);

export const FIREFLY_PROMPTS = {
  partner: (JSON.parse(fireflyFixture('partner-image.request.json')) as { prompt: string }).prompt,
  video: (JSON.parse(fireflyFixture('partner-video.request.json')) as { prompt: string }).prompt,
  adobe: (JSON.parse(fireflyFixture('adobe-image.request.json')) as { prompt: string }).prompt,
  /** The replay's own: refused by the content checks (HTTP 451). */
  refused: 'a prompt the content checks refuse',
};

const HEADERS = 'authorization, content-type, x-api-key, x-model-version, x-nonce, x-arp-session-id';

export function fireflyAnswer(host: string, path: string, body: { prompt?: string }): { text: string; status: number } {
  if (body.prompt === FIREFLY_PROMPTS.refused) return { text: fireflyFixture('refused.response.json'), status: 451 };
  if (host === 'firefly-api.adobe.io') return { text: fireflyFixture('adobe.response.json'), status: 200 };
  if (path === '/v2/storage/image') return { text: JSON.stringify({ images: [{ id: 'a1b2c3d4-reference' }] }), status: 200 };
  return { text: fireflyFixture('partner.response.json'), status: 200 };
}

export function fireflyReplay(): ReplaySite {
  return withPageKit({
    hosts: ['firefly.adobe.com', 'firefly-3p.ff.adobe.io', 'firefly-api.adobe.io'],
    handle(request, response) {
      const { hostname, pathname } = request.url;
      if (hostname !== 'firefly.adobe.com') {
        const jobPaths = ['/v2/3p-images/generate-async', '/v2/3p-videos/generate-async', '/v2/storage/image', '/v3/images/generate-async'];
        if (!jobPaths.includes(pathname)) return false;
        if (crossOrigin(request, response, HEADERS)) return true;
        if (request.method !== 'POST') return false;
        const body = pathname === '/v2/storage/image' ? {} : bodyOf<{ prompt?: string }>(request);
        const answer = fireflyAnswer(hostname, pathname, body);
        return sendText(response, answer.text, answer.status);
      }
      if (request.method === 'GET' && (pathname === '/' || pathname.startsWith('/generate/'))) {
        const controls = new URL('./controls.html', import.meta.url);
        return sendJobPage(response, { title: 'Adobe Firefly', host: 'firefly.adobe.com', controls, app: '/assets/app.js' });
      }
      if (request.method === 'GET' && pathname === '/assets/app.js') return files.script(response);
      return false;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'Adobe Firefly',
  start: 'https://firefly.adobe.com/generate/image',
  create: fireflyReplay,
};
