import type { Detector, Measurement } from '../event';
import type { HttpRequest, OpenTurn, ResponseReader, SiteAdapter, SocketReader } from '../sites/types';
import { Turn, type ClassifyTask, type TurnEnd } from './turn';

/**
 * The network tap, run in the page's own JavaScript world. It wraps `fetch`,
 * `XMLHttpRequest` and `WebSocket` so that site adapters can read a *copy* of
 * prompt traffic. Rules it keeps:
 *
 * - The page gets exactly what it would have had: the same promise from the
 *   native fetch, the same Response object, the same XHR and socket objects.
 *   Wrappers are Proxies, so names, lengths and `instanceof` are unchanged.
 * - Nothing the tap does can throw into the page: every step of its own is in a
 *   try/catch, and its promise chains are separate from the page's.
 * - Memory per stream is O(1): bodies are read chunk by chunk into counters.
 */

export interface TapOptions {
  /** Adapters for the site this page belongs to. */
  adapters: readonly SiteAdapter[];
  send: (measurement: Measurement) => void;
  classify: ClassifyTask;
  now?: () => number;
  newId?: () => string;
}

/** The parts of `window` the tap touches; tests pass a stand-in. */
export interface TapWindow {
  fetch: typeof fetch;
  XMLHttpRequest: typeof XMLHttpRequest;
  WebSocket: typeof WebSocket;
  Request: typeof Request;
  location: { href: string };
  addEventListener: Window['addEventListener'];
  /** Absent in tests that only exercise the network wrappers. */
  document?: Document;
}

/** Turns remembered by continuation key, so a resumed or continued stream stays one event. */
const RECENT_TURNS = 16;

export interface InstalledTap {
  /**
   * A newer tap took over this page (the extension was updated): start no new
   * turns, stop DOM detectors, let the turns under way finish and report.
   */
  retire(): void;
}

export function installTap(win: TapWindow, options: TapOptions): InstalledTap {
  const tap = new Tap(options);
  hookFetch(win, tap);
  hookXhr(win, tap);
  hookWebSocket(win, tap);
  startDomDetectors(win, tap, options.adapters);
  // A tab closed mid-answer: send what was measured so far rather than the
  // provisional record from the start of the turn.
  win.addEventListener('pagehide', () => tap.flushOpenTurns());
  return { retire: () => tap.retire() };
}

