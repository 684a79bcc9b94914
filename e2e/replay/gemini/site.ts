import type { ServerResponse } from 'node:http';
import { streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { fixtures, Scenarios, siteFiles, SLOW_PREFIX, streamStalled, withPageKit } from '../kit';

/**
 * Gemini (gemini.google.com) as the extension meets it: the app page with the
 * custom elements of lib/sites/gemini.ts's `geminiPage`, and the XHR traffic
 * the page makes (see the adapter's header and ../shared/research/sites.md):
 *
 * - a prompt is an XHR `POST …/BardFrontendService/StreamGenerate?bl=…&_reqid=…&rt=c`
 *   with the form body `f.req=[null,"<inner JSON>"]&at=…` and the picked mode's
 *   model id in the `x-goog-ext-525001261-jspb` header, answered with the
 *   recorded-format frames of lib/sites/__fixtures__/gemini;
 * - everything else goes through `…/data/batchexecute?rpcids=…`: the chat list
 *   (`MaZiqc`) and gems (`CNgdBe`) on load, the list again after an answer
 *   (guessed: when the app refreshes it is not known), and a chat opened from
 *   history (`hNvQHb`; its payload here is a simplified stand-in, the real
 *   one was not seen).
 */

const geminiFixture = fixtures('gemini');
const files = siteFiles(import.meta.url);
const STREAM_GENERATE = /^(?:\/u\/\d+)?\/_\/BardChatUi\/data\/assistant\.lamda\.BardFrontendService\/StreamGenerate$/;
const BATCH_EXECUTE = /^(?:\/u\/\d+)?\/_\/BardChatUi\/data\/batchexecute$/;
const FRAMES_TYPE = 'application/json; charset=utf-8';

/** The prompt of a recorded request: `inner[0][0]` of the `f.req` form field. */
function promptOf(formBody: string): string {
  const outer = JSON.parse(new URLSearchParams(formBody).get('f.req') ?? '[]') as unknown[];
  const inner = JSON.parse(String(outer[1])) as [[string]];
  return inner[0][0];
}

/** The answers the replay gives, each chosen by the prompt of the scenario's request fixture ("[truncated] …" when taken). */
const SCENARIOS = new Scenarios(
  'Gemini',
  ['answer', 'thinking', 'image', 'card', 'error', 'malformed', 'truncated', 'duplicated'].map((name) => ({
    name,
    prompt: promptOf(geminiFixture(`${name}.request.txt`)),
    stream: geminiFixture(`${name}.frames`),
  })),
);

export const geminiScenarioPrompt = (name: string): string => SCENARIOS.named(name).prompt;
export const geminiScenarioStream = (name: string): string => SCENARIOS.named(name).stream;

/**
 * The model ids of the page's mode picker: "Fast" and "Thinking" as final frames
 * name them (capture 2026-03); the third is the id the adapter's unit tests send,
 * labelled "Pro" here by guess.
 */
export const GEMINI_MODES = { fast: 'fbb127bbb056c959', thinking: '5bf011840784117a', pro: '9ec249fc9ad08861' };

/** A chat opened from history: its turns are on screen, none is a prompt. */
export const GEMINI_HISTORY_CHAT = '7d0f3a9b2c1e4856';
const HISTORY_TURNS = [
  [[`c_${GEMINI_HISTORY_CHAT}`, 'r_0a1b2c3d4e5f6071'], null, [['An older question, already answered.']], [[['rc_1f2e3d4c5b6a7980', ['An older answer.']]]]],
];

/** A batchexecute reply: the XSSI guard, then one length-prefixed frame with the call's payload. */
function batchReply(response: ServerResponse, rpcId: string, payload: unknown): true {
  const frame = JSON.stringify([['wrb.fr', rpcId, JSON.stringify(payload), null, null, null, 'generic'], ['di', 42], ['af.httprm', 41, '-1', 12]]);
  response
    .writeHead(200, { 'content-type': FRAMES_TYPE })
    .end(`)]}'\n\n${frame.length + 1}\n${frame}\n`);
  return true;
}

export interface GeminiReplayOptions {
  /** Bytes per write and pause between writes when streaming answers. */
  chunkBytes?: number;
  delayMs?: number;
}

export function geminiReplay(options: GeminiReplayOptions = {}): ReplaySite {
  const pace = { chunkBytes: options.chunkBytes ?? 200, delayMs: options.delayMs ?? 5 };
  return withPageKit({
    hosts: ['gemini.google.com'],
    async handle(request: ReplayRequest, response) {
      const { method } = request;
      const path = request.url.pathname;
      if (method === 'GET' && (path === '/' || path === '/app' || path.startsWith('/app/'))) return files.page(response);
      if (method === 'GET' && path === '/_/mss/boq-bard-web/_/js/app.js') return files.script(response);
      if (method !== 'POST') return false;
      if (BATCH_EXECUTE.test(path)) {
        const rpcId = request.url.searchParams.get('rpcids') ?? '';
        return batchReply(response, rpcId, rpcId === 'hNvQHb' ? [HISTORY_TURNS] : [[]]);
      }
      if (!STREAM_GENERATE.test(path)) return false;
      const prompt = promptOf(request.body.toString('utf8'));
      // Test-only: a "[slow]" prompt gets the "answer" frames, stalled after the frame line of its first answer text.
      if (prompt.startsWith(SLOW_PREFIX)) {
        await streamStalled(response, geminiScenarioStream('answer'), { after: '「おはようございます」', pieceEnd: '\n', contentType: FRAMES_TYPE });
        return true;
      }
      await streamText(response, SCENARIOS.answering(prompt).stream, { contentType: FRAMES_TYPE, ...pace });
      return true;
    },
  });
}

export const demo: ReplayDemo = {
  name: 'Gemini',
  start: 'https://gemini.google.com/app',
  create: () => geminiReplay({ chunkBytes: 60, delayMs: 30 }),
};
