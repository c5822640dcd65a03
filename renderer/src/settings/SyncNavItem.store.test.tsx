// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/syncSettings.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { SyncNavItem } from './SyncNavItem.tsx';

// The twelfth round's team trial: the server went away while an officer
// edited a brief, and nothing on screen said so; the state line is in
// Settings, below the fold. The sidebar now says it on every screen.

afterEach(cleanup);

function sidebar(status: SyncStatus) {
  const store = createStoreBridge({
    sync: { status: () => status, restart: async () => {}, stop: async () => {}, now: async () => status },
  });
  setBridge(store.bridge);
  render(
    <StoreQueries client={createQueryClient()}>
      <ul>
        <SyncNavItem />
      </ul>
    </StoreQueries>,
  );
}

describe('the replication state in the sidebar', () => {
  it('says the last exchange failed, in words, and leads to Settings', async () => {
    sidebar({
      state: 'error',
      waiting: 2,
      lastSyncedAt: null,
      lastError: { kind: 'unreachable', detail: 'Server not reachable (ECONNREFUSED)', at: '2026-12-03T00:18:30Z' },
      notices: [],
    });
    const link = await screen.findByRole('link', { name: 'Sync: last exchange failed' });
    expect(link.getAttribute('href')).toBe('#/settings');
  });

  it('still says the last exchange failed while the desk tries the server again', async () => {
    // A server that took the connection and never answered: each try waits a minute for it, and the sidebar said
    // "syncing…" most of the time, though no exchange had succeeded since the failure.
    sidebar({
      state: 'syncing',
      waiting: 3,
      lastSyncedAt: '2026-12-03T09:40:06Z',
      lastError: { kind: 'unreachable', detail: 'Server not reachable (ETIMEDOUT)', at: '2026-12-03T09:51:19Z' },
      notices: [],
    });
    const link = await screen.findByRole('link', { name: 'Sync: last exchange failed' });
    expect(link.className).toContain('sync-nav-error');
  });

  it('says the last exchange partly failed when the server refused one database and the others synced', async () => {
    // The seventeenth round's bilateral officer, taken off one summit: "last exchange failed", on every screen,
    // told her none of her work went, while the people she added and her other summit did.
    sidebar({
      state: 'error',
      waiting: 1,
      lastSyncedAt: '2026-12-03T09:40:06Z',
      lastError: { kind: 'no-access', detail: 'sherpa-summit-0123456789abcdef0123456789abcdef', at: '2026-12-03T09:51:19Z' },
      notices: [],
    });
    const link = await screen.findByRole('link', { name: 'Sync: last exchange partly failed' });
    expect(link.className).toContain('sync-nav-error');
  });

  it('says the last exchange failed when the server answered every database with an error', async () => {
    // The Apia trial's address with a path after it: every database answered 404, and "partly failed" said some went.
    sidebar({
      state: 'error',
      waiting: 27,
      lastSyncedAt: null,
      lastError: { kind: 'no-database-synced', detail: '“sherpa-reference” (HTTP 404)', at: '2026-12-05T04:13:10Z' },
      notices: [],
    });
    expect(await screen.findByRole('link', { name: 'Sync: last exchange failed' })).toBeDefined();
  });

  it('counts the changes waiting, and says nothing on a desk not connected', async () => {
    sidebar({ state: 'waiting', waiting: 2, lastSyncedAt: null, lastError: null, notices: [] });
    expect(await screen.findByRole('link', { name: 'Sync: 2 changes waiting' })).toBeDefined();
    cleanup();
    sidebar({ state: 'off', waiting: 0, lastSyncedAt: null, lastError: null, notices: [] });
    await screen.findByRole('list');
    expect(screen.queryByRole('link')).toBeNull();
  });
});
