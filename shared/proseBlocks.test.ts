import { describe, expect, it } from 'vitest';
import { proseBlocks } from './proseBlocks.ts';

describe('a typed text read into blocks', () => {
  it('makes "- " lines a list and "1. " lines a numbered list, other lines paragraphs', () => {
    expect(proseBlocks('Context first.\n- one\n• two\n* three\n2. next\n3) after\n  Last line.  ')).toEqual([
      { type: 'p', text: 'Context first.' },
      { type: 'ul', items: ['one', 'two', 'three'] },
      {
        type: 'ol',
        items: [
          { value: 2, text: 'next' },
          { value: 3, text: 'after' },
        ],
      },
      { type: 'p', text: 'Last line.' },
    ]);
  });

  it('reads a bulleted list pasted from Word, its bullets and tabs as Word copies them, as a list', () => {
    expect(
      proseBlocks('Lines on the Sahel:\r\n·\tThank Bọ́lá Tinúbú for hosting.\r\no\tAsk Ɗanjuma Ƙwankwaso about Kano.\r\n§\tOnly if asked.'),
    ).toEqual([
      { type: 'p', text: 'Lines on the Sahel:' },
      { type: 'ul', items: ['Thank Bọ́lá Tinúbú for hosting.', 'Ask Ɗanjuma Ƙwankwaso about Kano.', 'Only if asked.'] },
    ]);
    // Symbol's and Wingdings' own code points, which some applications receive instead: no font draws them.
    expect(proseBlocks('\uf0b7\tFirst point\n\uf0a7\tSub-point')).toEqual([{ type: 'ul', items: ['First point', 'Sub-point'] }]);
  });

  it('skips blank lines, and a blank line does not part a list', () => {
    expect(proseBlocks('- one\r\n\r\n- two\n\n')).toEqual([{ type: 'ul', items: ['one', 'two'] }]);
    expect(proseBlocks(' \n\t\n')).toEqual([]);
  });

  it('keeps as a paragraph what only looks like a list: no space after the mark, a year, emphasis', () => {
    for (const line of [
      'o Brasil venceu.',
      '§ 4 of the treaty',
      '·5 per cent',
      '-5 degrees',
      '2023. was a good year',
      '2023.',
      '*only if asked*',
      '**Do not** confirm',
      '1.5 per cent',
    ])
      expect(proseBlocks(line), line).toEqual([{ type: 'p', text: line }]);
  });
});
