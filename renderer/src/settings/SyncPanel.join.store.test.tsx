// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDeskKeys } from '../../../main/sync/deskKeys.ts';
import type { SyncStatus } from '../../../shared/syncSettings.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { call, setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { SettingsProvider } from './SettingsContext.tsx';
import { SyncPanel } from './SyncPanel.tsx';

// Since 2750 the reference database carries no summit, so a colleague's
// summit is never offered by title: the officer joins it by the database name
// the colleague's panel shows. Against the real store, its replicator stood in
// for (no server: what the panel saves is what is checked).

afterEach(cleanup);

const idle: SyncStatus = { state: 'up-to-date', waiting: 0, lastSyncedAt: null, lastError: null, notices: [] };

function panel() {
  const store = createStoreBridge({ sync: { status: () => idle, restart: async () => {}, stop: async () => {}, now: async () => idle } });
  // The desk's keys, made at set-up in the app: the password is sealed with them.
  ensureDeskKeys(store.db, 'Country desk');
  setBridge(store.bridge);
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <SyncPanel />
      </SettingsProvider>
    </StoreQueries>,
  );
  return store;
}

describe('joining a summit a colleague shares', () => {
  it('refuses a name that is not a summit database in words, saving nothing; a good name waits, named, until it arrives', async () => {
    panel();
    fireEvent.change(await screen.findByLabelText('Server address'), { target: { value: 'http://127.0.0.1:5984' } });
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'lee' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Desk-pass-2' } });
    const join = screen.getByLabelText('Join a summit a colleague shares');
    fireEvent.change(join, { target: { value: 'OSCE Ministerial Council, Вена' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    const refusal = await screen.findByText(/is not a summit’s database of this server/);
    expect(refusal.textContent).toMatch(/^“OSCE Ministerial Council, Вена” is not a summit’s database of this server: copy the name/);
    expect(join.getAttribute('aria-invalid')).toBe('true');
    expect(await call('sync.status', {})).toMatchObject({ account: null, joining: [] });

    const database = 'sherpa-summit-0123456789abcdef0123456789abcdef';
    fireEvent.change(join, { target: { value: `  ${database}\n` } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(`Not received yet: ${database}.`, { exact: false })).toBeDefined();
    expect((await call('sync.status', {})).joining).toEqual([database]);
  });
});

/** A summit's box is named by its title after its portion mark. */
const titled = (title: string) => (name: string) => name.endsWith(title);

describe('a summit shared while the form is open', () => {
  it('shows ticked when it becomes shared between two readings of the state, and a box the officer changed keeps their choice', async () => {
    panel();
    const first = (await call('summit.list', {}))[0];
    if (!first) throw new Error('the sample has a summit');
    const second = await call('summit.create', {
      title: 'Pacific Islands Forum Leaders Meeting, Nukuʻalofa',
      startDate: '2026-09-08',
      endDate: '2026-09-12',
      timeZone: 'Pacific/Tongatapu',
      city: 'Nukuʻalofa',
      countryId: null,
      description: '',
      sourceId: null,
      classification: '',
    });
    const account = { url: 'http://127.0.0.1:5984', username: 'lee', password: 'Desk-pass-2' };
    await call('sync.configure', { ...account, summitIds: [] });
    const firstBox = await screen.findByRole('checkbox', { name: titled(first.title) });
    const secondBox = screen.getByRole('checkbox', { name: titled(second.title) });
    expect(firstBox).toHaveProperty('checked', false);
    fireEvent.click(secondBox);

    // As a joined summit arriving with the replicator does: stored as shared, the joining list as empty as before.
    await call('sync.configure', { ...account, summitIds: [first.id] });
    await waitFor(() => expect(screen.getByRole('checkbox', { name: titled(first.title) })).toHaveProperty('checked', true));
    expect(screen.getByRole('checkbox', { name: titled(second.title) })).toHaveProperty('checked', true);

    fireEvent.click(screen.getByRole('button', { name: 'Save and sync' }));
    await waitFor(async () => {
      const shared = (await call('sync.status', {})).summits.filter((summit) => summit.shared).map((summit) => summit.summitId);
      expect(shared.sort()).toEqual([first.id, second.id].sort());
    });
  });
});

describe('a shared summit deleted', () => {
  it('is named as deleted, by which desk and when, not as not received yet', async () => {
    panel();
    const summit = (await call('summit.list', {}))[0];
    if (!summit) throw new Error('the sample has a summit');
    const shared = await call('sync.configure', {
      url: 'http://127.0.0.1:5984',
      username: 'lee',
      password: 'Desk-pass-2',
      summitIds: [summit.id],
    });
    const database = shared.summits[0]?.database ?? '';
    await call('summit.delete', { id: summit.id, takeAlong: true });
    // Deleted here: the officer is told what stays on this desk and what colleagues lose.
    const line = await screen.findByText(`“${summit.title}” (${database}) was deleted on this desk at `, { exact: false });
    expect(line.textContent).toMatch(
      /\. What you did not delete with it stays here, no longer linked to it; colleagues who shared it keep what they had of it the same way/,
    );
    expect(screen.queryByText('Not received yet', { exact: false })).toBeNull();
  });
});
