// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNote } from '../../../db/notes.ts';
import type { Note } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import '../i18n/index.ts';
import { useTrashWithUndo } from './useTrashWithUndo.ts';

// An annotation moved to the trash was named "Annotation 5", a number the desk never saw; an untitled note "Untitled
// note", though the Notes list names it by its first words. Both are named by their first line, in the message and
// in what Undo says.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

function TrashButton({ note, name }: { note: Note; name?: string }) {
  const trashWithUndo = useTrashWithUndo();
  return (
    <button type="button" onClick={() => void trashWithUndo(note, name)}>
      Move to trash
    </button>
  );
}

const trashed = async (note: Note, name?: string) => {
  render(
    <UndoProvider>
      <TrashButton note={note} {...(name === undefined ? {} : { name })} />
    </UndoProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Move to trash' }));
  return (await screen.findByText(/^Moved to the trash: /)).textContent;
};

describe('a note or annotation moved to the trash', () => {
  it('is named by its first line when it has no title, and its Undo says the same', async () => {
    const annotation = createNote(
      store.db,
      { meetingId: 1, sectorEntryId: null },
      { title: '', body: '\n  Catatan: Simão hadir, Conceição tidak.\nDetail kedua.', tags: [], classification: '' },
    );
    expect(await trashed(annotation, `Annotation ${annotation.id}`)).toBe('Moved to the trash: Catatan: Simão hadir, Conceição tidak.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Restored: Catatan: Simão hadir, Conceição tidak.')).toBeTruthy();
  });

  it('is named by its title where it has one, and as untitled where it has neither', async () => {
    const titled = createNote(
      store.db,
      { meetingId: null, sectorEntryId: null },
      { title: 'Protokol Belém', body: 'Hangar.', tags: [], classification: '' },
    );
    expect(await trashed(titled)).toBe('Moved to the trash: Protokol Belém');
    cleanup();
    const empty = createNote(store.db, { meetingId: null, sectorEntryId: null }, { title: '', body: ' \n', tags: [], classification: '' });
    expect(await trashed(empty)).toBe('Moved to the trash: Untitled note');
  });
});
