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

async function connectRefused(
  language: 'en' | 'ko',
  labels: { url: string; user: string; password: string; connect: string },
  answer: Promise<boolean> = Promise.resolve(true),
) {
  const store = createStoreBridge({
    sync: { status: () => off, restart: async () => {}, stop: async () => {}, now: async () => off, refusesPassword: () => answer },
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
    let answer: (refused: boolean) => void = () => undefined;
    const asked = new Promise<boolean>((resolve) => {
      answer = resolve;
    });
    await connectRefused('en', { url: 'Server address', user: 'User name', password: 'Password', connect: 'Connect' }, asked);
    // While the server is asked (up to 15 s when it is silent), the panel says so beside the disabled button.
    expect(await screen.findByText('Asking the server whether it takes this user name and password…')).toBeTruthy();
    answer(true);
    expect(
      await screen.findByText(
        'Password: the server refused this user name or password. Check both (the administrator sets them) and connect again. Nothing was saved.',
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect((await call('sync.status', {})).account).toBeNull();
    expect(screen.getByText('Not connected to a server.')).toBeTruthy();
    expect(screen.queryByText('Asking the server whether it takes this user name and password…')).toBeNull();
  });

  it('in Korean too', async () => {
    await connectRefused('ko', { url: '서버 주소', user: '사용자 이름', password: '비밀번호', connect: '연결' });
    expect(
      await screen.findByText(/^비밀번호: 서버가 이 사용자 이름 또는 비밀번호를 거부했습니다\..*아무것도 저장되지 않았습니다\.$/),
    ).toBeTruthy();
    expect((await call('sync.status', {})).account).toBeNull();
  });
});

describe('a mistyped address, said in the state line with what to check (EN and KO)', () => {
  const cases = [
    {
      kind: 'no-database-synced',
      detail: '“sherpa-reference” (HTTP 404)',
      en: /Last error: the server answered with an error for its database “sherpa-reference” \(HTTP 404\), and no database was exchanged\. Check the server address, its port and path/,
      ko: /서버가 데이터베이스 “sherpa-reference” \(HTTP 404\)에 대해 오류로 응답했고, 어떤 데이터베이스도 교환되지 않았습니다\. 서버 주소와 포트, 경로/,
      // Before: "the other databases synced" when none had.
      never: /other databases synced|다른 데이터베이스는 동기화되었습니다/,
    },
    {
      kind: 'name-not-found',
      detail: 'couch.desk.invalid',
      en: /Last error: no server named “couch\.desk\.invalid” could be found\. Check the address for a typo/,
      ko: /“couch\.desk\.invalid”라는 서버를 찾을 수 없습니다\. 주소에 오타가 없는지/,
      // Before: "cannot be reached… sent when it is back", as if waiting would mend a typo.
      never: /sent when it is back|서버가 돌아오면 전송됩니다/,
    },
    {
      kind: 'no-tls-answer',
      detail: 'ERR_SSL_WRONG_VERSION_NUMBER',
      en: /Last error: the server at this address does not answer over https\. Check the address’s port/,
      ko: /이 주소의 서버가 https로 응답하지 않습니다\./,
      never: /sent when it is back|서버가 돌아오면 전송됩니다/,
    },
  ] as const;
  for (const { kind, detail, en, ko, never } of cases)
    for (const [language, words, region] of [
      ['en', en, 'Sync with the desk’s server'],
      ['ko', ko, '부서 서버와 동기화'],
    ] as const)
      it(`${kind} (${language})`, async () => {
        const failed: SyncStatus = {
          state: 'error',
          waiting: 27,
          lastSyncedAt: null,
          lastError: { kind, detail, at: '2026-12-05T04:13:10Z' },
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
        const panel = await screen.findByRole('region', { name: region });
        await waitFor(() => expect(panel.textContent).toMatch(words));
        expect(panel.textContent).not.toMatch(never);
      });
});
