import { useCallback, useReducer, useRef } from 'react';
import type { NoteContent } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import { contentOf, sameContent } from './draftJournal.ts';

/**
 * A list of annotations is read again only once a save has reached the store and its change event has come back;
 * its rows, read from the list alone, showed the marking (and text) of before the last edits: "(UNMARKED)" beside
 * an annotation just marked NATO RESTRICTED while it was open, and for a moment after Done. Each row shows what its
 * editor showed last instead, until the list holds the version the store saved it as; then the list again (another
 * desk's later change included). An edit the store never took stays shown as written, as its draft is kept.
 */
export function useShownUntilListed() {
  const shown = useRef(new Map<number, NoteContent>());
  const stored = useRef(new Map<number, Note>());
  const [, render] = useReducer((count: number) => count + 1, 0);

  const onShown = useCallback((id: number, content: NoteContent) => {
    const before = shown.current.get(id);
    shown.current.set(id, content);
    // While the editor is open the row shows only its marking: a key typed in the text need not render the list.
    if (before?.classification !== content.classification) render();
  }, []);
  const onStored = useCallback((note: Note) => {
    stored.current.set(note.id, note);
  }, []);
  /** The editor closed: its row shows its text now. */
  const onClosed = useCallback(() => render(), []);

  const asShown = (note: Note): Note => {
    const content = shown.current.get(note.id);
    if (!content) return note;
    const saved = stored.current.get(note.id);
    const listed = saved !== undefined && note.version >= saved.version && sameContent(contentOf(saved), content);
    return listed || sameContent(contentOf(note), content) ? note : { ...note, ...content };
  };
  return { asShown, onShown, onStored, onClosed };
}
