import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type NoteRendering, noteMarkdownToReact } from './noteMarkdown.ts';

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
    expect(html).toContain('<li><strong>cyber</strong> &amp; <em>space</em></li>');
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
