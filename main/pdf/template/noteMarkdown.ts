import { micromark } from 'micromark';
import { createElement as h, type ReactNode } from 'react';

// A note is Markdown, and the app shows it rendered (renderer/src/notes/Markdown.tsx);
// the pack prints it the same way. micromark is run as the app runs it: raw
// HTML is escaped (so "<script>" prints as typed) and dangerous link protocols
// are dropped. Every "<" left in its output is therefore a tag micromark wrote,
// which is read back into React elements from an allow-list (nothing is set as
// raw HTML): a link shows its address and goes nowhere, an image is named by its
// alt text and never fetched.

const kept = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const selfClosing = new Set(['hr', 'br', 'img']);

interface Element {
  tag: string;
  attributes: Record<string, string>;
  children: (Element | string)[];
}

/** micromark escapes only these four in text and attribute values. */
const decode = (text: string) =>
  text.replace(/&(lt|gt|quot|amp);/g, (_entity, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');

function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([a-z]+)="([^"]*)"/g)].map((match) => [match[1] ?? '', decode(match[2] ?? '')]));
}

/** micromark's output as a tree: its tags are well formed, so a stack is enough. */
function parse(html: string): (Element | string)[] {
  const root: Element = { tag: '', attributes: {}, children: [] };
  const open: Element[] = [root];
  for (const piece of html.split(/(<[^>]*>)/)) {
    const parent = open.at(-1) ?? root;
    const tag = /^<(\/?)([a-z0-9]+)/.exec(piece);
    if (!tag) {
      if (piece) parent.children.push(decode(piece));
    } else if (tag[1]) {
      if (open.length > 1) open.pop();
    } else {
      const element: Element = { tag: tag[2] ?? '', attributes: attributesOf(piece), children: [] };
      parent.children.push(element);
      if (!selfClosing.has(element.tag)) open.push(element);
    }
  }
  return root.children;
}

function toReact(node: Element | string, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const children = node.children.map(toReact);
  const href = node.attributes.href ?? '';
  if (node.tag === 'a') return h('span', { key, className: 'note-link' }, ...children, href ? ` ⟨${href}⟩` : null);
  if (node.tag === 'img') return h('span', { key, className: 'note-image' }, `[image: ${node.attributes.alt ?? ''}]`);
  // A note's heading is bold text, not a heading of the pack: it must not join the bookmarks or look like a section.
  if (/^h[1-6]$/.test(node.tag)) return h('p', { key, className: 'note-heading' }, ...children);
  if (!kept.has(node.tag)) return h('span', { key }, ...children);
  return h(node.tag, { key }, ...children);
}

/** A note's body as printed: its Markdown rendered, or a word saying it is empty. */
export function NoteBody({ markdown }: { markdown: string }): ReactNode {
  if (!markdown.trim()) return h('p', { className: 'not-stated' }, '(empty note)');
  return h('div', { className: 'note-body' }, parse(micromark(markdown)).map(toReact));
}
