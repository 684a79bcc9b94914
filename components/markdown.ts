/**
 * A small Markdown reader for METHODOLOGY.md, so the dashboard can show the
 * methodology as Preact elements (never as HTML strings). It reads the subset
 * that document uses: ATX headings, paragraphs, "- " lists with indented
 * continuation lines, pipe tables, fenced and four-space-indented code, and
 * inline `code`, **strong** and *emphasis*. Anything else stays plain text,
 * so an unsupported construct shows as written rather than breaking.
 * A general lexer (marked) would be larger than this file and read constructs the document does not use.
 */

export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'strong' | 'em'; readonly children: readonly Inline[] };

export type Block =
  | { readonly type: 'heading'; readonly level: number; readonly id: string; readonly children: readonly Inline[] }
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly type: 'table'; readonly head: readonly (readonly Inline[])[]; readonly rows: readonly (readonly (readonly Inline[])[])[] }
  | { readonly type: 'code'; readonly text: string };

/** Inline markup: code spans first (their content is literal), then strong, then emphasis. */
export function parseInline(text: string): Inline[] {
  const result: Inline[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain) result.push({ type: 'text', text: plain });
    plain = '';
  };
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const code = /^`([^`]+)`/.exec(rest);
    const strong = /^\*\*(?=\S)(.+?)(?<=\S)\*\*/.exec(rest);
    const em = /^\*(?=[^\s*])(.+?)(?<=[^\s*])\*/.exec(rest);
    if (code) {
      flush();
      result.push({ type: 'code', text: code[1]! });
      index += code[0].length;
    } else if (strong) {
      flush();
      result.push({ type: 'strong', children: parseInline(strong[1]!) });
      index += strong[0].length;
    } else if (em) {
      flush();
      result.push({ type: 'em', children: parseInline(em[1]!) });
      index += em[0].length;
    } else {
      plain += text[index];
      index++;
    }
  }
  flush();
  return result;
}

/** Cells of a pipe-table row; a pipe inside a code span belongs to the cell. */
function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  for (const char of line.trim().replace(/^\|/, '').replace(/\|$/, '')) {
    if (char === '`') inCode = !inCode;
    if (char === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** "## 4.2 Calibration: how many GPUs" → "4-2-calibration-how-many-gpus". */
function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const isTableSeparator = (line: string | undefined): boolean => line !== undefined && /^\|?\s*:?-{3,}/.test(line.trim());

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let index = 0;
  const startsBlock = (line: string, next: string | undefined): boolean =>
    /^#{1,6}\s/.test(line) || line.startsWith('```') || line.startsWith('- ') || line.startsWith('    ') || (line.startsWith('|') && isTableSeparator(next));

  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === '') {
      index++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length, id: slug(heading[2]!), children: parseInline(heading[2]!) });
      index++;
    } else if (line.startsWith('```')) {
      const body: string[] = [];
      index++;
      while (index < lines.length && !lines[index]!.startsWith('```')) body.push(lines[index++]!);
      index++;
      blocks.push({ type: 'code', text: body.join('\n') });
    } else if (line.startsWith('    ')) {
      const body: string[] = [];
      while (index < lines.length && (lines[index]!.startsWith('    ') || (lines[index]!.trim() === '' && lines[index + 1]?.startsWith('    ')))) {
        body.push(lines[index++]!.slice(4));
      }
      blocks.push({ type: 'code', text: body.join('\n') });
    } else if (line.startsWith('|') && isTableSeparator(lines[index + 1])) {
      const head = tableCells(line).map(parseInline);
      index += 2;
      const rows: Inline[][][] = [];
      while (index < lines.length && lines[index]!.trim().startsWith('|')) rows.push(tableCells(lines[index++]!).map(parseInline));
      blocks.push({ type: 'table', head, rows });
    } else if (line.startsWith('- ')) {
      const items: string[] = [];
      while (index < lines.length) {
        const current = lines[index]!;
        if (current.startsWith('- ')) items.push(current.slice(2).trim());
        else if (/^\s{2,}\S/.test(current) && items.length > 0) items[items.length - 1] += ` ${current.trim()}`;
        else break;
        index++;
      }
      blocks.push({ type: 'list', items: items.map(parseInline) });
    } else {
      const body: string[] = [];
      while (index < lines.length && lines[index]!.trim() !== '' && (body.length === 0 || !startsBlock(lines[index]!, lines[index + 1]))) {
        body.push(lines[index++]!.trim());
      }
      blocks.push({ type: 'paragraph', children: parseInline(body.join(' ')) });
    }
  }
  return blocks;
}
