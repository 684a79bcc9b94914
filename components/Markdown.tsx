import type { JSX } from 'preact';
import { type Block, type Inline, parseMarkdown } from './markdown';
import { useWords } from './words';

function InlineText({ parts }: { parts: readonly Inline[] }) {
  return (
    <>
      {parts.map((part, index) => {
        switch (part.type) {
          case 'text':
            return part.text;
          case 'code':
            return <code key={index}>{part.text}</code>;
          case 'strong':
            return (
              <strong key={index}>
                <InlineText parts={part.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={index}>
                <InlineText parts={part.children} />
              </em>
            );
        }
      })}
    </>
  );
}

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * `number` counts the blocks of the same kind from 1 ("Table 3" is the
 * document's third table): it names the focusable code and table boxes.
 */
function BlockView({ block, shift, number }: { block: Block; shift: number; number: number }) {
  const { t, format } = useWords();
  switch (block.type) {
    case 'heading': {
      const Tag = `h${Math.min(6, block.level + shift)}` as HeadingTag;
      return (
        <Tag id={block.id}>
          <InlineText parts={block.children} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p>
          <InlineText parts={block.children} />
        </p>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, itemIndex) => (
            <li key={itemIndex}>
              <InlineText parts={item} />
            </li>
          ))}
        </ul>
      );
    case 'code':
      return (
        <pre tabIndex={0} aria-label={t('markdown.code', { number: format.count(number) })}>
          <code>{block.text}</code>
        </pre>
      );
    case 'table':
      return (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('markdown.table', { number: format.count(number) })}>
          <table>
            <thead>
              <tr>
                {block.head.map((cell, cellIndex) =>
                  // An empty header cell (a table's corner) heads nothing: a header must have text.
                  cell.length === 0 ? (
                    <td key={cellIndex} />
                  ) : (
                    <th key={cellIndex} scope="col">
                      <InlineText parts={cell} />
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, cellIndex) => (
                    <td key={cellIndex}>
                      <InlineText parts={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/**
 * Markdown shown as elements. `shift` lowers the headings so the document
 * fits under the page's own (a "#" under the page's h2 becomes an h3).
 */
export function Markdown({ source, shift = 0 }: { source: string; shift?: number }): JSX.Element {
  const seen = new Map<Block['type'], number>();
  return (
    <div class="markdown">
      {parseMarkdown(source).map((block, index) => {
        const number = (seen.get(block.type) ?? 0) + 1;
        seen.set(block.type, number);
        return <BlockView key={index} block={block} shift={shift} number={number} />;
      })}
    </div>
  );
}
