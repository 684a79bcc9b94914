import type { Kind, ModelSource, SiteId, Status } from '../event';

/**
 * What an adapter reports while it reads one prompt's traffic. The adapter only
 * parses; lib/capture/turn.ts counts characters and tokens, drops the text, ranks
 * model sources and decides the final status.
 */
export interface TurnReport {
  /** The user's prompt text: counted, classified into a task, then dropped. */
  prompt(text: string): void;
  /** Newly streamed answer text (delta streams: sum). */
  answer(delta: string): void;
  /** The whole answer so far (cumulative streams: the last one counts). */
  answerSnapshot(full: string): void;
  /** Newly streamed reasoning ("thinking") text, kept apart from the answer. */
  reasoning(delta: string): void;
  reasoningSnapshot(full: string): void;
  /**
   * A model id as the site names it. A higher source (response > request > page)
   * replaces a lower one; within one source the latest report wins.
   */
  model(raw: unknown, source: ModelSource): void;
  /** Images generated (added to the count; images make the event kind `image`). */
  images(count: number): void;
  kind(kind: Kind): void;
  /** The outcome the stream itself declares. */
  status(status: Status): void;
  /**
   * Names this turn so that a later request continuing it (a resumed stream)
   * can find it. The key never leaves the page.
   */
  continuationKey(key: string): void;
  /**
   * The answer is over. Socket adapters call this when a frame says so; for HTTP
   * the end of the response closes the turn.
   */
  close(): void;
}

/**
 * Opens the turn for a request: a new one, or the recent turn registered under
 * `continuing` (a new one if it is no longer known).
 */
export interface OpenTurn {
  (continuing?: string): TurnReport;
  /** Reopens the recent turn registered under `key`; null (and nothing opened) when there is none. */
  resume(key: string): TurnReport | null;
}

export interface HttpRequest {
  url: URL;
  method: string;
  /** Headers the page set (fetch init or Request headers; XHR setRequestHeader). */
  headers: Headers;
  /** The request body as text (JSON, form-encoded), or null when it is not text. */
  body: string | null;
  /** The body when the page sent FormData (multipart). */
  form: FormData | null;
}

export type StreamEnd = 'eof' | 'aborted';

/** Reads one HTTP response, chunk by chunk, for one turn. */
export interface ResponseReader {
  /** Headers arrived. `status` >= 400 has already marked the turn as an error. */
  start?(status: number, contentType: string): void;
  /** Decoded response text in arbitrary chunks (a line may be split). */
  chunk(text: string): void;
  /** The body ended (`eof`) or was cut by the page, the user or the network (`aborted`). */
  end(how: StreamEnd): void;
}

/** Reads one WebSocket's frames; opens turns itself when a frame starts a prompt. */
export interface SocketReader {
  sent(data: string): void;
  received(data: string): void;
  closed(): void;
}

export interface SiteAdapter {
  readonly site: SiteId;
  /** Bumped whenever parsing changes; stored with every event (`adapterVersion`). */
  readonly version: number;
  /** Cheap check run on every fetch/XHR of the page: could this request send a prompt? */
  watches?(url: URL, method: string): boolean;
  /**
   * Called for watched requests. Returns a reader for the response when the request
   * sends (or continues) a prompt, or null when it does not.
   */
  request?(req: HttpRequest, open: OpenTurn): ResponseReader | null;
  /** Called for every WebSocket the page opens; returns a reader to watch it, or null. */
  socket?(url: URL, open: OpenTurn): SocketReader | null;
  /**
   * A DOM detector, only for sites whose traffic cannot be read (e.g. Meta AI's
   * binary WebSocket). It runs in the page-world tap, like every other reader of
   * text, so that no text ever reaches the extension's other contexts.
   */
  detect?(context: DomContext): void;
}

/**
 * What the isolated-world relay knows about a site's page: selectors for the
 * health witness (a user message appearing right after the user sent something
 * means a prompt left, so a detector should have measured it). Lives in the
 * same file as the site's SiteAdapter but as a separate export, so each content
 * script bundles only its half. Each selector carries the date it was seen.
 */
export interface SitePage {
  readonly site: SiteId;
  /** Hostnames these selectors were seen on, when the site spans hosts with different pages. */
  readonly hosts?: readonly string[];
  /** Matches each user (prompt) message element in the conversation. */
  readonly userMessage: string;
  /** Matches the prompt input; its absence on a loaded page means the page changed. */
  readonly composer: string;
}

/** Handed to a DOM detector; everything it observes must be torn down on `signal`. */
export interface DomContext {
  readonly doc: Document;
  readonly signal: AbortSignal;
  /** Opens a turn measured from the DOM (detector `dom`); the detector calls close() when the answer is done. */
  readonly open: () => TurnReport;
}