/** DOM detectors start once the document has a body; they run until the tap retires. */
function startDomDetectors(win: TapWindow, tap: Tap, adapters: readonly SiteAdapter[]): void {
  const doc = win.document;
  const detecting = adapters.filter((adapter) => adapter.detect);
  if (!doc || detecting.length === 0) return;
  const signal = tap.retirement;
  const start = (): void => {
    if (signal.aborted) return;
    for (const adapter of detecting) {
      safely(() => adapter.detect!({ doc, signal, open: tap.opener(adapter, undefined, 'dom') }));
    }
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

class Tap {
  private readonly retired = new AbortController();
  private readonly open = new Set<Turn>();
  private readonly recent = new Map<string, Turn>();
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: TapOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Aborted when a newer tap takes over the page. */
  get retirement(): AbortSignal {
    return this.retired.signal;
  }

  retire(): void {
    this.retired.abort();
  }

  adapterFor(url: URL, method: string): SiteAdapter | undefined {
    if (this.retired.signal.aborted) return undefined;
    return this.options.adapters.find((adapter) => adapter.request && adapter.watches?.(url, method));
  }

  socketAdapters(): SiteAdapter[] {
    return this.options.adapters.filter((adapter) => adapter.socket);
  }

  /** An OpenTurn for one adapter; `opened` receives each turn it opens. */
  opener(adapter: SiteAdapter, opened?: (turn: Turn) => void, detector: Detector = 'network'): OpenTurn {
    const open = (continuing?: string): Turn => {
      const previous = continuing ? this.recent.get(continuing) : undefined;
      let turn: Turn;
      if (previous) {
        turn = previous;
        turn.hold();
      } else {
        turn = new Turn({
          id: this.newId(),
          detector,
          adapterVersion: adapter.version,
          classify: this.options.classify,
          now: this.now,
          emit: (measurement) => this.emit(measurement),
          onClose: (closed) => this.open.delete(closed),
          onKey: (keyed, key) => this.remember(key, keyed),
        });
        if (continuing) turn.continuationKey(continuing);
      }
      this.open.add(turn);
      opened?.(turn);
      return turn;
    };
    return Object.assign(open, {
      resume: (key: string) => (this.recent.has(key) ? open(key) : null),
    });
  }

  flushOpenTurns(): void {
    for (const turn of this.open) this.emit(turn.measurement());
  }

  private emit(measurement: Measurement): void {
    try {
      this.options.send(measurement);
    } catch {
      // Delivery is the relay's business; the page must never see our failure.
    }
  }

  /** Turns by continuation key, open or recently finished, so that a later request can join them. */
  private remember(key: string, turn: Turn): void {
    this.recent.delete(key);
    this.recent.set(key, turn);
    if (this.recent.size > RECENT_TURNS) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
  }
}

// ---------------------------------------------------------------------------
// fetch

function hookFetch(win: TapWindow, tap: Tap): void {
  const nativeFetch = win.fetch;
  if (typeof nativeFetch !== 'function') return;
  const RequestClass = win.Request;
  win.fetch = new Proxy(nativeFetch, {
    apply(target, thisArg, args: Parameters<typeof fetch>) {
      let watch: FetchWatch | null = null;
      try {
        watch = watchFetch(tap, win, RequestClass, args);
      } catch {
        watch = null;
      }
      const result = Reflect.apply(target, thisArg, args) as Promise<Response>;
      if (watch) {
        try {
          watch.follow(result);
        } catch {
          // Never let the tap's own failure reach the page.
        }
      }
      return result;
    },
  });
}

interface FetchWatch {
  follow(result: Promise<Response>): void;
}

function watchFetch(
  tap: Tap,
  win: TapWindow,
  RequestClass: typeof Request,
  [input, init]: Parameters<typeof fetch>,
): FetchWatch | null {
  const isRequest = typeof RequestClass === 'function' && input instanceof RequestClass;
  const rawUrl = isRequest ? (input as Request).url : String(input);
  const method = String(init?.method ?? (isRequest ? (input as Request).method : 'GET')).toUpperCase();
  const url = new URL(rawUrl, win.location.href);
  const adapter = tap.adapterFor(url, method);
  if (!adapter) return null;

  const headers = new Headers(init?.headers ?? (isRequest ? (input as Request).headers : undefined));
  // The body must be copied before the native fetch consumes it.
  const body = init?.body !== undefined && init.body !== null ? init.body : isRequest ? (input as Request).clone() : null;
  let turn: Turn | undefined;
  let reader: ResponseReader | null = null;
  const open = tap.opener(adapter, (opened) => (turn = opened));
  const parsed = readBody(body).then((read) => {
    reader = adapter.request!({ url, method, headers, ...read }, open);
    if (!reader) turn?.discard();
  });

  return {
    follow(result) {
      result.then(
        (response) => {
          // First reaction on the promise, before the page can touch the body.
          const copy = response.clone();
          void parsed.then(
            () => (reader && turn ? pumpResponse(copy, reader, turn) : discard(copy)),
            () => discard(copy),
          );
        },
        (error: unknown) => {
          void parsed.then(() => {
            if (!reader || !turn) return;
            const how: TurnEnd = isAbort(error) ? 'aborted' : 'failed';
            safely(() => reader!.end('aborted'));
            turn.finish(how);
          });
        },
      );
    },
  };
}

type ReadBody = Pick<HttpRequest, 'body' | 'form'>;

/** Text (or FormData) of a request body. Synchronous kinds resolve in the same microtask. */
async function readBody(body: unknown): Promise<ReadBody> {
  const none: ReadBody = { body: null, form: null };
  if (body === null || body === undefined) return none;
  if (typeof body === 'string') return { body, form: null };
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) {
    return { body: body.toString(), form: null };
  }
  if (typeof FormData !== 'undefined' && body instanceof FormData) return { body: null, form: body };
  if (typeof Request !== 'undefined' && body instanceof Request) {
    const type = body.headers.get('content-type') ?? '';
    if (type.includes('multipart/form-data')) return { body: null, form: await body.formData() };
    return { body: await body.text(), form: null };
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) return { body: await body.text(), form: null };
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return { body: new TextDecoder().decode(body as ArrayBuffer), form: null };
  }
  return none;
}

