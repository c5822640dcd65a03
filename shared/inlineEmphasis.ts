import { createElement, type ReactNode } from 'react';
import { isolateRightToLeft } from './rightToLeftRuns.ts';

// Bold and italic in a brief section, a biography or a sector's text, as staff
// type them: **Do not**, *only if asked*, _ever_. Such a text is not Markdown
// (its lines are paragraphs or list items, shared/proseBlocks.ts; "#" stays as
// typed), so only emphasis is read here, one line at a time, and shown the
// same on screen (renderer/src/components/TypedProse.tsx) and in the pack
// (main/pdf/template/prose.ts).
// The result is a tree of strings and two tags only, turned into React
// elements: nothing is ever set as HTML.
//
// A run of one, two or three "*" or "_" opens when a letter follows it and no
// letter or digit precedes it, and closes at the next run of the same
// character and length that follows a letter and is followed by no letter or
// digit. Anything else stays as typed: "5 * 3", "5*3", a footnote marker
// ("agreed*", "* see annex"), snake_case_names, a lone "**".

/** `bdi` isolates a right-to-left run of a left-to-right line (shared/rightToLeftRuns.ts); it is never typed. */
export type EmphasisNode = string | { tag: 'strong' | 'em' | 'bdi'; children: EmphasisNode[] };

const wordCharacter = /[\p{L}\p{N}]/u;
const space = /\s/u;

/** The length of the run of `character` starting at `at`. */
function runLength(line: string, at: number, character: string): number {
  let end = at;
  while (line[end] === character) end += 1;
  return end - at;
}

function canOpen(line: string, at: number, length: number): boolean {
  const before = line[at - 1];
  const after = line[at + length];
  return after !== undefined && !space.test(after) && (before === undefined || !wordCharacter.test(before));
}

function canClose(line: string, at: number, length: number): boolean {
  const before = line[at - 1];
  const after = line[at + length];
  return before !== undefined && !space.test(before) && (after === undefined || !wordCharacter.test(after));
}

/** Where the run that closes one of `length` × `character` opened before `from` starts, or -1. */
function closer(line: string, from: number, character: string, length: number): number {
  let at = from;
  while (at < line.length) {
    const next = line.indexOf(character, at);
    if (next === -1) return -1;
    const run = runLength(line, next, character);
    if (run === length && next > from && canClose(line, next, length)) return next;
    at = next + run;
  }
  return -1;
}

function wrapped(length: number, children: EmphasisNode[]): EmphasisNode {
  if (length === 1) return { tag: 'em', children };
  if (length === 2) return { tag: 'strong', children };
  return { tag: 'strong', children: [{ tag: 'em', children }] };
}

/** One line's emphasis as a tree; a line break is never crossed (callers split lines first). */
export function emphasisTree(line: string): EmphasisNode[] {
  const nodes: EmphasisNode[] = [];
  let literal = '';
  let at = 0;
  while (at < line.length) {
    const character = line[at] ?? '';
    if (character !== '*' && character !== '_') {
      literal += character;
      at += 1;
      continue;
    }
    const length = runLength(line, at, character);
    const end = length <= 3 && canOpen(line, at, length) ? closer(line, at + length, character, length) : -1;
    if (end === -1) {
      literal += line.slice(at, at + length);
      at += length;
      continue;
    }
    if (literal) nodes.push(literal);
    literal = '';
    nodes.push(wrapped(length, emphasisTree(line.slice(at + length, end))));
    at = end + length;
  }
  if (literal) nodes.push(literal);
  return nodes;
}

const plainText = (node: EmphasisNode): string => (typeof node === 'string' ? node : node.children.map(plainText).join(''));

/**
 * Text without the marks that emphasisTree reads as emphasis, line by line ("**Do not** mention" reads "Do not
 * mention"), for a place that shows a short piece of the text plain: a search result's snippet. What would stay as
 * typed ("5 * 3", snake_case, a lone "**") stays. Any other character passes through, a search's match marks too.
 */
export const withoutEmphasisMarks = (text: string): string =>
  text
    .split('\n')
    .map((line) => emphasisTree(line).map(plainText).join(''))
    .join('\n');

function toReact(node: EmphasisNode, key: number): ReactNode {
  if (typeof node === 'string') return node;
  return createElement(node.tag, { key }, ...node.children.map(toReact));
}

/** One line's emphasis, each right-to-left run of a left-to-right line isolated (shared/rightToLeftRuns.ts). */
export function lineTree(line: string): EmphasisNode[] {
  return isolateRightToLeft(emphasisTree(line), (children) => ({ tag: 'bdi', children }));
}

/**
 * Text with its emphasis as React elements, read line by line; the line breaks
 * are kept as text, for a caller that shows them (white-space: pre-wrap).
 * Text between emphasis stays one string, across lines: text without emphasis
 * is one text node, as it was before emphasis was read.
 */
export function emphasisToReact(text: string): ReactNode[] {
  const nodes: EmphasisNode[] = [];
  const add = (node: EmphasisNode) => {
    const last = nodes.length - 1;
    if (typeof node === 'string' && typeof nodes[last] === 'string') nodes[last] += node;
    else nodes.push(node);
  };
  text.split('\n').forEach((line, index) => {
    if (index > 0) add('\n');
    for (const node of lineTree(line)) add(node);
  });
  return nodes.map(toReact);
}
