// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { useRoute } from '../router.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { NotesView } from './NotesView.tsx';

// Tallinn's desk officer, on the keyboard alone, pressed "New note": the note was made and opened, but the caret
// stayed on the button, with the list's filters and every note's link between it and the new note's title.

beforeEach(() => {
  window.location.hash = '#/notes';
  setBridge(createStoreBridge().bridge);
});
afterEach(cleanup);

function Notes() {
  const route = useRoute();
  return <NotesView {...(route.view === 'notes' && route.id !== undefined ? { id: route.id } : {})} />;
}

describe('“New note” from the keyboard', () => {
  it('puts the caret in the new note’s title', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <UndoProvider>
            <Notes />
          </UndoProvider>
        </SettingsProvider>
      </StoreQueries>,
    );
    const newNote = screen.getByRole('button', { name: 'New note' });
    act(() => newNote.focus());
    fireEvent.click(newNote);
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await waitFor(() => expect(document.activeElement).toBe(title));
  });
});
