// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type Result, type Settings, type SherpaApi } from '../../../shared/contract.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { SettingsProvider } from './SettingsContext.tsx';
import { SyncStateLine } from './SyncPanel.tsx';

// The Lisbon desk's line said "Last synced 2 Dec 2026, 07:43:56" with no zone,
// where every other time in Sherpa names its zone: across the October DST
// change, an officer comparing it with a colleague's in Vientiane could not
// tell which hour was meant.
beforeEach(() => {
  const answer = (channel: string): Promise<Result<unknown>> => {
    if (channel === 'settings.get') {
      const settings: Settings = {
        homeTimeZone: 'Europe/Lisbon',
        theme: 'light',
        language: 'en',
        classificationScheme: presetSchemes.nato,
        defaultMarking: '',
        backupsToKeep: 10,
        autoLockMinutes: 15,
      };
      return Promise.resolve({ ok: true, value: settings });
    }
    return Promise.resolve({ ok: true, value: [] });
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, () => answer(channel)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

describe('the sync state line’s times', () => {
  it('name the home zone, summer and winter time alike', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <SyncStateLine
            status={{
              state: 'error',
              waiting: 1,
              lastSyncedAt: '2026-10-24T09:00:00Z',
              lastError: { kind: 'unreachable', detail: '', at: '2026-10-26T09:00:00Z' },
              notices: [],
            }}
          />
          <SyncStateLine status={{ state: 'up-to-date', waiting: 0, lastSyncedAt: '2026-10-24T09:00:00Z', lastError: null, notices: [] }} />
        </SettingsProvider>
      </StoreQueries>,
    );
    const [afterChange, beforeChange] = await screen.findAllByRole('status');
    await screen.findByText(/WEST/);
    expect(afterChange?.textContent).toMatch(/09:00:00 WET\)\.$/);
    expect(beforeChange?.textContent).toMatch(/10:00:00 WEST\.$/);
  });
});
