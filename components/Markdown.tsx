import type { JSX } from 'preact';
import { type Block, type Inline, parseMarkdown } from './markdown';

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

function BlockView({ block, shift, index }: { block: Block; shift: number; index: number }) {
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
        <pre tabIndex={0} aria-label={`code ${index}`}>
          <code>{block.text}</code>
        </pre>
      );
    case 'table':
      return (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={`table ${index}`}>
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
  return (
    <div class="markdown">
      {parseMarkdown(source).map((block, index) => (
        <BlockView key={index} block={block} shift={shift} index={index} />
      ))}
    </div>
  );
}
