// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createNote, linkNote } from '../../../db/notes.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { NoteLinkPicker } from './NoteLinkPicker.tsx';

// The note editor's "Linked to" shows the summit, meeting or sector a note is linked to, by title: what it shows
// counts towards the window's banner, as a record chosen in any form's picker does.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

const content = { title: 'Arrival logistics', body: 'Motorcade: 40 min.', tags: [], classification: 'NATO UNCLASSIFIED' };
const banner = () => screen.getByTestId('screen-banner-top').textContent;

async function shown(noteId: number) {
  const answer = await store.bridge['note.get']({ id: noteId });
  if (!answer.ok) throw new Error(answer.error.message);
  // A query client of its own: each test's store differs from the last one's.
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ScreenBanner edge="top" />
          <NoteLinkPicker note={answer.value} onLinked={() => undefined} />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
}

it('counts the meeting a note is linked to, and its summit, towards the window’s banner', async () => {
  store.db.prepare("UPDATE meeting SET classification = 'NATO CONFIDENTIAL' WHERE id = 1").run();
  const note = createNote(store.db, { sectorEntryId: null, meetingId: null }, content);
  linkNote(store.db, note.id, { meetingId: 1 });
  await shown(note.id);
  await screen.findByRole('option', { name: /^\(NC\) Secretary General Stoltenberg/ }, { timeout: 10_000 });
  await waitFor(() => expect(banner()).toBe('NATO CONFIDENTIAL'));
});

it('counts the sector a note is linked to towards the window’s banner', async () => {
  store.db.prepare("UPDATE sector SET classification = 'NATO SECRET' WHERE id = 1").run();
  const note = createNote(store.db, { sectorEntryId: null, meetingId: null }, content);
  linkNote(store.db, note.id, { sectorId: 1 });
  await shown(note.id);
  await waitFor(() => expect(banner()).toBe('NATO SECRET'), { timeout: 10_000 });
});
