// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
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

// The Johannesburg desk deleted a summit whose side meeting the classified-network
// desk, not knowing, had redrafted: the meeting was the Johannesburg desk's own,
// only changed on the other desk. The notice said it was "added" there.

afterEach(cleanup);

it('says a record that kept a deleted one was changed on the other desk, not that it was added there', async () => {
  const store = createStoreBridge();
  setBridge(store.bridge);
  const summit = store.db
    .prepare(
      `INSERT INTO summit (title, start_date, end_date, time_zone) VALUES ('BRICS Sherpa meeting, Gqeberha', '2026-11-21', '2026-11-23', 'Africa/Johannesburg') RETURNING id`,
    )
    .pluck()
    .get() as number;
  store.db
    .prepare(
      `INSERT INTO meeting (summit_id, title, format, starts_at, time_zone, classification) VALUES (?, 'Side meeting, Nelson Mandela Bay', 'bilateral', '2026-11-24T09:00:00Z', 'Africa/Johannesburg', 'NATO SECRET')`,
    )
    .run(summit);
  const other = openScratchDatabase();
  applyMerge(other, historiesOf(store.db, allRecordIds(store.db)));
  store.db.prepare('DELETE FROM summit WHERE id = ?').run(summit);
  other
    .prepare(`UPDATE meeting SET purpose = 'Align the BRICS and G20 food-security texts' WHERE title = 'Side meeting, Nelson Mandela Bay'`)
    .run();
  applyMerge(store.db, historiesOf(other, allRecordIds(other)));

  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ConflictsView />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
  const notice = await screen.findByRole('article', { name: 'BRICS Sherpa meeting, Gqeberha' });
  expect(within(notice).getByText(/kept because 1 record added or changed on .* refers to it:$/)).toBeTruthy();
  expect(within(notice).getByRole('listitem').textContent).toMatch(/Meeting “Side meeting, Nelson Mandela Bay”/);
});
