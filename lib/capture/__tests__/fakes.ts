import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, vi } from 'vitest';
import type { Measurement } from '../../event';
import { classifyTask } from '../../footprint/classify';
import type { SiteAdapter } from '../../sites/types';
import { installTap, type TapWindow } from '../tap';
import { Turn } from '../turn';

/** Test doubles for the page's network APIs, built on Node's own fetch primitives. */

export function fixture(site: string, name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../sites/__fixtures__/${site}/${name}`, import.meta.url)), 'utf8');
}

/** A byte stream cut into pieces of `chunkSize` bytes (even inside a UTF-8 character). */
export function byteStream(
  text: string,
  chunkSize: number,
  failAfter?: number,
  hang = false,
): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && offset >= failAfter) {
        controller.error(new DOMException('The operation was aborted.', 'AbortError'));
        return;
      }
      if (offset >= bytes.length) {
        if (hang) return new Promise<void>(() => undefined);
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

export interface FakeResponse {
  body: string;
  status?: number;
  contentType?: string;
  chunkSize?: number;
  /** Error the stream after this many bytes (the connection dropped or was aborted). */
  failAfter?: number;
  /** Keep the stream open after the body, like an answer still being generated. */
  hang?: boolean;
}

/** A fake XMLHttpRequest that streams a canned response in chunks, like a browser would. */
export class FakeXhr extends EventTarget {
  static responses: FakeResponse[] = [];
  readyState = 0;
  status = 0;
  responseType: XMLHttpRequestResponseType = '';
  responseText = '';
  private headers = '';
  method = '';
  url = '';

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(_name: string, _value: string): void {}

  getResponseHeader(name: string): string | null {
    return name.toLowerCase() === 'content-type' ? this.headers : null;
  }

  send(_body?: unknown): void {
    const response = FakeXhr.responses.shift() ?? { body: '' };
    const size = response.chunkSize ?? 64;
    setTimeout(() => {
      this.status = response.status ?? 200;
      this.headers = response.contentType ?? 'text/plain';
      this.readyState = 2;
      this.dispatchEvent(new Event('readystatechange'));
      for (let offset = 0; offset < response.body.length; offset += size) {
        this.responseText += response.body.slice(offset, offset + size);
        this.readyState = 3;
        this.dispatchEvent(new Event('readystatechange'));
        this.dispatchEvent(new Event('progress'));
      }
      this.readyState = 4;
      this.dispatchEvent(new Event('readystatechange'));
      this.dispatchEvent(new Event('load'));
      this.dispatchEvent(new Event('loadend'));
    }, 0);
  }
}

/** A fake WebSocket: tests push server frames with `serverSends`. */
export class FakeSocket extends EventTarget {
  static last: FakeSocket | null = null;
  readonly sent: unknown[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.last = this;
  }
  send(data: unknown): void {
    this.sent.push(data);
  }
  serverSends(data: string): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  close(): void {
    this.dispatchEvent(new Event('close'));
  }
}

export interface TestPage {
  win: TapWindow;
  /** The fetch the page had before the tap wrapped it. */
  nativeFetch: typeof fetch;
  sent: Measurement[];
  /** The last measurement sent for each turn id, in order of first appearance. */
  finals(): Measurement[];
  pagehide(): void;
  /** What a newer tap's arrival does to this one. */
  retire(): void;
}

/** A stand-in page with the tap installed, whose fetch answers from `respond`. */
export function testPage(
  adapters: readonly SiteAdapter[],
  respond: (url: string, init?: RequestInit) => FakeResponse,
  href = 'https://chatgpt.com/c/6920f1c4',
  start = 1_764_140_000_000,
): TestPage {
  let clock = start;
  let ids = 0;
  const pagehide: (() => void)[] = [];
  const sent: Measurement[] = [];
  const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = respond(url, init);
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    return new Response(byteStream(response.body, response.chunkSize ?? 97, response.failAfter, response.hang), {
      status: response.status ?? 200,
      headers: { 'content-type': response.contentType ?? 'text/event-stream' },
    });
  }) as typeof fetch;
  // Each page wraps its own subclasses, as each real page has its own globals.
  class PageXhr extends FakeXhr {}
  class PageSocket extends FakeSocket {}
  const win: TapWindow = {
    fetch: fakeFetch,
    XMLHttpRequest: PageXhr as unknown as typeof XMLHttpRequest,
    WebSocket: PageSocket as unknown as typeof WebSocket,
    Request,
    location: { href },
    addEventListener: ((type: string, listener: () => void) => {
      if (type === 'pagehide') pagehide.push(listener);
    }) as Window['addEventListener'],
  };
  const installed = installTap(win, {
    adapters,
    send: (measurement) => sent.push(measurement),
    classify: classifyTask,
    // Each reading of the clock advances it 10 ms: durations grow as in real time.
    now: () => (clock += 10),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  });
  return {
    win,
    nativeFetch: fakeFetch,
    sent,
    finals: () => finalsOf(sent),
    pagehide: () => pagehide.forEach((listener) => listener()),
    retire: () => installed.retire(),
  };
}

/** The last measurement sent for each turn id, in order of first appearance. */
export function finalsOf(sent: readonly Measurement[]): Measurement[] {
  const last = new Map<string, Measurement>();
  for (const measurement of sent) last.set(measurement.id, measurement);
  return [...last.values()];
}

/** A site's DOM detector running on `doc` with real turns (ids turn-1, turn-2…), as the tap would run it. */
export function runDomDetector(adapter: SiteAdapter, doc: Document) {
  const sent: Measurement[] = [];
  const turns: Turn[] = [];
  const controller = new AbortController();
  adapter.detect!({
    doc,
    signal: controller.signal,
    open: () => {
      const turn = new Turn({
        id: `turn-${turns.length + 1}`,
        detector: 'dom',
        adapterVersion: adapter.version,
        classify: classifyTask,
        now: () => Date.now(),
        emit: (measurement) => sent.push(measurement),
      });
      turns.push(turn);
      return turn;
    },
  });
  return {
    sent,
    /** What each turn would send if the page were closed now (the tap flushes open turns on pagehide). */
    flushed: () => turns.map((turn) => turn.measurement()),
    abort: () => controller.abort(),
    finals: () => finalsOf(sent),
  };
}

/** Wait until the tap has sent `count` measurements (and give it a chance to send more). */
export async function sentAtLeast(page: TestPage, count: number): Promise<void> {
  await vi.waitFor(() => {
    if (page.sent.length < count) throw new Error(`only ${page.sent.length} of ${count} measurements sent`);
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Waits for the provisional and the final measurement, expects a single turn, and returns its last measurement. */
export async function onlyEvent(page: TestPage): Promise<Measurement> {
  await sentAtLeast(page, 2);
  const finals = page.finals();
  expect(finals).toHaveLength(1);
  return finals[0]!;
}

/** What a page read for one prompt, and the one event the tap measured from it. */
interface Answered {
  page: TestPage;
  pageText: string;
  event: Measurement;
}

/** Posts `body` through the page's own fetch, reads the answer as the page would, and expects one event. */
export async function postPrompt(page: TestPage, url: string, body: BodyInit): Promise<Answered> {
  const response = await page.win.fetch(url, { method: 'POST', body });
  const pageText = await response.text();
  return { page, pageText, event: await onlyEvent(page) };
}

/** A measurement without what depends on the clock (its start and duration). */
export function withoutTiming({ at: _at, durationMs: _durationMs, ...rest }: Measurement): Omit<Measurement, 'at' | 'durationMs'> {
  return rest;
}

/** One replay of a prompt: what the page read, and what the tap measured (one event or several). */
type ChunkedReplay = { pageText: string } & ({ event: Measurement } | { events: Measurement[] });

/**
 * Replays the same exchange in 4 KiB chunks, then in 1-, 3- and 64-byte chunks
 * (cutting UTF-8 characters and frames apart): each time the tap must measure
 * the same events, but for their timing, and the page must read `body` untouched.
 */
export async function expectSameHoweverChunked(replay: (chunkSize: number) => Promise<ChunkedReplay>, body: string): Promise<void> {
  const measured = (result: ChunkedReplay) => ('events' in result ? result.events : [result.event]).map(withoutTiming);
  const reference = measured(await replay(4096));
  for (const chunkSize of [1, 3, 64]) {
    const result = await replay(chunkSize);
    expect(measured(result)).toEqual(reference);
    expect(result.pageText).toBe(body);
  }
}

/** A valid measurement to vary in tests. */
export function validMeasurement(overrides: Partial<Measurement> = {}): Measurement {
  return {
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    at: Date.UTC(2026, 10, 26, 9, 30),
    kind: 'text',
    model: 'gpt-5-3',
    modelSource: 'response',
    task: 'chat',
    inputChars: 40,
    outputChars: 800,
    reasoningChars: 0,
    inputTokens: 10,
    outputTokens: 200,
    reasoningTokens: 0,
    images: 0,
    durationMs: 5200,
    status: 'complete',
    detector: 'network',
    adapterVersion: 1,
    ...overrides,
  };
}
