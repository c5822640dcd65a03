import { createElement as h, type ReactNode } from 'react';
import { type NoteRendering, noteMarkdownToReact } from '../../../shared/noteMarkdown.ts';

// The pack prints a note as the app shows it (shared/noteMarkdown.ts renders
// both); only what paper cannot do differs: a link prints its address, an image
// its alt text, and a heading is bold text.

const printed: NoteRendering = {
  link: (href, children, key) => h('span', { key, className: 'note-link' }, ...children, href ? ` ⟨${href}⟩` : null),
  image: (alt, key) => h('span', { key, className: 'note-image' }, `[image: ${alt}]`),
  // A note's heading must not join the pack's bookmarks or look like a section.
  heading: (_level, children, key) => h('p', { key, className: 'note-heading', dir: 'auto' }, ...children),
};

/** A note's body as printed: its Markdown rendered, or a word saying it is empty. */
export function NoteBody({ markdown }: { markdown: string }): ReactNode {
  if (!markdown.trim()) return h('p', { className: 'not-stated' }, '(empty note)');
  return h('div', { className: 'note-body' }, noteMarkdownToReact(markdown, printed));
}
