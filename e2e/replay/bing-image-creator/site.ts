import type { ServerResponse } from 'node:http';
import type { ReplayRequest, ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { fixtures, KIT_PATH, sendText, siteFiles, withPageKit } from '../kit';

/**
 * Bing Image Creator as the extension meets it (lib/sites/bing-image-creator.ts;
 * the pages and fragments are its fixtures): a creation is a form
 * navigation. The form posts `/images/create?q=…&rt=4&mdl=…&ar=1&FORM=GENCRE`;
 * the server redirects to the same address with `&id=<request id>`; that page
 * polls `/images/create/async/results/<id>` and inserts each non-empty HTML
 * answer (empty while the images render). A finished creation has its own
 * address, `/images/create/<slug>/<id>`, with its images already on the page.
 */

export const bingFixture = fixtures('bing-image-creator');
const files = siteFiles(import.meta.url);

/** Prompts with their own outcome (the replay's own). */
export const BING_PROMPTS = {
  images: 'a lighthouse at dawn, watercolor',
  blocked: 'a prompt the content policy blocks',
  video: 'waves rolling onto a beach at sunset',
};

/** Empty answers before the images are ready: the page keeps polling. */
const EMPTY_POLLS = 2;

/** The fragment a creation's polling ends with, and what streams before it (GPT-4o). */
export function bingResults(prompt: string, model: string | null, video: boolean): { before: string[]; final: string } {
  if (video) return { before: [], final: bingFixture('video-results.html') };
  if (prompt === BING_PROMPTS.blocked) return { before: [], final: bingFixture('blocked.html') };
  // GPT-4o is `mdl=1` in the address (2025 clients), or its name (2026).
  if (model === '1' || model === 'gpt4o') return { before: [bingFixture('streaming.html')], final: bingFixture('results-gpt4o.html') };
  return { before: [], final: bingFixture('results.html') };
}

/** A finished creation's address, with its images on the page. */
export const FINISHED_CREATION = '/images/create/a-lighthouse-at-dawn-watercolor/1-3f9d7e2a6b5c4d8e9f0a1b2c3d4e5f60?FORM=GUH2CR';

export function bingReplay(): ReplaySite {
  /** Polls answered so far, per creation. */
  const polls = new Map<string, number>();
  let creations = 0;
  /** The form's POST: Bing answers with a redirect to the polling page of a new request id. */
  const redirect = (request: ReplayRequest, response: ServerResponse): true => {
    const target = new URL(request.url.pathname + request.url.search, 'https://www.bing.com');
    const prompt = target.searchParams.get('q') ?? new URLSearchParams(request.body.toString('utf8')).get('q') ?? '';
    target.searchParams.set('q', prompt);
    target.searchParams.set('id', `1-${String(++creations).padStart(32, '0')}`);
    response.writeHead(302, { location: target.pathname + target.search }).end();
    return true;
  };
  return withPageKit({
    hosts: ['www.bing.com'],
    handle(request, response) {
      const { pathname, searchParams } = request.url;
      if (request.method === 'GET' && pathname === '/rp/gi-create.js') return files.script(response, './create.js');
      if (request.method === 'GET' && pathname === '/rp/gi-poll.js') return files.script(response, './poll.js');
      if (pathname === '/images/create' && request.method === 'POST') return redirect(request, response);
      if (pathname === '/images/create/ai-video-generator' && request.method === 'POST') return redirect(request, response);
      if (request.method !== 'GET') return false;
      if (pathname === '/images/create' || pathname === '/images/create/ai-video-generator') {
        if (!searchParams.get('id')) return files.page(response);
        return sendText(response, pollingPage(), 200, 'text/html; charset=utf-8');
      }
      const results = /^\/images\/create\/async\/results\/([^/]+)$/.exec(pathname);
      if (results) {
        const id = results[1]!;
        const count = (polls.get(id) ?? 0) + 1;
        polls.set(id, count);
        const { before, final } = bingResults(searchParams.get('q') ?? '', searchParams.get('mdl'), searchParams.get('ctype') === 'video');
        const answer = count <= EMPTY_POLLS ? '' : (before[count - EMPTY_POLLS - 1] ?? final);
        return sendText(response, answer, 200, 'text/html; charset=utf-8');
      }
      // A finished creation at its own address: its images are part of the page.
      if (/^\/images\/create\/[^/]+\/[^/]+$/.test(pathname)) return sendText(response, finishedPage(), 200, 'text/html; charset=utf-8');
      return false;
    },
  });
}

/** The polling page: the fixture page, with the page's own scripts (the poller records with the page kit). */
function pollingPage(): string {
  return bingFixture('create-page.html').replace(
    '</body>',
    `<script src="/rp/gi-create.js"></script>\n<script src="${KIT_PATH}"></script>\n<script src="/rp/gi-poll.js"></script>\n</body>`,
  );
}

function finishedPage(): string {
  const results = bingFixture('results.html').replace(/^<style[^]*?<\/style>\n/, '');
  return bingFixture('create-page.html')
    .replace(/<div id="gir_async"><\/div>/, results)
    .replace('</body>', '<script src="/rp/gi-create.js"></script>\n</body>');
}

export const demo: ReplayDemo = {
  name: 'Bing Image Creator',
  start: 'https://www.bing.com/images/create',
  create: bingReplay,
};
