// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { allRecordIds, historiesOf } from '../../../db/sync/history.ts';
import { applyMerge } from '../../../db/sync/merge.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ConflictsView } from './ConflictsView.tsx';

// This desk moved the note on water to the trash while a colleague's desk, not knowing, redrafted it: the edit
// took it out of the trash on both desks. The notice says so, as a deletion's does, and can put it back there.

afterEach(cleanup);

/** The store after the colleague's redraft met this desk's trash, shown in `language`. */
async function trashMetAnEdit(language: 'en' | 'ko') {
  // jsdom has no modal dialogs: the confirmation opens as a plain one.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  const store = createStoreBridge();
  setBridge(store.bridge);
  const note = store.db
    .prepare(`INSERT INTO note (title, body, classification) VALUES ('Water', 'Phase II.', 'NATO RESTRICTED') RETURNING id`)
    .pluck()
    .get() as number;
  const colleague = openScratchDatabase();
  applyMerge(colleague, historiesOf(store.db, allRecordIds(store.db)));
  colleague.prepare(`UPDATE note SET body = 'Phase II: ask about the Polihali dam.', version = version + 1 WHERE title = 'Water'`).run();
  store.db.prepare(`UPDATE note SET deleted_at = '2026-08-20T09:00:00.000Z' WHERE id = ?`).run(note);
  applyMerge(store.db, historiesOf(colleague, allRecordIds(colleague)));
  expect((await store.bridge['settings.update']({ language })).ok).toBe(true);
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ConflictsView />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
  await waitFor(() => expect(document.documentElement.lang).toBe(language));
  return { store, note, notice: await screen.findByRole('article', { name: 'Water' }) };
}

describe('a note moved to the trash here while another desk edited it', () => {
  it('is told as taken out of the trash by the edit, and goes back there from the notice', async () => {
    const { store, note, notice } = await trashMetAnEdit('en');
    expect(
      within(notice).getByText(/^Moved to the trash on .* taken out of it because .* edited it at .* without having heard of it\.$/),
    ).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'Move to the trash again' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Move to the trash' }));
    await screen.findByText('Moved to the trash: “Water”. Every desk does the same at its next exchange.');
    const row = store.db.prepare('SELECT body, deleted_at AS deletedAt FROM note WHERE id = ?').get(note) as {
      body: string;
      deletedAt: string;
    };
    expect(row.body).toBe('Phase II: ask about the Polihali dam.');
    expect(row.deletedAt).not.toBeNull();
  });

  it('is told in Korean', async () => {
    const { notice } = await trashMetAnEdit('ko');
    expect(within(notice).getByText(/에서 휴지통으로 옮겨짐\. 그 사실을 모르던 .*에 수정하여 휴지통에서 꺼내짐\.$/)).toBeTruthy();
    expect(within(notice).getByRole('button', { name: '다시 휴지통으로 옮기기' })).toBeTruthy();
  });
});
