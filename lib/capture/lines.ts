/**
 * Splits streamed text into lines (\n, \r\n or \r), across chunk boundaries.
 * Memory is bounded by the longest line allowed: a longer line is skipped whole
 * (counted in `skippedLines`) instead of growing the buffer without limit.
 */
export class LineDecoder {
  skippedLines = 0;
  private pending = '';
  private skipping = false;
  private afterCarriageReturn = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineLength = 4 * 1024 * 1024,
  ) {}

  push(chunk: string): void {
    let start = 0;
    if (this.afterCarriageReturn && chunk.charCodeAt(0) === 0x0a) {
      // The \n of a \r\n pair split across two chunks: the line already ended.
      start = 1;
    }
    this.afterCarriageReturn = false;
    for (let i = start; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (code !== 0x0a && code !== 0x0d) continue;
      this.emit(chunk.slice(start, i));
      if (code === 0x0d) {
        if (chunk.charCodeAt(i + 1) === 0x0a) i++;
        else if (i === chunk.length - 1) this.afterCarriageReturn = true;
      }
      start = i + 1;
    }
    if (start < chunk.length) this.append(chunk.slice(start));
  }

  /** The stream ended: a last line without a newline still counts. */
  finish(): void {
    if (this.pending !== '' && !this.skipping) this.onLine(this.pending);
    this.pending = '';
    this.skipping = false;
  }

  private append(text: string): void {
    if (this.skipping) return;
    if (this.pending.length + text.length > this.maxLineLength) {
      this.skipping = true;
      this.pending = '';
      return;
    }
    this.pending += text;
  }

  private emit(tail: string): void {
    if (this.skipping) {
      this.skipping = false;
      this.skippedLines++;
      this.pending = '';
      return;
    }
    const line = this.pending === '' ? tail : this.pending + tail;
    this.pending = '';
    if (line.length > this.maxLineLength) {
      this.skippedLines++;
      return;
    }
    this.onLine(line);
  }
}
