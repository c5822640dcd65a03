// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDeskKeys } from '../../../main/sync/deskKeys.ts';
import type { SyncStatus } from '../../../shared/syncSettings.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { call, setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { SettingsProvider } from './SettingsContext.tsx';
import { SyncPanel } from './SyncPanel.tsx';

// Connect with a password the server turns down (its replicator stood in for by one whose server refuses every
// password): the panel says so under the password field, in the window's language, and stays "Not connected".

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const off: SyncStatus = { state: 'off', waiting: 0, lastSyncedAt: null, lastError: null, notices: [] };

async function connectRefused(language: 'en' | 'ko', labels: { url: string; user: string; password: string; connect: string }) {
  const store = createStoreBridge({
    sync: { status: () => off, restart: async () => {}, stop: async () => {}, now: async () => off, refusesPassword: async () => true },
  });
  setBridge(store.bridge);
  await call('settings.update', { language });
  await i18n.changeLanguage(language);
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <SyncPanel />
      </SettingsProvider>
    </StoreQueries>,
  );
  fireEvent.change(await screen.findByLabelText(labels.url), { target: { value: 'http://127.0.0.1:5984' } });
  fireEvent.change(screen.getByLabelText(labels.user), { target: { value: 'sina' } });
  fireEvent.change(screen.getByLabelText(labels.password), { target: { value: 'sina-pass' } });
  fireEvent.click(screen.getByRole('button', { name: labels.connect }));
  return store;
}

describe('Connect with a password the server refuses', () => {
  it('says so at the password field and saves nothing', async () => {
    await connectRefused('en', { url: 'Server address', user: 'User name', password: 'Password', connect: 'Connect' });
    expect(
      await screen.findByText(
        'Password: the server refused this user name or password. Check both (the administrator sets them) and connect again. Nothing was saved.',
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect((await call('sync.status', {})).account).toBeNull();
    expect(screen.getByText('Not connected to a server.')).toBeTruthy();
  });

  it('in Korean too', async () => {
    await connectRefused('ko', { url: '서버 주소', user: '사용자 이름', password: '비밀번호', connect: '연결' });
    expect(
      await screen.findByText(/^비밀번호: 서버가 이 사용자 이름 또는 비밀번호를 거부했습니다\..*아무것도 저장되지 않았습니다\.$/),
    ).toBeTruthy();
    expect((await call('sync.status', {})).account).toBeNull();
  });
});

describe('an address the server answers with an error for every database', () => {
  for (const [language, words, region] of [
    [
      'en',
      /Last error: the server answered with an error for its database “sherpa-reference” \(HTTP 404\), and no database was exchanged\. Check the server address, its port and path/,
      'Sync with the desk’s server',
    ],
    [
      'ko',
      /서버가 데이터베이스 “sherpa-reference” \(HTTP 404\)에 대해 오류로 응답했고, 어떤 데이터베이스도 교환되지 않았습니다\. 서버 주소와 포트, 경로/,
      '부서 서버와 동기화',
    ],
  ] as const)
    it(`says no database was exchanged and what to check (${language}), never that the others synced`, async () => {
      const failed: SyncStatus = {
        state: 'error',
        waiting: 27,
        lastSyncedAt: null,
        lastError: { kind: 'no-database-synced', detail: '“sherpa-reference” (HTTP 404)', at: '2026-12-05T04:13:10Z' },
        notices: [],
      };
      const store = createStoreBridge({
        sync: {
          status: () => failed,
          restart: async () => {},
          stop: async () => {},
          now: async () => failed,
          refusesPassword: async () => false,
        },
      });
      ensureDeskKeys(store.db, 'London desk');
      setBridge(store.bridge);
      await call('sync.configure', { url: 'http://127.0.0.1:5984/sherpa', username: 'ana', password: 'Ana-Pass-2026', summitIds: [] });
      await call('settings.update', { language });
      await i18n.changeLanguage(language);
      render(
        <StoreQueries client={createQueryClient()}>
          <SettingsProvider>
            <SyncPanel />
          </SettingsProvider>
        </StoreQueries>,
      );
      const line = await screen.findByRole('region', { name: region });
      await waitFor(() => expect(line.textContent).toMatch(words));
      expect(line.textContent).not.toMatch(/other databases synced|다른 데이터베이스는 동기화되었습니다/);
    });
});
