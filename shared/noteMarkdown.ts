import { micromark } from 'micromark';
import { createElement, Fragment, type ReactNode } from 'react';
import { type InlineNode, isolateRightToLeft } from './rightToLeftRuns.ts';

// A note is Markdown. The app shows it (renderer/src/notes/Markdown.tsx) and the
// pack prints it (main/pdf/template/parts.ts) through this one module, so both
// render the same thing. micromark runs with its defaults: raw HTML is escaped
// (so "<script>" shows as typed) and dangerous link protocols are dropped. Every
// "<" left in its output is therefore a tag micromark wrote; that output is read
// back into React elements from an allow-list, and nothing is ever set as raw
// HTML, so no attribute, script or handler survives. A link never navigates and
// an image is never fetched: each caller says how to show them.

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
  // Never typed (micromark escapes a typed tag): isolates a right-to-left run of a left-to-right line.
  'bdi',
]);
const selfClosing = new Set(['hr', 'br', 'img']);
/** The blocks that hold a line of typed text: each takes the direction of its first strong letter. */
const typed = new Set(['p', 'li', 'blockquote', 'th', 'td']);

export interface MarkdownElement {
  tag: string;
  attributes: Record<string, string>;
  children: (MarkdownElement | string)[];
}

/** How the elements that never render as themselves are shown: each caller decides. */
export interface NoteRendering {
  link(href: string, children: ReactNode[], key: number): ReactNode;
  image(alt: string, key: number): ReactNode;
  heading(level: number, children: ReactNode[], key: number): ReactNode;
}

/** micromark escapes only these four in text and attribute values. */
const decode = (text: string) =>
  text.replace(/&(lt|gt|quot|amp);/g, (_entity, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');

function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([a-z]+)="([^"]*)"/g)].map((match) => [match[1] ?? '', decode(match[2] ?? '')]));
}

/** micromark's output as a tree: its tags are well formed, so a stack is enough. */
export function parseMicromarkHtml(html: string): (MarkdownElement | string)[] {
  const root: MarkdownElement = { tag: '', attributes: {}, children: [] };
  const open: MarkdownElement[] = [root];
  for (const piece of html.split(/(<[^>]*>)/)) {
    const parent = open.at(-1) ?? root;
    const tag = /^<(\/?)([a-z0-9]+)/.exec(piece);
    if (!tag) {
      if (piece) parent.children.push(decode(piece));
    } else if (tag[1]) {
      if (open.length > 1) open.pop();
    } else {
      const element: MarkdownElement = { tag: tag[2] ?? '', attributes: attributesOf(piece), children: [] };
      parent.children.push(element);
      if (!selfClosing.has(element.tag)) open.push(element);
    }
  }
  return root.children;
}

/** Kept whole when a right-to-left run is isolated: a link prints its address after its text, code is as typed. */
const uncut = (node: InlineNode) => typeof node !== 'string' && (node.tag === 'a' || node.tag === 'code' || node.tag === 'img');
const isolated = (children: (MarkdownElement | string)[]): MarkdownElement => ({ tag: 'bdi', attributes: {}, children });

/**
 * A typed block's inline content with each right-to-left run of a left-to-right line isolated (shared/rightToLeftRuns.ts),
 * line by line, as each line takes its own direction. A block holding blocks (a list item's paragraphs) is left to them.
 */
function linesIsolated(children: (MarkdownElement | string)[]): (MarkdownElement | string)[] {
  if (children.some((child) => !inline(child) && !(typeof child !== 'string' && child.tag === 'br'))) return children;
  const lines: (MarkdownElement | string)[][] = [[]];
  for (const child of children) {
    if (typeof child !== 'string' && child.tag === 'br') lines.push([child], []);
    else lines.at(-1)?.push(child);
  }
  return lines.flatMap((line) =>
    line.length === 1 && typeof line[0] !== 'string' && line[0]?.tag === 'br' ? line : isolateRightToLeft(line, isolated, uncut),
  );
}

function toReact(node: MarkdownElement | string, key: number, rendering: NoteRendering): ReactNode {
  if (typeof node === 'string') return node;
  const children = (typed.has(node.tag) ? linesIsolated(node.children) : node.children).map((child, index) =>
    toReact(child, index, rendering),
  );
  if (node.tag === 'a') return rendering.link(node.attributes.href ?? '', children, key);
  if (node.tag === 'img') return rendering.image(node.attributes.alt ?? '', key);
  const heading = /^h([1-6])$/.exec(node.tag);
  if (heading) return rendering.heading(Number(heading[1]), children, key);
  if (!kept.has(node.tag)) return createElement(Fragment, { key }, ...children);
  // A paragraph written in Arabic or Persian reads right to left, whatever the text around it, as a talking point does.
  return createElement(node.tag, typed.has(node.tag) ? { key, dir: 'auto' } : { key }, ...children);
}

