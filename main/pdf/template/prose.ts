import { createElement as h, type ReactNode } from 'react';
import { emphasisToReact } from '../../../shared/inlineEmphasis.ts';

// Multi-line text as staff type it: "- " lines become a list, "1. " lines a
// numbered list, other lines paragraphs; **bold**, *italic* and _italic_ in a
// line print as the screen shows them (shared/inlineEmphasis.ts). Always
// rendered as text nodes and those two tags, so whatever a note contains
// ("<script>", "<b>") prints literally.

type Block = { type: 'p'; text: string } | { type: 'ul'; items: string[] } | { type: 'ol'; items: { value: number; text: string }[] };

const bullet = /^\s*[-•*]\s+(.*)$/;
const numbered = /^\s*(\d{1,3})[.)]\s+(.*)$/;

export function proseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const last = blocks.at(-1);
    const bulletMatch = bullet.exec(line);
    const numberedMatch = numbered.exec(line);
    if (bulletMatch) {
      if (last?.type === 'ul') last.items.push(bulletMatch[1] ?? '');
      else blocks.push({ type: 'ul', items: [bulletMatch[1] ?? ''] });
    } else if (numberedMatch) {
      const item = { value: Number(numberedMatch[1]), text: numberedMatch[2] ?? '' };
      if (last?.type === 'ol') last.items.push(item);
      else blocks.push({ type: 'ol', items: [item] });
    } else {
      blocks.push({ type: 'p', text: line.trim() });
    }
  }
  return blocks;
}

const notStatedPattern = /^Not (stated|named) in source\.?$/;

export function Prose({ text, empty = 'None recorded.' }: { text: string; empty?: string | null }): ReactNode {
  const blocks = proseBlocks(text);
  if (blocks.length === 0) return empty === null ? null : h('p', { className: 'not-stated' }, empty);
  return blocks.map((block, index) => {
    if (block.type === 'ul')
      return h(
        'ul',
        { key: index },
        block.items.map((item, itemIndex) => h('li', { key: itemIndex, className: 'typed-item' }, emphasisToReact(item))),
      );
    if (block.type === 'ol')
      return h(
        'ol',
        { key: index, start: block.items[0]?.value },
        block.items.map((item, itemIndex) =>
          h('li', { key: itemIndex, value: item.value, className: 'typed-item' }, emphasisToReact(item.text)),
        ),
      );
    // A paragraph typed in Arabic or Persian reads right to left, whatever the brief around it (see printCss's .typed-item).
    return h(
      'p',
      { key: index, dir: 'auto', className: notStatedPattern.test(block.text) ? 'not-stated' : undefined },
      emphasisToReact(block.text),
    );
  });
}
