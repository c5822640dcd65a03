// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDeskKeys } from '../../../main/sync/deskKeys.ts';
import type { SyncRefill, SyncStatus } from '../../../shared/syncSettings.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { call, setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { SettingsProvider } from './SettingsContext.tsx';
import { SyncPanel } from './SyncPanel.tsx';

// The desk's server was restored from last night's copy. The expert's desk, which only ever received the Vilnius
// summit, sent back what the copy lacked, and every desk said "Up to date": the officer who manages the server never
// learnt it had lost records. Against the real store, the replicator stood in for by one answering as the real one did
// (main/sync/restoredServer.test.ts and wipedServer.test.ts assert it does).

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

async function refilledPanel(language: 'en' | 'ko') {
  let refilled: SyncRefill[] = [];
  const status = (): SyncStatus => ({
    state: 'up-to-date',
    waiting: 0,
    lastSyncedAt: '2026-07-10T09:12:00Z',
    lastError: null,
    notices: [],
    ...(refilled.length > 0 ? { refilled } : {}),
  });
  const store = createStoreBridge({ sync: { status, restart: async () => {}, stop: async () => {}, now: async () => status() } });
  ensureDeskKeys(store.db, 'Expert desk');
  setBridge(store.bridge);
  const vilnius = (await call('summit.list', {}))[0];
  if (!vilnius) throw new Error('the sample has a summit');
  await call('sync.configure', { url: 'http://127.0.0.1:5984', username: 'expert', password: 'Desk-pass-2', summitIds: [vilnius.id] });
  const { summits, account } = await call('sync.status', {});
  const database = summits.find((each) => each.summitId === vilnius.id)?.database ?? '';
  const reference = account?.referenceDatabase ?? '';
  refilled = [
    { database: reference, count: 1, at: '2026-07-10T09:12:00Z' },
    { database, count: 3, at: '2026-07-10T09:12:00Z' },
  ];
  await call('settings.update', { language, homeTimeZone: 'Europe/Brussels' });
  await i18n.changeLanguage(language);
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <SyncPanel />
      </SettingsProvider>
    </StoreQueries>,
  );
  const lines = async () => (await screen.findAllByRole('listitem')).map((item) => item.textContent);
  return { vilnius, database, reference, lines };
}

describe('a server found to have lost records this desk sent back', () => {
  it('tells the officer which summit and how many records, with the time', async () => {
    const { vilnius, database, reference, lines } = await refilledPanel('en');
    expect(await screen.findByRole('heading', { name: 'Records the server had lost' })).toBeTruthy();
    const said = await lines();
    expect(said).toContain(
      `The server had lost records of the reference records: people, countries, sources and sectors (“${reference}”): this desk sent back 1 record it held (at 10 Jul 2026, 11:12:00 CEST). Tell the server’s administrator; colleagues’ desks that sync now get it again.`,
    );
    expect(said).toContain(
      `The server had lost records of (NU) ${vilnius.title} (“${database}”): this desk sent back 3 records it held (at 10 Jul 2026, 11:12:00 CEST). Tell the server’s administrator; colleagues’ desks that sync now get them again.`,
    );
  });

  it('says so in Korean', async () => {
    const { vilnius, database, lines } = await refilledPanel('ko');
    expect(await screen.findByRole('heading', { name: '서버가 잃었던 기록' })).toBeTruthy();
    expect((await lines()).find((line) => line?.includes(database))).toMatch(
      new RegExp(
        `^서버가 \\(NU\\) ${vilnius.title.replace(/[.,]/g, '\\$&')} \\(“${database}”\\)의 기록을 잃었습니다\\. 이 데스크가 보유한 기록 3건을 다시 보냈습니다\\(2026\\. 7\\. 10\\. .*\\)\\. 서버 관리자에게 알리십시오\\.`,
      ),
    );
  });
});
