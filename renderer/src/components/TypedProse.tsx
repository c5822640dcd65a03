import type { ReactNode } from 'react';
import { type EmphasisNode, lineTree } from '../../../shared/inlineEmphasis.ts';
import { misleadingCharacters } from '../../../shared/misleadingCharacters.ts';
import { proseBlocks } from '../../../shared/proseBlocks.ts';
import { MisleadingFlag, MisleadingMark } from './StoredText.tsx';

/**
 * A flagged character (shared/misleadingCharacters.ts) stands in the text as
 * one private-use character while the text is read into blocks and emphasis,
 * as the pack reads it with the character's label in its place
 * (main/pdf/shownAsStored.ts); it is drawn as its label where it stands. The
 * flags are found in the whole text, whose lines and neighbours decide them.
 */
type Stand = { text: string; flagged: Map<string, number> };

function withStandIns(text: string): Stand {
  const found = misleadingCharacters(text);
  const flagged = new Map<string, number>();
  if (found.length === 0) return { text, flagged };
  // Supplementary private use: never typed in a brief; one the text holds itself is never taken as a stand-in.
  let next = 0xf0000;
  const unused = () => {
    while (text.includes(String.fromCodePoint(next))) next += 1;
    const standIn = String.fromCodePoint(next);
    next += 1;
    return standIn;
  };
  let shown = '';
  let from = 0;
  for (const each of found) {
    const standIn = unused();
    flagged.set(standIn, each.codePoint);
    shown += text.slice(from, each.index) + standIn;
    from = each.index + 1;
  }
  return { text: shown + text.slice(from), flagged };
}

function shownText(text: string, flagged: Map<string, number>): ReactNode {
  if (flagged.size === 0) return text;
  const parts: ReactNode[] = [];
  let plain = '';
  for (const character of text) {
    const codePoint = flagged.get(character);
    if (codePoint === undefined) {
      plain += character;
      continue;
    }
    if (plain) parts.push(plain);
    plain = '';
    parts.push(<MisleadingMark key={parts.length} codePoint={codePoint} />);
  }
  if (plain) parts.push(plain);
  return parts;
}

function emphasised(line: string, flagged: Map<string, number>): ReactNode[] {
  const shown = (node: EmphasisNode, key: number): ReactNode => {
    if (typeof node === 'string') return shownText(node, flagged);
    const Tag = node.tag;
    return <Tag key={key}>{node.children.map(shown)}</Tag>;
  };
  const nodes = lineTree(line);
  // A line without emphasis or flags is one text node, as before blocks were read.
  if (flagged.size === 0 && nodes.every((node) => typeof node === 'string')) return [nodes.join('')];
  return nodes.map(shown);
}

/**
 * A record's multi-line text as the pack prints it (main/pdf/template/prose.ts):
 * paragraphs, "- " and "1. " lists, **bold** and *italic*, from the same rules
 * (shared/proseBlocks.ts, shared/inlineEmphasis.ts). Text nodes and those tags
 * only: nothing typed is read as HTML. A character that hides or turns text
 * round is drawn as its code and the text flagged, as StoredText does.
 */
export function TypedProse({ text, empty }: { text: string; empty?: string }) {
  const { text: read, flagged } = withStandIns(text);
  const blocks = proseBlocks(read);
  if (blocks.length === 0) return empty === undefined ? null : <p className="prose">{empty}</p>;
  return (
    <div className="prose typed-prose">
      {blocks.map((block, index) => {
        const key = `${block.type}${index}`;
        if (block.type === 'ul')
          return (
            <ul key={key}>
              {block.items.map((item, itemIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one text, in order, never reordered.
                <li key={itemIndex} className="typed-item">
                  {emphasised(item, flagged)}
                </li>
              ))}
            </ul>
          );
        if (block.type === 'ol')
          return (
            <ol key={key} start={block.items[0]?.value}>
              {block.items.map((item, itemIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one text, in order, never reordered.
                <li key={itemIndex} value={item.value} className="typed-item">
                  {emphasised(item.text, flagged)}
                </li>
              ))}
            </ol>
          );
        return (
          <p key={key} dir="auto">
            {emphasised(block.text, flagged)}
          </p>
        );
      })}
      <MisleadingFlag text={text} />
    </div>
  );
}
