import { createHash } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { ReplayRequest, ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { siteFiles, withPageKit } from '../kit';

/**
 * Meta AI as the extension meets it: the chat runs over a WebSocket with binary
 * frames (`wss://gateway.meta.ai/ws/clippy`, sites.md) that the extension does
 * not read, so what it measures is the page: user messages
 * `[data-message-type="user"]` with their text in `[data-slot="text"]`, answers
 * streaming into the next message, a rich-text composer (seen 2026-06/07, see
 * lib/sites/meta.ts; the assistant's `data-message-type` value is guessed).
 *
 * The binary framing here is made up — the real one is not public — and only
 * has to be something the tap cannot read: a type byte, then UTF-8 text.
 * A chat opened at `/prompt/<id>` shows its last exchange before the page has
 * loaded (as server rendering would) and loads older ones over the socket,
 * several at once: never prompts.
 */

const files = siteFiles(import.meta.url);

/** Frame types of the made-up framing (app.js has the same table). */
const FRAME = { prompt: 1, text: 2, done: 3, error: 4, stop: 5, history: 6 } as const;

interface Scenario {
  name: string;
  prompt: string;
  /** Answer text pieces, streamed in order; none for an error. */
  pieces: string[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'answer',
    prompt: 'What is the tallest mountain in Africa?',
    pieces: ['Kilimanjaro, ', 'at 5,895 m, ', 'is the tallest ', 'mountain in Africa.'],
  },
  // Meta shows an error notice instead of an answer (replay's choice: the real notice was not seen).
  { name: 'error', prompt: 'Plan a week in Lisbon for me', pieces: [] },
  {
    name: 'long',
    prompt: 'Tell me a long story about a lighthouse keeper',
    pieces: Array.from({ length: 40 }, (_, i) => `The keeper climbed the stairs again (night ${i + 1}). `),
  },
];

function scenario(name: string): Scenario {
  const found = SCENARIOS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no Meta AI scenario ${name}`);
  return found;
}

export function metaPrompt(name: string): string {
  return scenario(name).prompt;
}

export function metaAnswer(name: string): string {
  return scenario(name).pieces.join('');
}

function frame(type: number, text = ''): Buffer {
  return Buffer.concat([Buffer.from([type]), Buffer.from(text, 'utf8')]);
}

/** The frames the server sends for a scenario's whole answer. */
function answerFrames(played: Scenario): Buffer[] {
  if (played.pieces.length === 0) return [frame(FRAME.error, 'Something went wrong. Please try again.')];
  return [...played.pieces.map((piece) => frame(FRAME.text, piece)), frame(FRAME.done)];
}

/** What the page receives for a whole answer: frame count and SHA-256 of the frames' bytes, in order. */
export function metaReceived(name: string): { frames: number; sha256: string } {
  const frames = answerFrames(scenario(name));
  return { frames: frames.length, sha256: createHash('sha256').update(Buffer.concat(frames)).digest('hex') };
}

/** A chat already on screen: its newest exchange at load, older ones over the socket. */
export const META_CHAT = '/prompt/7f3c2a91-5b6d-4e8f-a0b1-c2d3e4f5a6b7';
const OLDER_EXCHANGES = [
  ['Name a river in Spain', 'The Ebro.'],
  ['And one in Portugal?', 'The Mondego.'],
];

export interface MetaReplayOptions {
  /** Pause between answer pieces; the long story is always slower, so that Stop can be pressed. */
  pieceDelayMs?: number;
}

export function metaReplay(options: MetaReplayOptions = {}): ReplaySite {
  const delayMs = options.pieceDelayMs ?? 30;
  return withPageKit({
    hosts: ['www.meta.ai', 'meta.ai', 'gateway.meta.ai'],
    handle(request: ReplayRequest, response) {
      if (request.url.hostname === 'gateway.meta.ai') return false;
      const path = request.url.pathname;
      if (request.method === 'GET' && (path === '/' || path === META_CHAT)) return files.page(response);
      if (request.method === 'GET' && path === '/static/app.js') return files.script(response);
      return false;
    },
    socket(request, ws) {
      if (request.url.hostname !== 'gateway.meta.ai' || request.url.pathname !== '/ws/clippy') return false;
      serveChat(ws, delayMs);
      return true;
    },
  });
}

function serveChat(ws: WebSocket, delayMs: number): void {
  let stopped = false;
  ws.on('message', (data, isBinary) => {
    if (!isBinary) return;
    const bytes = data as Buffer;
    const type = bytes[0];
    const text = bytes.subarray(1).toString('utf8');
    if (type === FRAME.stop) stopped = true;
    if (type === FRAME.history) {
      ws.send(frame(FRAME.history, JSON.stringify(OLDER_EXCHANGES)));
    }
    if (type === FRAME.prompt) {
      stopped = false;
      const played = SCENARIOS.find((candidate) => candidate.prompt === text) ?? SCENARIOS[0]!;
      const pace = played.name === 'long' ? Math.max(delayMs, 150) : delayMs;
      void (async () => {
        for (const answer of answerFrames(played)) {
          await new Promise((resolve) => setTimeout(resolve, pace));
          if (stopped || ws.readyState !== ws.OPEN) return;
          ws.send(answer);
        }
      })();
    }
  });
}

export const demo: ReplayDemo = {
  name: 'Meta AI',
  start: 'https://www.meta.ai/',
  create: () => metaReplay({ pieceDelayMs: 200 }),
};
