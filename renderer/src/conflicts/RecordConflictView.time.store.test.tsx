// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRecordIds, historiesOf } from '../../../db/sync/history.ts';
import { applyMerge } from '../../../db/sync/merge.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { RecordConflictView } from './RecordConflictView.tsx';

// Two desks move the Tonga bilateral offline: one to 10:00 in Nukuʻalofa,
// the other to 11:00. The conflict view must show each version's time as the
// brief does, at the venue and at home, not the stored instant in UTC, which
// across the date line even reads as the day before.

let store: StoreBridge;
let record: string;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  store.db.prepare(`UPDATE meeting SET time_zone = 'Pacific/Tongatapu', duration_minutes = 45 WHERE id = 1`).run();
  store.db.prepare(`UPDATE summit SET time_zone = 'Pacific/Tongatapu'`).run();
  const other = openScratchDatabase();
  applyMerge(other, historiesOf(store.db, allRecordIds(store.db)));
  store.db.prepare(`UPDATE meeting SET starts_at = '2026-08-24T21:00:00Z', start_time_known = 1 WHERE id = 1`).run();
  other.prepare(`UPDATE meeting SET starts_at = '2026-08-24T22:00:00Z', start_time_known = 1 WHERE id = 1`).run();
  applyMerge(store.db, historiesOf(other, allRecordIds(other)));
  record = store.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = '1'`).pluck().get() as string;
});
afterEach(cleanup);

describe('a meeting moved to two different times on two desks', () => {
  it('shows each version’s time at the venue and at home, as the brief does', async () => {
    await store.bridge['settings.update']({ homeTimeZone: 'Europe/Oslo' });
    render(
      <SettingsProvider>
        <RecordConflictView record={record} />
      </SettingsProvider>,
    );
    const startsAt = await screen.findByRole('row', { name: /Starts at/ });
    expect(within(startsAt).getByText('differs')).toBeTruthy();
    const text = startsAt.textContent ?? '';
    expect(text).not.toContain('2026-08-24T2');
    // 10:00 and 11:00 on the 25th in Nukuʻalofa (UTC+13): 23:00 and 00:00 in Oslo (CEST).
    expect(text).toContain('25 Aug 2026, 10:00');
    expect(text).toContain('25 Aug 2026, 11:00');
    expect(text).toContain('Pacific/Tongatapu');
    expect(text).toContain('Home time (Europe/Oslo)');
    expect(text).toContain('24 Aug 2026, 23:00');
  });
});
