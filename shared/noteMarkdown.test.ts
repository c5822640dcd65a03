import fc from 'fast-check';
import { micromark } from 'micromark';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  keepTypedLines,
  type NoteRendering,
  noteMarkdownToReact,
  noteMarkdownTree,
  parseMicromarkHtml,
  proseTree,
} from './noteMarkdown.ts';

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

describe('a note typed line by line', () => {
  const breaks = (markdown: string) => (rendered(markdown).match(/<br\/>/g) ?? []).length;

  it('keeps each line a line: names, an address, talking points without bullets', () => {
    expect(rendered('Ambassador Kim Hyun-jin\nEmbassy of the Republic of Korea\nAvenue Hamoir 3, Uccle')).toBe(
      '<div><p dir="auto">Ambassador Kim Hyun-jin<br/>Embassy of the Republic of Korea<br/>Avenue Hamoir 3, Uccle</p></div>',
    );
    // The same lines with Markdown in them go through micromark, and break alike.
    expect(rendered('Thank the *Chair*\nRaise the **ITPP** sectors\nClose on the Vilnius communiqué')).toBe(
      '<div><p dir="auto">Thank the <em>Chair</em><br/>Raise the <strong>ITPP</strong> sectors<br/>Close on the Vilnius communiqué</p></div>',
    );
    expect(rendered('> Quoted line one\n> quoted line two')).toContain('Quoted line one<br/>quoted line two');
    expect(rendered('- First point\n  continued on its own line\n- Second point')).toContain(
      '<li dir="auto">First point<br/>continued on its own line</li>',
    );
    expect(rendered('*emphasis over\ntwo lines*')).toContain('<em>emphasis over<br/>two lines</em>');
  });

  it('leaves paragraphs, lists, headings, code and a hard break as Markdown has them', () => {
    expect(rendered('First paragraph.\n\nSecond paragraph.')).toBe(
      '<div><p dir="auto">First paragraph.</p>\n<p dir="auto">Second paragraph.</p></div>',
    );
    expect(breaks('- one\n- two\n  - nested\n- three')).toBe(0);
    expect(breaks('- loose one\n\n- loose two\n\n  its second paragraph')).toBe(0);
    expect(breaks('1. first\n2. second')).toBe(0);
    expect(rendered('# Talking points\nThe first line under it')).toBe(
      '<div><h1>Talking points</h1>\n<p dir="auto">The first line under it</p></div>',
    );
    expect(rendered('```\ncode line\nnext code line\n```')).toBe('<div><pre><code>code line\nnext code line\n</code></pre></div>');
    // A hard break is one break, not a break and a line ending the app would show as an empty line.
    expect(rendered('ends with two spaces  \nnext line')).toBe('<div><p dir="auto">ends with two spaces<br/>next line</p></div>');
    expect(rendered('ends with a backslash\\\nnext line')).toBe('<div><p dir="auto">ends with a backslash<br/>next line</p></div>');
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
      expect(proseTree(note)).toEqual(tree(note));
      expect(noteMarkdownTree(note)).toEqual(keepTypedLines(tree(note)));
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
        const prose = proseTree(note);
        if (prose !== null) expect(prose).toEqual(tree(note));
        expect(noteMarkdownTree(note)).toEqual(keepTypedLines(tree(note)));
      }),
      { numRuns: 4_000 },
    );
  });
});

describe('a right-to-left run in a left-to-right line', () => {
  it('is isolated line by line, so a year after an Arabic place stays after it; an Arabic line is left whole', () => {
    expect(rendered('Talks in المنامة, 2025.\nالمنامة 2025 then Paris')).toBe(
      '<div><p dir="auto">Talks in <bdi>المنامة</bdi>, 2025.<br/>المنامة 2025 then Paris</p></div>',
    );
  });

  it('takes a link into the run whole rather than cutting it, and leaves code as typed', () => {
    expect(rendered('See [المنامة map](https://example.org) 2025 and `البحرين 1`')).toBe(
      '<div><p dir="auto">See <bdi><span data-href="https://example.org">المنامة map</span></bdi> 2025 and <bdi><code>البحرين 1</code></bdi></p></div>',
    );
  });
});
