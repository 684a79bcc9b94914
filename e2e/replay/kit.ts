import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { sendFile, type ReplayRequest, type ReplaySite } from '../server';

/**
 * What the replay sites share on the server side: their fixtures (the unit
 * tests' bytes, sent as they are, so that a page's SHA-256 of what it received
 * can be compared with them), their own files, scenario tables, the stalled
 * answer of "[slow]" prompts, and the page kit (page-kit.js) that every replay page
 * loads from KIT_PATH.
 */

/** Reads a site's unit fixtures (lib/sites/__fixtures__/<site>/). */
export function fixtures(site: string): (name: string) => string {
  const folder = new URL(`../../lib/sites/__fixtures__/${site}/`, import.meta.url);
  return (name) => readFileSync(new URL(name, folder), 'utf8');
}

/** A replay site's own page and scripts, from the folder of `siteModule` (its site.ts's import.meta.url). */
export function siteFiles(siteModule: string) {
  return {
    page: (response: ServerResponse, file = './index.html'): true => sendFile(response, new URL(file, siteModule), 'text/html; charset=utf-8'),
    script: (response: ServerResponse, file = './app.js'): true => sendFile(response, new URL(file, siteModule), 'text/javascript; charset=utf-8'),
  };
}

// ---------------------------------------------------------------------------
// The page kit

/** Where every replay page loads the page kit (page-kit.js) from: a path no real site uses. */
export const KIT_PATH = '/__replay/kit.js';

/** `site`, also serving the page kit at KIT_PATH on its hosts. */
export function withPageKit(site: ReplaySite): ReplaySite {
  return {
    ...site,
    handle(request, response) {
      if (request.method === 'GET' && request.url.pathname === KIT_PATH) {
        return sendFile(response, new URL('./page-kit.js', import.meta.url), 'text/javascript; charset=utf-8');
      }
      return site.handle(request, response);
    },
  };
}

// ---------------------------------------------------------------------------
// Scenarios: the prompt a page sends picks the answer

export interface Scenario {
  name: string;
  prompt: string;
  /** The answer, byte for byte. */
  stream: string;
}

/**
 * A replay's answers, each chosen by the prompt the page sends: the prompt
 * recorded with the scenario's request fixture or, where an earlier scenario
 * already answers that prompt, the prompt tagged with the scenario's name
 * ("[error] …"). The first one answers any other prompt.
 */
export class Scenarios {
  private readonly all: Scenario[] = [];

  constructor(
    /** The site's name, for errors. */
    private readonly site: string,
    recorded: readonly Scenario[],
  ) {
    for (const { name, prompt, stream } of recorded) {
      const taken = this.all.some((scenario) => scenario.prompt === prompt);
      this.all.push({ name, prompt: taken ? `[${name}] ${prompt}` : prompt, stream });
    }
  }

  named(name: string): Scenario {
    const found = this.all.find((scenario) => scenario.name === name);
    if (!found) throw new Error(`no ${this.site} scenario "${name}"`);
    return found;
  }

  /** The scenario that answers `prompt`. */
  answering(prompt: string): Scenario {
    return this.all.find((scenario) => scenario.prompt === prompt) ?? this.all[0]!;
  }
}

// ---------------------------------------------------------------------------
// Answers a test can stop

/**
 * Test-only: a prompt starting with this is answered slowly enough for a test
 * to press Stop (each site says how: a stall, or a slow pace).
 */
export const SLOW_PREFIX = '[slow]';
/** How long a stalled answer waits for the page to hang up before it goes on. */
export const STALL_MS = 10_000;

export interface Stall {
  /** Text of the piece after which the answer stalls: its first answer text. */
  after: string;
  /** What ends a piece of this stream: a blank line ("\n\n", "\r\n\r\n") for SSE, "\n" for line streams. */
  pieceEnd: string;
  contentType: string;
}

/**
 * Sends `stream` up to the end of the piece holding `stall.after`, then stalls,
 * as a model pausing mid-answer, until the page hangs up (the user pressed Stop)
 * or STALL_MS pass; then sends the rest.
 */
export async function streamStalled(response: ServerResponse, stream: string, stall: Stall): Promise<void> {
  const cut = stream.indexOf(stall.pieceEnd, stream.indexOf(stall.after)) + stall.pieceEnd.length;
  response.writeHead(200, { 'content-type': stall.contentType, 'cache-control': 'no-cache' });
  response.write(stream.slice(0, cut));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, STALL_MS);
    response.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (!response.destroyed) response.end(stream.slice(cut));
}

// ---------------------------------------------------------------------------
// Requests and answers

/** The request's body as JSON. */
export function bodyOf<T>(request: ReplayRequest): T {
  return JSON.parse(request.body.toString('utf8')) as T;
}

/** Sends `text` byte for byte. */
export function sendText(response: ServerResponse, text: string, status = 200, contentType = 'application/json'): true {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(text);
  return true;
}

/**
 * An API host called from the app's page (another origin): allows the page's
 * origin with credentials, and answers the preflight. True when the request
 * was the preflight, already answered.
 */
export function crossOrigin(request: ReplayRequest, response: ServerResponse, headers: string): boolean {
  response.setHeader('access-control-allow-origin', String(request.headers.origin ?? '*'));
  response.setHeader('access-control-allow-credentials', 'true');
  if (request.method !== 'OPTIONS') return false;
  response.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': headers }).end();
  return true;
}

// ---------------------------------------------------------------------------
// The image sites' page

export interface JobPage {
  /** The app's name, in the title. */
  title: string;
  /** The host the page stands in for, in the note. */
  host: string;
  /** The app's own controls (its prompt box and buttons): an HTML file of the site's folder. */
  controls: URL;
  /** Where the site serves its app script. */
  app: string;
  /** Dark, as Leonardo's app is. */
  dark?: boolean;
}

const JOB_PAGE = readFileSync(new URL('./job-page.html', import.meta.url), 'utf8');

/**
 * Sends an image site's page: the shared skeleton (job-page.html: the note, the
 * list the page kit puts each job in, the scripts) around the site's own controls.
 * Every value is the replay's own text, never a request's.
 */
export function sendJobPage(response: ServerResponse, page: JobPage): true {
  const values: Record<string, string> = {
    title: page.title,
    host: page.host,
    theme: page.dark ? 'dark' : 'light',
    controls: readFileSync(page.controls, 'utf8').trimEnd(),
    kit: KIT_PATH,
    app: page.app,
  };
  const html = JOB_PAGE.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key]!);
  return sendText(response, html, 200, 'text/html; charset=utf-8');
}
