// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
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

// The bilateral officer taken off the Vilnius summit's database midway. Her
// state line named the database alone ("sherpa-summit-4288…") and told her to
// ask for it to be created: not which summit, nor that its records were
// still on her desk and her edits to it waiting. Against the real store, the
// replicator stood in for by one answering as the real one did for her.

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

async function refusedPanel(language: 'en' | 'ko', alsoRefused?: string) {
  let refused: SyncStatus['lastError'] = null;
  const status = (): SyncStatus => ({
    state: refused ? 'error' : 'up-to-date',
    waiting: refused ? 1 : 0,
    lastSyncedAt: '2026-07-10T08:00:00Z',
    lastError: refused,
    notices: [],
  });
  const store = createStoreBridge({ sync: { status, restart: async () => {}, stop: async () => {}, now: async () => status() } });
  ensureDeskKeys(store.db, 'Bilateral desk');
  setBridge(store.bridge);
  const vilnius = (await call('summit.list', {}))[0];
  if (!vilnius) throw new Error('the sample has a summit');
  const other = alsoRefused
    ? await call('summit.create', {
        title: alsoRefused,
        startDate: '2027-09-20',
        endDate: '2027-09-21',
        timeZone: 'America/New_York',
        city: 'Washington',
        countryId: null,
        description: '',
        sourceId: null,
        classification: 'NATO RESTRICTED',
      })
    : undefined;
  const summitIds = [vilnius.id, ...(other ? [other.id] : [])];
  await call('sync.configure', { url: 'http://127.0.0.1:5984', username: 'lee', password: 'Desk-pass-2', summitIds });
  const { summits } = await call('sync.status', {});
  const database = summits.find((each) => each.summitId === vilnius.id)?.database ?? '';
  const otherDatabase = summits.find((each) => each.summitId === other?.id)?.database ?? '';
  refused = { kind: 'no-access', detail: [database, ...(other ? [otherDatabase] : [])].join(', '), at: '2026-07-10T09:12:00Z' };
  await call('settings.update', { language });
  await i18n.changeLanguage(language);
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <SyncPanel />
      </SettingsProvider>
    </StoreQueries>,
  );
  return { vilnius, database, otherDatabase };
}

describe('a shared summit whose database the server refuses', () => {
  it('is named by its marked title, and the state line says it stays on this desk and her changes to it wait', async () => {
    const { vilnius, database } = await refusedPanel('en');
    const line = await screen.findByText(/^1 change waiting to be sent\. Last error:/);
    expect(line.textContent).toContain(`into the database of (NU) ${vilnius.title} (“${database}”)`);
    expect(line.textContent).toContain('The summit stays on this desk, to read and edit; your changes to it wait here');
    expect(line.textContent).not.toContain('create it');
  });

  it('says so in Korean', async () => {
    const { vilnius, database } = await refusedPanel('ko');
    const line = await screen.findByText(/^보낼 변경 사항 1건이 대기 중입니다\. 마지막 오류:/);
    expect(line.textContent).toContain(`데이터베이스 접근을 허용하지 않습니다: (NU) ${vilnius.title} (“${database}”).`);
    expect(line.textContent).toContain('이 정상회의는 이 데스크에 남아 있어 읽고 편집할 수 있으며');
  });

  it('names every summit refused at once, each with its mark and database', async () => {
    const { vilnius, database, otherDatabase } = await refusedPanel('en', 'NATO Summit, Washington 2027');
    const line = await screen.findByText(/^1 change waiting to be sent\. Last error:/);
    expect(line.textContent).toContain(
      `into the databases of (NU) ${vilnius.title} (“${database}”); (NR) NATO Summit, Washington 2027 (“${otherDatabase}”):`,
    );
    expect(line.textContent).toContain('These summits stay on this desk');
  });
});
