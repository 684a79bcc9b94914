import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../markdown';

describe('parseInline', () => {
  it('reads code spans literally, then strong and emphasis', () => {
    expect(parseInline('a `x*y*` **b *c* e** *d* 2 * 3')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'code', text: 'x*y*' },
      { type: 'text', text: ' ' },
      {
        type: 'strong',
        children: [{ type: 'text', text: 'b ' }, { type: 'em', children: [{ type: 'text', text: 'c' }] }, { type: 'text', text: ' e' }],
      },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' 2 * 3' },
    ]);
  });
});

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, lists with continuations, tables and code', () => {
    const blocks = parseMarkdown(
      [
        '# Title',
        'One line',
        'and the next.',
        '',
        '- first item',
        '  continued',
        '- second',
        '',
        '| A | B |',
        '| --- | --- |',
        '| `x|y` | 2 |',
        '',
        '    E = m·c²',
        '',
        '```',
        'raw *text*',
        '```',
      ].join('\n'),
    );
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'list', 'table', 'code', 'code']);
    expect(blocks[0]).toMatchObject({ level: 1, id: 'title' });
    expect(blocks[1]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'One line and the next.' }] });
    expect(blocks[2]).toEqual({ type: 'list', items: [[{ type: 'text', text: 'first item continued' }], [{ type: 'text', text: 'second' }]] });
    expect(blocks[3]).toMatchObject({ head: [[{ text: 'A' }], [{ text: 'B' }]], rows: [[[{ type: 'code', text: 'x|y' }], [{ text: '2' }]]] });
    expect(blocks[4]).toEqual({ type: 'code', text: 'E = m·c²' });
    expect(blocks[5]).toEqual({ type: 'code', text: 'raw *text*' });
  });

  it('reads the whole methodology, every table row as wide as its header', () => {
    const blocks = parseMarkdown(readFileSync(resolve(__dirname, '../../METHODOLOGY.md'), 'utf8'));
    const headings = blocks.filter((block) => block.type === 'heading');
    expect(headings.length).toBeGreaterThan(20);
    const tables = blocks.filter((block) => block.type === 'table');
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) for (const row of table.rows) expect(row.length).toBe(table.head.length);
  });
});
