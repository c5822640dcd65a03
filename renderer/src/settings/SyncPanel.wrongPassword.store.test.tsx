// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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
