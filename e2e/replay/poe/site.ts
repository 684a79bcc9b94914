import type { WebSocket } from 'ws';
import { sendJson, sha256, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { bodyOf, fixtures, siteFiles, withPageKit } from '../kit';

/**
 * Poe as the extension meets it. Prompts are GraphQL mutations over
 * `POST /api/gql_POST`; answers arrive over the update channel, a WebSocket on
 * another host, `wss://tch<N>.tch.poe.com/up/<box>/updates?…`, whose address the
 * page builds from `GET /api/settings` (`tchannelData`), as
 * snowby666/poe-api-wrapper does (read 2026-11). Every other GraphQL call (the
 * chat page query, the subscriptions mutation, cancelling an answer) is not a
 * prompt. Mutation responses and channel frames are the unit fixtures, verbatim.
 *
 * The real app picks a random `tch<N>` host; the replay fixes one so that the
 * browser can resolve it to the replay server. Chat codes and the chat page
 * query's answer are made up (only ids the fixtures use matter).
 */

const fixture = fixtures('poe');
const files = siteFiles(import.meta.url);
const POE_CHANNEL_HOST = 'tch482913.tch.poe.com';
const BOX = 'chan53-8888';

interface Scenario {
  name: string;
  queryName: string;
  variables: { chatId: number | null; bot?: string; query?: string; messageId?: number };
  response: string;
  frames: string[];
  /** Frames sent before the answer waits for the user to press Stop (the cancel mutation). */
  framesBeforeStop?: number;
}

function loadScenario(name: string, options: { framesBeforeStop?: number; frames?: boolean } = {}): Scenario {
  const request = JSON.parse(fixture(`${name}.request.json`)) as Pick<Scenario, 'queryName' | 'variables'>;
  const frames = options.frames === false ? [] : fixture(`${name}.frames`).split('\n').filter(Boolean);
  return { name, ...request, response: fixture(`${name}.response.json`), frames, framesBeforeStop: options.framesBeforeStop };
}

const SCENARIOS: Scenario[] = [
  loadScenario('existing'),
  loadScenario('newchat'),
  loadScenario('search'),
  loadScenario('image'),
  loadScenario('cancelled', { framesBeforeStop: 2 }),
  loadScenario('failed'),
  loadScenario('limited', { frames: false }),
  loadScenario('regenerate'),
];

function scenario(name: string): Scenario {
  const found = SCENARIOS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no Poe scenario ${name}`);
  return found;
}

/** The prompt and the bot a scenario's request sends. */
export function poeRequest(name: string): { prompt: string; bot: string } {
  const { variables } = scenario(name);
  return { prompt: variables.query ?? '', bot: variables.bot ?? '' };
}

/** What the page receives for a scenario: the mutation's response and the channel frames. */
export function poeReceived(name: string): { responseSha256: string; frames: number; framesSha256: string } {
  const { response, frames } = scenario(name);
  return { responseSha256: sha256(response), frames: frames.length, framesSha256: sha256(frames.join('\n')) };
}

/** Chats the replay can open, by code: the ids the fixtures answer in. */
export const POE_CHATS = {
  /** Most fixtures: a chat with Claude (its bot handle, "claude_3_igloo"). */
  claude: { code: '2zn12dg7eyw6cs8rmpy', chatId: 871160085, bot: 'claude_3_igloo' },
  /** The image fixture's chat, with an image bot. */
  images: { code: '3h2kd9x1c7vbn4mw8qz', chatId: 871160311, bot: 'dalle3' },
} as const;

export interface PoeReplayOptions {
  /** Pause between channel frames. */
  frameDelayMs?: number;
}

export function poeReplay(options: PoeReplayOptions = {}): ReplaySite {
  const delayMs = options.frameDelayMs ?? 10;
  const channels = new Set<WebSocket>();
  let stopPressed: (() => void) | null = null;

  const push = async (frames: string[]): Promise<void> => {
    for (const frame of frames) {
      // Poe pushes to every channel of the account: each open tab gets the frames.
      for (const channel of channels) channel.send(frame);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  };

  const answer = async (played: Scenario): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const before = played.framesBeforeStop ?? played.frames.length;
    await push(played.frames.slice(0, before));
    if (before < played.frames.length) {
      await new Promise<void>((resolve) => {
        stopPressed = resolve;
        setTimeout(resolve, 15_000);
      });
      stopPressed = null;
      await push(played.frames.slice(before));
    }
  };

  return withPageKit({
    hosts: ['poe.com', POE_CHANNEL_HOST],
    handle(request: ReplayRequest, response) {
      if (request.url.hostname !== 'poe.com') return false;
      const path = request.url.pathname;
      if (request.method === 'GET' && (path === '/' || path.startsWith('/chat/'))) return files.page(response);
      if (request.method === 'GET' && path === '/_next/static/app.js') return files.script(response);
      if (request.method === 'GET' && path === '/api/settings') {
        return sendJson(response, {
          tchannelData: {
            minSeq: '1853420000',
            channel: `poe-${BOX}-epvwaoixsrcsxrcglfuj`,
            channelHash: '17493658243012345678',
            boxName: BOX,
            baseHost: 'poe.com',
            enableWebsocket: true,
          },
        });
      }
      if (request.method === 'POST' && path === '/api/gql_POST') return graphql(request, response);
      return false;
    },
    socket(request, ws) {
      if (request.url.hostname !== POE_CHANNEL_HOST || request.url.pathname !== `/up/${BOX}/updates`) return false;
      channels.add(ws);
      ws.on('close', () => channels.delete(ws));
      return true;
    },
  });

  function graphql(request: ReplayRequest, response: Parameters<ReplaySite['handle']>[1]): true {
    const query = bodyOf<{ queryName: string; variables: Record<string, unknown> }>(request);
    const name = query.queryName;
    if (name === 'ChatPageQuery') {
      const chat = Object.values(POE_CHATS).find((candidate) => candidate.code === query.variables.chatCode);
      return sendJson(response, { data: { chatOfCode: chat ? { chatId: chat.chatId, chatCode: chat.code, defaultBotObject: { handle: chat.bot } } : null } });
    }
    if (name === 'subscriptionsMutation') return sendJson(response, { data: { autoSubscribe: { viewer: { id: 'Vmlld2VyOjA=' } } } });
    if (name === 'chatHelpers_messageCancel_Mutation') {
      stopPressed?.();
      return sendJson(response, { data: { messageCancel: { status: 'success' } } });
    }
    let played: Scenario | undefined;
    if (name === 'RegenerateMessageMutation') {
      played = SCENARIOS.find((candidate) => candidate.variables.messageId === query.variables.messageId);
    } else if (name === 'sendMessageMutation' || name === 'chatHelpersSendNewChatMessageMutation') {
      // Any other prompt (typed in the demo) gets the answer in the Claude chat.
      played = SCENARIOS.find((candidate) => candidate.variables.query === query.variables.query) ?? scenario('existing');
    }
    if (!played) return sendJson(response, { data: null, errors: [{ message: `unknown ${name}` }] });
    response.writeHead(200, { 'content-type': 'application/json' }).end(played.response);
    void answer(played);
    return true;
  }
}

export const demo: ReplayDemo = {
  name: 'Poe',
  start: `https://poe.com/chat/${POE_CHATS.claude.code}`,
  create: () => poeReplay({ frameDelayMs: 400 }),
};
