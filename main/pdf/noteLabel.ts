import { shortened } from '../../shared/shortened.ts';

/** Longest excerpt of an untitled note's text that names it in the list. */
const excerptLength = 80;

/**
 * How the list names a note: its title, or else the first line of its text.
 * Annotations rarely have a title, and a column of "—" told the user nothing
 * about which annotation would print.
 */
export function noteLabel(note: { title: string; body: string }): string {
  if (note.title.trim() !== '') return note.title;
  const firstLine = note.body.trim().split(/\r?\n/)[0]?.trim() ?? '';
  if (firstLine === '') return '—';
  return shortened(firstLine, excerptLength);
}
