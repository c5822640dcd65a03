import { createElement as h, type ReactNode } from 'react';
import { emphasisToReact } from '../../../shared/inlineEmphasis.ts';
import { proseBlocks } from '../../../shared/proseBlocks.ts';
import { usePackWords } from './packWords.ts';

// Multi-line text as staff type it: "- " lines become a list, "1. " lines a
// numbered list, other lines paragraphs (shared/proseBlocks.ts, which the
// screen reads too: renderer/src/components/TypedProse.tsx); **bold**, *italic* and _italic_ in a
// line print as the screen shows them (shared/inlineEmphasis.ts). Always
// rendered as text nodes and those two tags, so whatever a note contains
// ("<script>", "<b>") prints literally.

const notStatedPattern = /^Not (stated|named) in source\.?$/;

/** `empty` is what prints for no text: the pack's "None recorded." unless given, nothing when null. */
export function Prose({ text, empty }: { text: string; empty?: string | null }): ReactNode {
  const noneRecorded = usePackWords().parts.noneRecorded;
  const blocks = proseBlocks(text);
  if (blocks.length === 0) return empty === null ? null : h('p', { className: 'not-stated' }, empty ?? noneRecorded);
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
