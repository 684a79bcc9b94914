import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineDecoder } from '../lines';
import { SseDecoder, type SseMessage } from '../sse';

function splitAt(text: string, cuts: number[]): string[] {
  const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const position of positions) {
    pieces.push(text.slice(start, position));
    start = position;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function lines(chunks: string[], max?: number): string[] {
  const out: string[] = [];
  const decoder = new LineDecoder((line) => out.push(line), max);
  for (const chunk of chunks) decoder.push(chunk);
  decoder.finish();
  return out;
}

function sse(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const decoder = new SseDecoder((message) => out.push(message));
  for (const chunk of chunks) decoder.push(chunk);
  decoder.finish();
  return out;
}

describe('LineDecoder', () => {
  it('splits on \\n, \\r\\n and \\r, and keeps a last line without newline', () => {
    expect(lines(['a\nb\r\nc\rd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(lines(['a\n\nb\n'])).toEqual(['a', '', 'b']);
  });

  it('treats a \\r\\n split across chunks as one line break', () => {
    expect(lines(['a\r', '\nb'])).toEqual(['a', 'b']);
    expect(lines(['a\r', '\n', '\nb'])).toEqual(['a', '', 'b']);
  });

  it('gives the same lines for any chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('x', 'yz', '\n', '\r', '\r\n', 'é', '😂', ' '), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (parts, cuts) => {
          const text = parts.join('');
          expect(lines(splitAt(text, cuts))).toEqual(lines([text]));
        },
      ),
    );
  });

  it('skips a line longer than its bound instead of growing without limit', () => {
    const out: string[] = [];
    const bounded = new LineDecoder((line) => out.push(line), 10);
    bounded.push('short\n');
    bounded.push('x'.repeat(6));
    bounded.push('x'.repeat(6));
    bounded.push('x\nafter\n');
    expect(out).toEqual(['short', 'after']);
    expect(bounded.skippedLines).toBe(1);
  });
});

describe('SseDecoder', () => {
  it('parses events, multi-line data, comments and defaults', () => {
    const messages = sse(['event: delta\ndata: {"v":1}\n\n: comment\ndata: a\ndata: b\n\ndata:nospace\n\n']);
    expect(messages).toEqual([
      { event: 'delta', data: '{"v":1}' },
      { event: 'message', data: 'a\nb' },
      { event: 'message', data: 'nospace' },
    ]);
  });

  it('dispatches a message still open when the stream ends', () => {
    expect(sse(['data: last'])).toEqual([{ event: 'message', data: 'last' }]);
  });

  it('gives the same messages for any chunking', () => {
    const text = 'event: a\ndata: 1\n\ndata: two\r\ndata: lines\r\n\r\nevent: b\rdata: ¿sí? 😂\r\r';
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (cuts) => {
        expect(sse(splitAt(text, cuts))).toEqual(sse([text]));
      }),
    );
  });
});
