import fc from 'fast-check';
import { micromark } from 'micromark';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type NoteRendering, noteMarkdownToReact, noteMarkdownTree, parseMicromarkHtml, proseTree } from './noteMarkdown.ts';

const plain: NoteRendering = {
  link: (href, children, key) => h('span', { key, 'data-href': href }, ...children),
  image: (alt, key) => h('span', { key }, `image ${alt}`),
  heading: (level, children, key) => h(`h${level}`, { key }, ...children),
};

const rendered = (markdown: string) => renderToStaticMarkup(h('div', null, noteMarkdownToReact(markdown, plain)));

describe('a note’s Markdown, as both the app and the pack render it', () => {
  it('keeps emphasis, lists and headings, and shows raw HTML as the text typed', () => {
    const html = rendered('## Talking points\n\n- **cyber** & *space*\n\n<script>alert(1)</script>');
    expect(html).toContain('<h2>Talking points</h2>');
    expect(html).toContain('<li dir="auto"><strong>cyber</strong> &amp; <em>space</em></li>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('hands links and images to the caller, and drops a dangerous protocol', () => {
    const html = rendered('[brief](https://www.nato.int/) [bad](javascript:alert(1)) ![map](x.png)');
    expect(html).toContain('data-href="https://www.nato.int/"');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('image map');
    expect(html).not.toMatch(/<a |<img /);
  });
});

describe('a note of plain prose, split into paragraphs without micromark', () => {
  const tree = (markdown: string) => parseMicromarkHtml(micromark(markdown));

  it('reads sentences, names, times and figures as micromark does, in paragraphs', () => {
    const notes = [
      'Spoke to Tomas Nakamura at the embassy: the Beacon-61 paper is with their minister, reply expected next week.',
      'Press office wants the final press line by 18:00 the day before.\nMireille Sorensen suggested folding it in (see annex 2).\n\n\n서명 전 국무회의 의결이 필요한지 조약과에 확인 요망.\n',
      '\n"Keep the brief neutral" — 2026 figures, 1.5% growth!\n',
    ];
    for (const note of notes) {
      expect(proseTree(note)).not.toBeNull();
      expect(noteMarkdownTree(note)).toEqual(tree(note));
    }
  });

  it('leaves to micromark every text in which Markdown could start, and agrees with it on all the rest', () => {
    // Mostly prose, which the split reads, with now and then a character that sends the note to micromark.
    const prose = [...'ab 서é\u00a0\n\n\n-+1.):("!\u2028'];
    const syntax = [...'*#=`&<>\t[]_~|\\\r'];
    const character = fc.oneof({ arbitrary: fc.constantFrom(...prose), weight: 30 }, { arbitrary: fc.constantFrom(...syntax), weight: 1 });
    fc.assert(
      fc.property(fc.array(character, { maxLength: 24 }), (characters) => {
        const note = characters.join('');
        expect(noteMarkdownTree(note)).toEqual(tree(note));
      }),
      { numRuns: 4_000 },
    );
  });
});
