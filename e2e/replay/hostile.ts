import type { ServerResponse } from 'node:http';
import type { ReplayRequest, ReplaySite } from '../server';
import { seededRandom } from '../../lib/views/__tests__/sample-history';
import { bodyOf, fixtures } from './kit';

/**
 * A hostile or broken ChatGPT, for the reliability tests: in front of the
 * ChatGPT replay it answers three kinds of prompt itself. "[markup] …" gets a
 * recorded-format answer whose model names carry markup; "[fuzz N] …" gets
 * fuzzed stream N (fuzzedStream), written in uneven pieces; "[say WORD] …" gets
 * a recorded-format answer that contains WORD (the privacy canary for answers).
 * The tap must hand the page every byte unchanged and never throw into it.
 */

export const MARKUP_PREFIX = '[markup]';
export const MARKUP_MODEL = '<img src=x onerror="window.frugalPwned=1">';
const FUZZ = /^\[fuzz (\d+)\]/;
const SAY = /^\[say (\w+)\]/;

const chatgptFixture = fixtures('chatgpt');
const STREAMS = ['thinking', 'routed', 'image', 'interrupted', 'legacy', 'handoff', 'malformed', 'truncated'].map((name) =>
  Buffer.from(chatgptFixture(`${name}.sse`), 'utf8'),
);

/**
 * Stream `seed`: random bytes (invalid UTF-8 among them), a recorded stream
 * with bytes flipped, cut short, with its events shuffled, or one endless line.
 */
export function fuzzedStream(seed: number): Buffer {
  const next = seededRandom(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  const recorded = STREAMS[pick(STREAMS.length)]!;
  switch (seed % 5) {
    case 0:
      return Buffer.from(Array.from({ length: pick(4096) }, () => pick(256)));
    case 1: {
      const flipped = Buffer.from(recorded);
      for (let n = 0; n < 1 + pick(40); n += 1) flipped[pick(flipped.length)] = pick(256);
      return flipped;
    }
    case 2:
      return recorded.subarray(0, pick(recorded.length));
    case 3: {
      const events = recorded.toString('utf8').split('\n\n');
      for (let n = events.length - 1; n > 0; n -= 1) {
        const other = pick(n + 1);
        [events[n], events[other]] = [events[other]!, events[n]!];
      }
      return Buffer.from(events.join('\n\n'), 'utf8');
    }
    default:
      return Buffer.from(`data: {"v": {"message": {"author": {"role": "assistant"}, "content": {"parts": ["${'a'.repeat(200_000 + pick(100_000))}`, 'utf8');
  }
}

async function writeUnevenly(response: ServerResponse, bytes: Buffer, seed: number): Promise<void> {
  const next = seededRandom(seed ^ 0x5bd1e995);
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
  for (let offset = 0; offset < bytes.length; ) {
    if (response.destroyed) return;
    const size = 1 + Math.floor(next() * 700);
    response.write(bytes.subarray(offset, offset + size));
    offset += size;
    if (next() < 0.2) await new Promise((done) => setTimeout(done, 1));
  }
  response.end();
}

function promptOf(request: ReplayRequest): string {
  try {
    return bodyOf<{ messages?: { content?: { parts?: unknown[] } }[] }>(request).messages?.[0]?.content?.parts?.[0]?.toString() ?? '';
  } catch {
    return '';
  }
}

export function hostileChatgpt(chatgpt: ReplaySite): ReplaySite {
  return {
    ...chatgpt,
    async handle(request, response) {
      if (request.method === 'POST' && request.url.pathname === '/backend-api/f/conversation') {
        const prompt = promptOf(request);
        const fuzz = FUZZ.exec(prompt);
        if (fuzz) {
          const seed = Number(fuzz[1]);
          await writeUnevenly(response, fuzzedStream(seed), seed);
          return true;
        }
        const say = SAY.exec(prompt);
        if (say) {
          const answer = chatgptFixture('routed.sse').replace(' Todo bien, ¿y tú?', ` Todo bien: ${say[1]}.`);
          await writeUnevenly(response, Buffer.from(answer, 'utf8'), 2);
          return true;
        }
        if (prompt.startsWith(MARKUP_PREFIX)) {
          const marked = chatgptFixture('routed.sse').replaceAll('"gpt-5-3"', JSON.stringify(MARKUP_MODEL));
          await writeUnevenly(response, Buffer.from(marked, 'utf8'), 1);
          return true;
        }
      }
      return chatgpt.handle(request, response);
    },
  };
}
