import { sendJson, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, crossOrigin, fixtures, sendJobPage, sendText, siteFiles, withPageKit } from '../kit';

/**
 * Leonardo.Ai as the extension meets it (formats: lib/sites/leonardo.ts and its
 * fixtures, played verbatim): the app on app.leonardo.ai sends its GraphQL to
 * another host, `POST https://api.leonardo.ai/v1/graphql` (cross-origin, with
 * a bearer token, so preflighted). Generations, upscales and motion are jobs;
 * the user query, the generation feed and the live canvas are not counted.
 */

export const leonardoFixture = fixtures('leonardo');
const files = siteFiles(import.meta.url);

type Operation = { operationName: string; variables?: { arg1?: { prompt?: string } } };

export const LEONARDO_PROMPTS = {
  generation: (JSON.parse(leonardoFixture('generation.request.json')) as Operation).variables!.arg1!.prompt!,
  /** The replay's own: the account is out of tokens. */
  outOfTokens: 'a whole city of foxes, every window lit',
};

/** The answer to one GraphQL operation, as the API gives it. */
export function leonardoAnswer(operation: Operation): string {
  switch (operation.operationName) {
    case 'CreateSDGenerationJob':
      return leonardoFixture(
        operation.variables?.arg1?.prompt === LEONARDO_PROMPTS.outOfTokens ? 'errors.response.json' : 'generation.response.json',
      );
    case 'CreateMotionSvdGenerationJob':
      return leonardoFixture('motion.response.json');
    case 'CreateUniversalUpscalerJob':
      return leonardoFixture('upscale.response.json');
    case 'CreateLCMGenerationJob':
      return JSON.stringify({ data: { lcmGenerationJob: { imageDataUrl: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==', requestTimestamp: '1764150000123' } } });
    case 'GetAIGenerationFeed':
      return JSON.stringify({ data: { generations: [] } });
    default:
      return JSON.stringify({ data: { users: [{ id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', username: 'foxfan', __typename: 'users' }] } });
  }
}

export function leonardoReplay(): ReplaySite {
  return withPageKit({
    hosts: ['app.leonardo.ai', 'api.leonardo.ai'],
    handle(request, response) {
      const path = request.url.pathname;
      if (request.url.hostname === 'api.leonardo.ai') {
        if (path !== '/v1/graphql') return false;
        if (crossOrigin(request, response, 'authorization, content-type')) return true;
        if (request.method !== 'POST') return false;
        return sendText(response, leonardoAnswer(bodyOf<Operation>(request)));
      }
      if (request.method === 'GET' && (path === '/' || path === '/image-generation')) {
        const controls = new URL('./controls.html', import.meta.url);
        return sendJobPage(response, { title: 'Leonardo.Ai', host: 'app.leonardo.ai', controls, app: '/_next/static/app.js', dark: true });
      }
      if (request.method === 'GET' && path === '/_next/static/app.js') return files.script(response);
      if (request.method === 'GET' && path === '/api/auth/session') return sendJson(response, { accessToken: 'replay-token', expires: '2026-12-31T00:00:00Z' });
      return false;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'Leonardo.Ai',
  start: 'https://app.leonardo.ai/image-generation',
  create: leonardoReplay,
};
