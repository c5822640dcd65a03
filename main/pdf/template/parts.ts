import { createElement as h, type ReactNode } from 'react';
import type { Note, Source } from '../../../shared/domain.ts';
import type { Marked, SectionContent } from '../packContent.ts';
import { NoteBody } from './noteMarkdown.ts';
import { usePackWords } from './packWords.ts';

export interface TableColumn {
  label: string;
  /** A share of the page width, e.g. '20%'; the rest share what is left. */
  width?: string;
}

/** A table of a pack: a header row and one row per record; long text wraps inside its cell. */
export function DataTable({
  columns,
  rows,
}: {
  columns: readonly TableColumn[];
  rows: readonly { key: number; cells: ReactNode[] }[];
}): ReactNode {
  return h(
    'table',
    null,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...columns.map((column) => h('th', { key: column.label, style: column.width ? { width: column.width } : undefined }, column.label)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((row) => h('tr', { key: row.key }, ...row.cells.map((cell, index) => h('td', { key: index }, cell)))),
    ),
  );
}

/** A section's heading: the contents page links to its id, and the PDF outline is built from it. */
export function SectionHeading({ section }: { section: SectionContent }): ReactNode {
  return h('h1', { id: section.anchor }, h('span', { className: 'mark' }, section.mark), h('bdi', null, section.title));
}

/** A part of a section printed from one record's text: the record's portion mark heads it, as every other portion's does. */
export function PartHeading({ mark, text }: { mark: string; text: string }): ReactNode {
  return h('h2', null, h('span', { className: 'mark' }, mark), text);
}

/** A note staff wrote on an item, with its own portion mark. */
export function Annotation({ note }: { note: Marked<Note> }): ReactNode {
  const words = usePackWords().parts;
  return h(
    'div',
    { className: 'annotation' },
    h('div', { className: 'annotation-head' }, h('span', { className: 'mark' }, note.mark), h('bdi', null, note.title || words.staffNote)),
    h(NoteBody, { markdown: note.body }),
    note.tags.length > 0 ? h('div', { className: 'muted' }, words.tags(note.tags)) : null,
  );
}

/** The line naming a brief's or an entry's source, with the source's own portion mark. */
export function SourceLine({ source }: { source: Marked<Source> | null }): ReactNode {
  const { date, parts: words } = usePackWords();
  if (!source) return null;
  const published = source.publishedOn ? `, ${date(source.publishedOn)}` : '';
  return h(
    'p',
    { className: 'source-line' },
    h('span', { className: 'mark' }, source.mark),
    words.source,
    h('bdi', null, source.title),
    source.publisher ? [' (', h('bdi', { key: 'publisher' }, source.publisher), `${published})`] : null,
    '.',
  );
}

/**
 * A column of short texts (a participant's role) wide enough for its longest word whole, at least `least` percent:
 * at a fixed 16% a one-word role of twelve letters, "Πρωθυπουργός" (Prime Minister), printed "Πρωθυπουργό" with its
 * ς alone on the next line. About 1.4% of an A4 or Letter text width a character, as markColumnWidth reckons, and 3%
 * for the cell's padding; at most 30%, past which a word wraps where it must.
 */
export const wordsColumnWidth = (texts: readonly string[], least: number): string => {
  const longest = Math.max(0, ...texts.flatMap((text) => text.split(/\s+/u)).map((word) => Array.from(word).length));
  return `${Math.min(30, Math.max(least, Math.ceil(longest * 1.4 + 3)))}%`;
};

/**
 * A Mark column wide enough for its longest mark whole: "(C//REL)" cut over two
 * lines reads as two marks. A share of the page, as the other columns' widths
 * are (a fixed table lays out only those): 10% holds "(NU)", each character
 * beyond takes about 1.4% of an A4 or Letter text width, padding included.
 */
export const markColumnWidth = (marks: readonly string[]): string => {
  const longest = Math.max(0, ...marks.map((mark) => Array.from(mark).length));
  return `${Math.min(30, Math.max(10, Math.ceil(longest * 1.4 + 2)))}%`;
};

/**
 * A column of dates, each kept whole on its line (keptWhole.ts): the longest, "30 September 2026", is 33 mm wide in
 * the pack's 10 pt face, 37 mm with the cell's padding, 21% of an A4 text width (20.6% of a Letter one); 23% leaves
 * room for a system face a little wider. A narrower cell would cut the date anywhere, mid-number.
 */
export const dateColumnWidth = '23%';
