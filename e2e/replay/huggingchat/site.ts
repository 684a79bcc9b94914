import type { ServerResponse } from 'node:http';
import { sendJson, streamText, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { fixtures, siteFiles, withPageKit } from '../kit';

/**
 * HuggingChat (huggingface.co/chat, the huggingface/chat-ui app) as the
 * extension meets it: a new chat is created with `POST /chat/conversation`
 * (JSON, not a prompt), then each prompt is `POST /chat/conversation/{id}` with a
 * multipart body whose `data` field holds the JSON options; the answer streams
 * as JSON lines (the unit fixtures, verbatim). Stop is
 * `POST …/stop-generating`, after which the server ends the answer with an
 * interrupted `finalAnswer` (chat-ui's abortedGenerations, read 2026-11); an
 * interrupted answer can be continued (`is_continue`), an answer retried
 * (`is_retry`). Opening a conversation loads `__data.json` (SvelteKit).
 */

const huggingchatFixture = fixtures('huggingchat');
const files = siteFiles(import.meta.url);

const inputsOf = (name: string): string => (JSON.parse(huggingchatFixture(name)) as { inputs: string }).inputs;

/** Answers by prompt; the error's and the stopped story's prompts are the replay's own. */
export const HUGGINGCHAT_SCENARIOS = {
  router: { prompt: inputsOf('router.data.json'), stream: huggingchatFixture('router.jsonl') },
  reasoning: { prompt: inputsOf('reasoning.data.json'), stream: huggingchatFixture('reasoning.jsonl') },
  image: { prompt: inputsOf('image.data.json'), stream: huggingchatFixture('image.jsonl') },
  continued: { prompt: inputsOf('continue.first.data.json'), stream: huggingchatFixture('continue.first.jsonl') },
  error: { prompt: 'Tell me a joke about servers', stream: huggingchatFixture('error.jsonl') },
  stopped: { prompt: 'Write a story about an old lamp', stream: huggingchatFixture('interrupted.jsonl') },
} as const;

/** The answer to `is_continue`, and to `is_retry` without new text. */
export const CONTINUATION = huggingchatFixture('continue.jsonl');
export const RETRIED = huggingchatFixture('router.jsonl');

/** A conversation already on the server (chat-ui ids are MongoDB ObjectIds). */
export const HUGGINGCHAT_CONVERSATION = '68a1f0c2e4b0a1b2c3d4e5f6';
/** What creating a conversation returns. */
const NEW_CONVERSATION = '68b2e1d3f5c1b2c3d4e5f607';

export interface HuggingchatReplayOptions {
  chunkBytes?: number;
  delayMs?: number;
}

export function huggingchatReplay(options: HuggingchatReplayOptions = {}): ReplaySite {
  const pace = { chunkBytes: options.chunkBytes ?? 120, delayMs: options.delayMs ?? 5, contentType: 'application/jsonl' };
  let stopRequested: (() => void) | null = null;
  return withPageKit({
    hosts: ['huggingface.co'],
    async handle(request, response) {
      const path = request.url.pathname;
      if (request.method === 'GET' && (path === '/chat' || path === '/chat/' || path.startsWith('/chat/conversation/'))) {
        if (path.endsWith('/__data.json')) return sendJson(response, conversationData(path));
        return files.page(response);
      }
      if (request.method === 'GET' && path === '/chat/_app/immutable/app.js') return files.script(response);
      if (request.method === 'POST' && path === '/chat/conversation') return sendJson(response, { conversationId: NEW_CONVERSATION });
      if (request.method === 'POST' && /^\/chat\/conversation\/[^/]+\/stop-generating$/.test(path)) {
        stopRequested?.();
        response.writeHead(200).end();
        return true;
      }
      if (request.method === 'POST' && /^\/chat\/conversation\/[^/]+$/.test(path)) {
        await answer(request, response);
        return true;
      }
      return false;
    },
  });

  async function answer(request: ReplayRequest, response: ServerResponse): Promise<void> {
    const form = await new Request('https://huggingface.co/', {
      method: 'POST',
      headers: { 'content-type': String(request.headers['content-type']) },
      body: new Uint8Array(request.body),
    }).formData();
    const played = streamFor(JSON.parse(String(form.get('data'))) as PromptOptions);
    if (played === HUGGINGCHAT_SCENARIOS.stopped.stream) await untilStopped(response, played);
    else await streamText(response, played, pace);
  }

  /** Streams until the user presses Stop, then ends as chat-ui does: with an interrupted final answer. */
  async function untilStopped(response: ServerResponse, stream: string): Promise<void> {
    const lines = stream.split(/(?<=\n)/);
    response.writeHead(200, { 'content-type': pace.contentType, 'cache-control': 'no-cache' });
    for (const line of lines.slice(0, -1)) {
      response.write(line);
      await new Promise((resolve) => setTimeout(resolve, pace.delayMs));
    }
    await new Promise<void>((resolve) => {
      stopRequested = resolve;
      setTimeout(resolve, 15_000);
    });
    stopRequested = null;
    response.end(lines.at(-1));
  }
}

interface PromptOptions {
  inputs?: string;
  is_retry?: boolean;
  is_continue?: boolean;
}

/** The answer to a prompt's options: a continuation, a retry, or the scenario of its text. */
function streamFor(options: PromptOptions): string {
  if (options.is_continue) return CONTINUATION;
  if (options.is_retry && options.inputs === undefined) return RETRIED;
  return (Object.values(HUGGINGCHAT_SCENARIOS).find((scenario) => scenario.prompt === options.inputs) ?? HUGGINGCHAT_SCENARIOS.router).stream;
}

/** The conversation page's data (SvelteKit `__data.json`), reduced to its messages. */
function conversationData(path: string): unknown {
  const id = path.split('/')[3];
  const messages =
    id === HUGGINGCHAT_CONVERSATION
      ? [
          { id: '5f0e8f1a-8d3b-4c6e-9a7b-1c2d3e4f5a6a', from: 'user', content: 'An older question, already answered.' },
          { id: '5f0e8f1a-8d3b-4c6e-9a7b-1c2d3e4f5a6b', from: 'assistant', content: 'An older answer.' },
        ]
      : [];
  return { type: 'data', nodes: [{ type: 'data', data: { model: 'omni', messages } }] };
}

export const demo: ReplayDemo = {
  name: 'HuggingChat',
  start: 'https://huggingface.co/chat/',
  create: () => huggingchatReplay({ chunkBytes: 40, delayMs: 60 }),
};
