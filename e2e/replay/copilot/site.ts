import type { WebSocket } from 'ws';
import { sendJson, sha256, type ReplayRequest, type ReplaySite } from '../../server';
import type { ReplayDemo } from '../index';
import { fixtures, siteFiles, withPageKit } from '../kit';

/**
 * Microsoft Copilot as the extension meets it: the app page, `GET /c/api/user`
 * and `POST /c/api/conversations` (not prompts), and the chat WebSocket
 * `wss://copilot.microsoft.com/c/api/chat?api-version=2&…` that plays the unit
 * fixtures' transcripts frame by frame, byte for byte. Endpoints as in
 * xtekky/gpt4free g4f/Provider/Copilot.py (read 2026-11).
 *
 * The socket follows a transcript once the page sends its prompt: server frames
 * (`< `) are sent in order; a frame the page must send first (`> ` challenge
 * answer and resend) is waited for; the page's own chatter in the transcript
 * (`> ping`) is not. Some answers end with the server closing the socket.
 */

const copilotFixture = fixtures('copilot');
const files = siteFiles(import.meta.url);

interface Step {
  fromPage: boolean;
  data: string;
}

interface Scenario {
  name: string;
  prompt: string;
  mode: string;
  /** What the page sends and receives after its prompt, in order. */
  steps: Step[];
  /** How the server ends the answer when the transcript does not: by closing or dropping the socket. */
  ending: 'none' | 'close' | 'drop';
}

function readTranscript(name: string): Step[] {
  return copilotFixture(`${name}.frames`)
    .split('\n')
    .filter((line) => line.startsWith('> ') || line.startsWith('< '))
    .map((line) => ({ fromPage: line.startsWith('> '), data: line.slice(2) }));
}

function eventOf(data: string): unknown {
  try {
    return (JSON.parse(data) as { event?: unknown }).event;
  } catch {
    return undefined;
  }
}

function loadScenario(name: string, ending: Scenario['ending'] = 'none'): Scenario {
  const transcript = readTranscript(name);
  const sendAt = transcript.findIndex((step) => step.fromPage && eventOf(step.data) === 'send');
  const send = JSON.parse(transcript[sendAt]!.data) as { content: { type: string; text?: string }[]; mode: string };
  const prompt = send.content.find((part) => part.type === 'text')?.text ?? '';
  return { name, prompt, mode: send.mode, steps: transcript.slice(sendAt + 1), ending };
}

const SCENARIOS: Scenario[] = [
  loadScenario('chat'),
  loadScenario('reasoning'),
  loadScenario('packed'),
  loadScenario('challenge'),
  loadScenario('error'),
  // Seen 2026-08: an image answer may end with the socket closing and no `done`.
  loadScenario('image', 'close'),
  // A connection lost mid-answer.
  loadScenario('interrupted', 'drop'),
];

function scenario(name: string): Scenario {
  const found = SCENARIOS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no Copilot scenario ${name}`);
  return found;
}

export function copilotPrompt(name: string): string {
  return scenario(name).prompt;
}

export function copilotMode(name: string): string {
  return scenario(name).mode;
}

/** The frames the server sends for a scenario's answer, joined as the page hashes them. */
export function copilotAnswerFrames(name: string): { count: number; sha256: string } {
  const frames = scenario(name).steps.filter((step) => !step.fromPage).map((step) => step.data);
  return { count: frames.length, sha256: sha256(frames.join('\n')) };
}

export interface CopilotReplayOptions {
  /** Pause between server frames. */
  frameDelayMs?: number;
}

export function copilotReplay(options: CopilotReplayOptions = {}): ReplaySite {
  const delayMs = options.frameDelayMs ?? 5;
  return withPageKit({
    hosts: ['copilot.microsoft.com'],
    handle(request: ReplayRequest, response) {
      const path = request.url.pathname;
      if (request.method === 'GET' && (path === '/' || path.startsWith('/chats/'))) return files.page(response);
      if (request.method === 'GET' && path === '/static/app.js') return files.script(response);
      // An anonymous visitor: g4f reads `firstName` and finds none when signed out.
      if (request.method === 'GET' && path === '/c/api/user') return sendJson(response, { firstName: null });
      if (request.method === 'POST' && path === '/c/api/conversations') {
        return sendJson(response, { id: 'H9b72gf9njaycWArRm1ts', title: null });
      }
      return false;
    },
    socket(request, ws) {
      if (request.url.pathname !== '/c/api/chat' || request.url.searchParams.get('api-version') !== '2') return false;
      // Lives as long as the socket: its listeners hold it.
      new ChatSocketReplay(ws, delayMs);
      return true;
    },
  });
}

/** One chat socket: answers each prompt by playing its scenario's transcript. */
class ChatSocketReplay {
  /** Events of the frames the page sent while a transcript plays, not yet consumed. */
  private pageEvents: unknown[] = [];
  private pageSent: (() => void) | null = null;
  private playing = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly delayMs: number,
  ) {
    ws.send('{"event":"connected","id":"0"}');
    ws.on('message', (data) => this.fromPage(data.toString()));
    ws.on('close', () => this.pageSent?.());
  }

  private fromPage(data: string): void {
    const event = eventOf(data);
    if (this.playing) {
      this.pageEvents.push(event);
      this.pageSent?.();
      return;
    }
    if (event !== 'send') return;
    const prompt = (JSON.parse(data) as { content?: { type?: string; text?: string }[] }).content?.find((part) => part.type === 'text')?.text;
    const played = SCENARIOS.find((candidate) => candidate.prompt === prompt) ?? SCENARIOS[0]!;
    void this.play(played);
  }

  /** Resolves once the page has sent a frame with this event (frames may arrive together). */
  private async pageSends(event: unknown): Promise<void> {
    while (this.ws.readyState === this.ws.OPEN) {
      const at = this.pageEvents.indexOf(event);
      if (at >= 0) {
        this.pageEvents.splice(0, at + 1);
        return;
      }
      await new Promise<void>((resolve) => (this.pageSent = resolve));
    }
  }

  private async play(played: Scenario): Promise<void> {
    this.playing = true;
    this.pageEvents = [];
    try {
      for (const step of played.steps) {
        if (this.ws.readyState !== this.ws.OPEN) return;
        const event = eventOf(step.data);
        if (step.fromPage) {
          // Only the page's answers to the server are waited for; its own chatter (ping) is not.
          if (event === 'challengeResponse' || event === 'send') await this.pageSends(event);
          continue;
        }
        this.ws.send(step.data);
        await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      }
      if (played.ending === 'close') this.ws.close(1000);
      if (played.ending === 'drop') this.ws.terminate();
    } finally {
      this.playing = false;
    }
  }
}

export const demo: ReplayDemo = {
  name: 'Microsoft Copilot',
  start: 'https://copilot.microsoft.com/',
  create: () => copilotReplay({ frameDelayMs: 250 }),
};