async function pumpResponse(response: Response, reader: ResponseReader, turn: Turn): Promise<void> {
  if (response.status >= 400) turn.status('error');
  if (!safely(() => reader.start?.(response.status, response.headers.get('content-type') ?? ''))) {
    await discard(response);
    turn.finish('failed');
    return;
  }
  const body = response.body;
  if (!body) {
    safely(() => reader.end('eof'));
    turn.finish('eof');
    return;
  }
  const stream = body.getReader();
  const decoder = new TextDecoder();
  let how: TurnEnd = 'eof';
  try {
    for (;;) {
      const { done, value } = await stream.read();
      if (done) break;
      if (!safely(() => reader.chunk(decoder.decode(value, { stream: true })))) {
        // An adapter bug: stop reading our copy (the page's copy is unaffected).
        await stream.cancel().catch(() => undefined);
        how = 'failed';
        break;
      }
    }
    if (how === 'eof') safely(() => reader.chunk(decoder.decode()));
  } catch {
    how = 'aborted';
  }
  safely(() => reader.end(how === 'eof' ? 'eof' : 'aborted'));
  turn.finish(how);
}

/** Release a copied body nobody will read, so the tee does not buffer it. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

// ---------------------------------------------------------------------------
// XMLHttpRequest

function hookXhr(win: TapWindow, tap: Tap): void {
  const XhrClass = win.XMLHttpRequest;
  if (typeof XhrClass !== 'function') return;
  const proto = XhrClass.prototype;
  const listen = EventTarget.prototype.addEventListener;
  const targets = new WeakMap<XMLHttpRequest, XhrTarget>();

  proto.open = new Proxy(proto.open, {
    apply(target, xhr: XMLHttpRequest, args: unknown[]) {
      try {
        // A fresh open() clears the headers set before it, as in the XHR spec.
        targets.set(xhr, { method: String(args[0]).toUpperCase(), url: String(args[1]), headers: new Headers() });
      } catch {
        // ignore
      }
      return Reflect.apply(target, xhr, args);
    },
  });

  proto.setRequestHeader = new Proxy(proto.setRequestHeader, {
    apply(target, xhr: XMLHttpRequest, args: unknown[]) {
      try {
        targets.get(xhr)?.headers.append(String(args[0]), String(args[1]));
      } catch {
        // ignore: an invalid header is the page's own error, raised by the native call below
      }
      return Reflect.apply(target, xhr, args);
    },
  });

  proto.send = new Proxy(proto.send, {
    apply(target, xhr: XMLHttpRequest, args: unknown[]) {
      try {
        const request = targets.get(xhr);
        if (request) watchXhr(tap, win, listen, xhr, request, args[0]);
      } catch {
        // ignore
      }
      return Reflect.apply(target, xhr, args);
    },
  });
}

interface XhrTarget {
  method: string;
  url: string;
  headers: Headers;
}

function watchXhr(
  tap: Tap,
  win: TapWindow,
  listen: typeof EventTarget.prototype.addEventListener,
  xhr: XMLHttpRequest,
  request: XhrTarget,
  body: unknown,
): void {
  const url = new URL(request.url, win.location.href);
  const adapter = tap.adapterFor(url, request.method);
  if (!adapter) return;
  let turn: Turn | undefined;
  const read = syncBody(body);
  const reader = adapter.request!(
    { url, method: request.method, headers: request.headers, ...read },
    tap.opener(adapter, (opened) => (turn = opened)),
  );
  if (!reader || !turn) {
    turn?.discard();
    return;
  }
  const opened = turn;
  let offset = 0;
  let started = false;
  let finished = false;

  const pull = (): boolean => {
    if (!started && xhr.readyState >= 2) {
      started = true;
      if (xhr.status >= 400) opened.status('error');
      if (!safely(() => reader.start?.(xhr.status, xhr.getResponseHeader('content-type') ?? ''))) return false;
    }
    if (xhr.readyState < 3) return true;
    const text = responseTextOf(xhr);
    if (text === null || text.length <= offset) return true;
    const fresh = text.slice(offset);
    offset = text.length;
    return safely(() => reader.chunk(fresh));
  };
  const finish = (how: TurnEnd): void => {
    if (finished) return;
    finished = true;
    safely(() => reader.end(how === 'eof' ? 'eof' : 'aborted'));
    opened.finish(how);
  };

  listen.call(xhr, 'readystatechange', () => {
    if (!pull()) finish('failed');
  });
  listen.call(xhr, 'progress', () => {
    if (!pull()) finish('failed');
  });
  listen.call(xhr, 'load', () => finish(pull() ? 'eof' : 'failed'));
  listen.call(xhr, 'abort', () => finish('aborted'));
  listen.call(xhr, 'error', () => finish('failed'));
  listen.call(xhr, 'timeout', () => finish('failed'));
}

function syncBody(body: unknown): ReadBody {
  if (typeof body === 'string') return { body, form: null };
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) {
    return { body: body.toString(), form: null };
  }
  if (typeof FormData !== 'undefined' && body instanceof FormData) return { body: null, form: body };
  return { body: null, form: null };
}

function responseTextOf(xhr: XMLHttpRequest): string | null {
  if (xhr.responseType !== '' && xhr.responseType !== 'text') return null;
  try {
    return xhr.responseText;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// WebSocket

function hookWebSocket(win: TapWindow, tap: Tap): void {
  const NativeSocket = win.WebSocket;
  if (typeof NativeSocket !== 'function') return;
  const adapters = tap.socketAdapters();
  if (adapters.length === 0) return;
  const listen = EventTarget.prototype.addEventListener;
  const readers = new WeakMap<WebSocket, SocketReader>();

  win.WebSocket = new Proxy(NativeSocket, {
    construct(target, args: unknown[], newTarget) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket;
      // A retired tap leaves new sockets to the tap that replaced it.
      if (tap.retirement.aborted) return socket;
      try {
        const url = new URL(socket.url);
        for (const adapter of adapters) {
          const reader = adapter.socket!(url, tap.opener(adapter));
          if (!reader) continue;
          readers.set(socket, reader);
          listen.call(socket, 'message', (event: Event) => {
            const text = frameText((event as MessageEvent).data);
            if (text !== null) safely(() => reader.received(text));
          });
          listen.call(socket, 'close', () => safely(() => reader.closed()));
          break;
        }
      } catch {
        // ignore
      }
      return socket;
    },
  });

  const proto = NativeSocket.prototype;
  proto.send = new Proxy(proto.send, {
    apply(target, socket: WebSocket, args: unknown[]) {
      try {
        const reader = readers.get(socket);
        const text = reader ? frameText(args[0]) : null;
        if (reader && text !== null) reader.sent(text);
      } catch {
        // ignore
      }
      return Reflect.apply(target, socket, args);
    },
  });
}

function frameText(data: unknown): string | null {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return new TextDecoder().decode(data as ArrayBuffer);
  }
  return null;
}

// ---------------------------------------------------------------------------

function safely(step: () => void): boolean {
  try {
    step();
    return true;
  } catch {
    return false;
  }
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
