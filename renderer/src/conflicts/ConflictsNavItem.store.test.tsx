// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRecordIds, historiesOf } from '../../../db/sync/history.ts';
import { applyMerge } from '../../../db/sync/merge.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { call, setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ConflictsNavItem } from './ConflictNotice.tsx';
import { ConflictsView } from './ConflictsView.tsx';

// The sidebar's count against the real store, when all that waits on the conflicts screen is a record this desk
// deleted and another desk kept for a follow-up it added: the screen lists no record in conflict, only the notice,
// so the sidebar's red count of records in conflict must not say one is (before: "1 record in conflict").

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  const other = openScratchDatabase();
  applyMerge(other, historiesOf(store.db, allRecordIds(store.db)));
  const meetingDoc = store.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = '1'`).pluck().get() as string;
  store.db.prepare('DELETE FROM meeting WHERE id = 1').run();
  const meetingThere = other.prepare(`SELECT row_key FROM sync_doc WHERE doc_id = ?`).pluck().get(meetingDoc) as string;
  other.prepare(`INSERT INTO follow_up (meeting_id, description) VALUES (?, 'Send the export licence list')`).run(Number(meetingThere));
  applyMerge(store.db, historiesOf(other, allRecordIds(other)));
});
afterEach(async () => {
  cleanup();
  // Back to the default for the next file run in this worker.
  await i18n.changeLanguage('en');
});

const renderBoth = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <nav>
            <ul>
              <ConflictsNavItem current="today" />
            </ul>
          </nav>
          <ConflictsView />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );

describe('the sidebar’s conflicts entry beside a record kept after a deletion', () => {
  it('counts no record in conflict, as the screen shows none, and names the kept record apart', async () => {
    renderBoth();
    // The screen: the notice of the kept record, and no table of records in conflict.
    await screen.findByRole('article');
    expect(screen.queryByRole('table')).toBeNull();
    const link = screen.getByRole('link', { name: /^Conflicts/ });
    expect(link.textContent).toBe('Conflicts  (1 kept after a deletion)');
    expect(link.textContent).not.toMatch(/in conflict/);
    expect(screen.queryByTestId('conflict-count')).toBeNull();
  });

  it('says so in Korean too', async () => {
    // The settings' language is what the window follows once they load.
    await call('settings.update', { language: 'ko' });
    await i18n.changeLanguage('ko');
    renderBoth();
    const link = await screen.findByRole('link', { name: /^충돌/ });
    await screen.findByTestId('kept-count');
    expect(link.textContent).toMatch(/\(삭제 후 유지 1건\)$/);
    expect(link.textContent).not.toMatch(/충돌 중인 기록/);
  });
});
