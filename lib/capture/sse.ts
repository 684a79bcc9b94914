import { LineDecoder } from './lines';

export interface SseMessage {
  /** The `event:` field, or "message" when absent. */
  event: string;
  data: string;
}

/**
 * A streaming server-sent-events parser (WHATWG HTML §9.2.6): `event:` and
 * `data:` fields, multi-line data joined with \n, comments ignored, a message
 * dispatched on a blank line. A message still open when the stream ends is
 * dispatched too: the answer text in it was really sent.
 */
export class SseDecoder {
  private readonly lines: LineDecoder;
  private event = '';
  private data: string[] = [];
  private dataLength = 0;

  constructor(
    private readonly onMessage: (message: SseMessage) => void,
    private readonly maxMessageLength = 4 * 1024 * 1024,
  ) {
    this.lines = new LineDecoder((line) => this.line(line), maxMessageLength);
  }

  get skipped(): number {
    return this.lines.skippedLines;
  }

  push(chunk: string): void {
    this.lines.push(chunk);
  }

  finish(): void {
    this.lines.finish();
    this.dispatch();
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.charCodeAt(0) === 0x3a) return; // ":" comment
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    if (field === 'event') {
      this.event = value;
    } else if (field === 'data') {
      if (this.dataLength + value.length > this.maxMessageLength) return;
      this.data.push(value);
      this.dataLength += value.length + 1;
    }
  }

  private dispatch(): void {
    if (this.data.length > 0) {
      const message = { event: this.event || 'message', data: this.data.join('\n') };
      this.data = [];
      this.dataLength = 0;
      this.event = '';
      this.onMessage(message);
      return;
    }
    this.event = '';
  }
}

/** JSON.parse that returns undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Narrowing helper for parsed JSON: a plain object or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