// Most notes are prose: sentences, names, times, no Markdown at all. micromark
// takes a tenth of a millisecond a note just to set itself up, about a third
// of a 200-page pack's rendering, to find only paragraphs in them. Text in
// which no character could open any construct micromark knows (no emphasis,
// code, link, HTML, entity, escape, heading, rule, quote or fence character;
// no line that could start a list or indented code, nor end in a hard break)
// is split into paragraphs here, as micromark would split it (noteMarkdown.test.ts
// compares the two on random text); anything else goes to micromark.
const syntaxCharacter = /[\\`*_[\]<>#&~|=\t\r\u0000-\u0008\u000b-\u001f\u007f]/;
const blockStart = /^(?:[ +-]|\d+[.)])|[ ]$/m;

export function proseTree(markdown: string): (MarkdownElement | string)[] | null {
  if (syntaxCharacter.test(markdown) || blockStart.test(markdown)) return null;
  const tree: (MarkdownElement | string)[] = [];
  for (const paragraph of markdown.split(/\n{2,}/)) {
    const text = paragraph.replace(/^\n+|\n+$/g, '');
    if (!text) continue;
    if (tree.length > 0) tree.push('\n');
    tree.push({ tag: 'p', attributes: {}, children: [text] });
  }
  // micromark ends its output with a line ending where the text ends with one after its last paragraph.
  if (tree.length > 0 && markdown.endsWith('\n')) tree.push('\n');
  return tree;
}

// A desk officer types a note line by line: a list of names, an address, talking points without bullets. Markdown
// joins such lines into one paragraph (a single line break is a space); here, as in GitHub's comments, it breaks
// the line, on screen and in print alike. A blank line still starts a paragraph, and lists, headings, quotes and
// code are left as Markdown reads them: only a line ending inside a block's text, between two pieces of it, breaks.
/** The elements inside whose text a line ending is one the writer typed between two lines. */
const textHolding = new Set(['p', 'li', 'th', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'del', 'a']);
/** Blocks: a line ending beside one is micromark's own, between blocks, not the writer's. */
const blocks = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const inline = (node: MarkdownElement | string | undefined) =>
  node !== undefined && (typeof node === 'string' || !(blocks.has(node.tag) || /^h[1-6]$/.test(node.tag) || node.tag === 'br'));
const lineBreak = (): MarkdownElement => ({ tag: 'br', attributes: {}, children: [] });

/** `nodes` with each line ending typed inside a block's text made a line break (a `br`), as a hard break is. */
export function keepTypedLines(nodes: (MarkdownElement | string)[], breaks = false): (MarkdownElement | string)[] {
  const kept: (MarkdownElement | string)[] = [];
  for (const [index, node] of nodes.entries()) {
    if (typeof node !== 'string') {
      // Code keeps its lines as typed already, and a code span is one line.
      kept.push(
        node.tag === 'pre' || node.tag === 'code' ? node : { ...node, children: keepTypedLines(node.children, textHolding.has(node.tag)) },
      );
      continue;
    }
    if (!breaks || !node.includes('\n')) {
      kept.push(node);
      continue;
    }
    const lines = node.split('\n');
    for (const [at, line] of lines.entries()) {
      if (at > 0) {
        const first = at === 1 && lines[0] === '';
        const previous = nodes[index - 1];
        const textBefore = (lines[at - 1] ?? '') !== '' || (first && inline(previous));
        const textAfter = line !== '' || (at === lines.length - 1 && inline(nodes[index + 1]));
        // micromark writes a hard break as a br then the line ending: the app shows notes with their line endings
        // kept (white-space: pre-wrap, for each line's direction), where that ending was a second, empty line.
        const afterBreak = first && typeof previous !== 'string' && previous?.tag === 'br';
        if (!afterBreak) kept.push(textBefore && textAfter ? lineBreak() : '\n');
      }
      if (line !== '') kept.push(line);
    }
  }
  return kept;
}

/** A note's Markdown as a tree of micromark's elements, each line typed kept a line. */
export function noteMarkdownTree(markdown: string): (MarkdownElement | string)[] {
  return keepTypedLines(proseTree(markdown) ?? parseMicromarkHtml(micromark(markdown)));
}

/** A note's Markdown as React elements, built from the allow-list only. */
export function noteMarkdownToReact(markdown: string, rendering: NoteRendering): ReactNode[] {
  return noteMarkdownTree(markdown).map((node, index) => toReact(node, index, rendering));
}
