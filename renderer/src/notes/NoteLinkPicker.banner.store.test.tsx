// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
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

// Rīga's keyboard trial, at load: "Linked to" moved with the arrow keys saves at every press. Showing only saved links
// put the summit's option back to "Nothing" until its answer came, so the next arrow went on to the sector after it,
// and the note ended linked there while the desk saw "Link saved." for the summit.
it('shows each choice at once and saves the last one chosen, however fast the choices come', async () => {
  const note = createNote(store.db, { sectorEntryId: null, meetingId: null }, content);
  await shown(note.id);
  const picker = screen.getByRole('combobox', { name: /^Linked to/ }) as HTMLSelectElement;
  const summit = await screen.findByRole('option', { name: /NATO Summit, Vilnius 2023/ }, { timeout: 10_000 });
  const sector = screen
    .getAllByRole('option')
    .find((option) => (option as HTMLOptionElement).value.startsWith('sector-')) as HTMLOptionElement;
  const summitValue = (summit as HTMLOptionElement).value;
  // Three presses before any answer: the summit, the sector after it, the summit again.
  fireEvent.change(picker, { target: { value: summitValue } });
  expect(picker.value).toBe(summitValue);
  fireEvent.change(picker, { target: { value: sector.value } });
  expect(picker.value).toBe(sector.value);
  fireEvent.change(picker, { target: { value: summitValue } });
  expect(picker.value).toBe(summitValue);
  await screen.findByText('Link saved.');
  await waitFor(() =>
    expect(store.db.prepare('SELECT summit_id AS summitId, sector_id AS sectorId FROM note WHERE id = ?').get(note.id)).toEqual({
      summitId: Number(summitValue.slice('summit-'.length)),
      sectorId: null,
    }),
  );
  expect(picker.value).toBe(summitValue);
});
