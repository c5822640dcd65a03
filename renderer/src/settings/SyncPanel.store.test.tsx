// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { latestSeq, recordsChangedAfter } from '../../../db/sync/account.ts';
import type { SyncStatus } from '../../../shared/syncSettings.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { call, setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { SettingsProvider } from './SettingsContext.tsx';
import { SyncPanel } from './SyncPanel.tsx';

// The Sync panel against the real store, its replicator stood in for by one
// that counts, as the real one does, the records saved since the last round
// (none has run since the panel was first read): offline, nothing is sent.

afterEach(cleanup);

describe('the Sync panel opened after an offline save', () => {
  it('never shows the "Up to date" read before the save: it says it is counting, then how many changes wait', async () => {
    let store: ReturnType<typeof createStoreBridge> | undefined;
    const status = (): SyncStatus => {
      const waiting = store ? recordsChangedAfter(store.db, pushedThrough).length : 0;
      return { state: waiting > 0 ? 'waiting' : 'up-to-date', waiting, lastSyncedAt: null, lastError: null, notices: [] };
    };
    store = createStoreBridge({ sync: { status, restart: async () => {}, stop: async () => {}, now: async () => status() } });
    const pushedThrough = latestSeq(store.db);
    setBridge(store.bridge);
    const client = createQueryClient();
    // The page's cache lives at the root, as in Sherpa: only the panel comes and goes.
    const page = (settingsOpen: boolean) => (
      <StoreQueries client={client}>
        <SettingsProvider>{settingsOpen ? <SyncPanel /> : <p>Meeting</p>}</SettingsProvider>
      </StoreQueries>
    );
    const { rerender } = render(page(true));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Up to date\./);
    rerender(page(false));

    // Elsewhere in Sherpa, an annotation is saved; then Settings opens again, the earlier answer still in the page's cache.
    await call('note.create', { meetingId: 1, title: 'Ask', body: 'Raise the licences first.', tags: [], classification: '' });
    rerender(page(true));
    const line = screen.getByRole('status');
    expect(line.textContent).toBe('Counting the changes waiting to be sent…');
    expect(await screen.findByText('1 change waiting to be sent.')).toBe(line);
  });
});

describe('the summits to share', () => {
  it('name each summit after its portion mark, as every record’s name is shown, an unmarked one said so', async () => {
    const store = createStoreBridge();
    setBridge(store.bridge);
    const marked = (await call('summit.list', {}))[0];
    if (!marked) throw new Error('the sample has a summit');
    const unmarked = await call('summit.create', {
      title: 'Cumbre Mercosur–CELAC, Montevideo 2026',
      startDate: '2026-10-23',
      endDate: '2026-10-27',
      timeZone: 'America/Montevideo',
      city: 'Montevideo',
      countryId: null,
      description: '',
      sourceId: null,
      classification: '',
    });
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <SyncPanel />
        </SettingsProvider>
      </StoreQueries>,
    );
    // The mark is its own element (the banner counts it): the label's text runs on from it.
    expect(await screen.findByRole('checkbox', { name: `(NU)${marked.title}` })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: `(UNMARKED)${unmarked.title}` })).toBeTruthy();
  });
});
