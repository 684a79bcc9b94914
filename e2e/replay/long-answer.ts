import type { ReplaySite } from '../server';
import { streamText } from '../server';
import { fixtures } from './kit';

/**
 * ChatGPT answering at length, for the tap-cost benchmark: the recorded-format
 * "routed" answer with `deltas` more v1 append events after its first text
 * (each a word, as the real stream sends them; an event without `p`/`o`
 * continues the previous append), streamed in small pieces as the real app
 * receives them. Prompts starting with LONG_PREFIX get it; the rest go to `chatgpt`.
 */
export const LONG_PREFIX = '[long]';

export function longAnswerStream(deltas: number): string {
  const routed = fixtures('chatgpt')('routed.sse');
  const firstText = routed.indexOf('\n\n', routed.indexOf('"¡Hola!"')) + 2;
  const words = Array.from({ length: deltas }, (_, n) =>
    n === 0
      ? 'event: delta\ndata: {"p": "/message/content/parts/0", "o": "append", "v": " word0"}\n\n'
      : `event: delta\ndata: {"v": " word${n % 97}"}\n\n`,
  ).join('');
  // The recorded event after the first text continues the earlier patch; after the appends it must say so.
  const rest = routed.slice(firstText).replace('data: {"v": [', 'data: {"o": "patch", "v": [');
  return routed.slice(0, firstText) + words + rest;
}

export function longAnswerChatgpt(chatgpt: ReplaySite, deltas: number): ReplaySite {
  const stream = longAnswerStream(deltas);
  return {
    ...chatgpt,
    async handle(request, response) {
      if (request.method === 'POST' && request.url.pathname === '/backend-api/f/conversation' && request.body.toString('utf8').includes(LONG_PREFIX)) {
        await streamText(response, stream, { chunkBytes: 400, delayMs: 2 });
        return true;
      }
      return chatgpt.handle(request, response);
    },
  };
}
