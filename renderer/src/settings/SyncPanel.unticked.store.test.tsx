// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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

// The officer taken off the Vilnius summit's database edited two of its
// meetings while the server refused it. Unticking the summit stops counting
// those edits as waiting; she was not told they never went.

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

async function panelWithRefusedEdits(language: 'en' | 'ko') {
  const status = (): SyncStatus => ({ state: 'error', waiting: 2, lastSyncedAt: '2026-07-10T08:00:00Z', lastError: null, notices: [] });
  const store = createStoreBridge({ sync: { status, restart: async () => {}, stop: async () => {}, now: async () => status() } });
  ensureDeskKeys(store.db, 'Bilateral desk');
  setBridge(store.bridge);
  const vilnius = (await call('summit.list', {}))[0];
  if (!vilnius) throw new Error('the sample has a summit');
  await call('sync.configure', { url: 'http://127.0.0.1:5984', username: 'lee', password: 'Desk-pass-2', summitIds: [vilnius.id] });
  // A round sent everything but Vilnius's database, which the server refused: it keeps its own mark (2960).
  const seq = store.db.prepare('SELECT max(seq) FROM sync_rev').pluck().get() as number;
  const summitDoc = store.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = ?`).pluck().get(String(vilnius.id));
  store.db.prepare('UPDATE sync_account SET pushed_through = ? WHERE id = 1').run(seq);
  store.db.prepare('INSERT INTO sync_database_behind (partition, pushed_through) VALUES (?, ?)').run(summitDoc, seq);
  store.db
    .prepare(`UPDATE meeting SET venue = 'LITEXPO, hall 3' WHERE id IN (SELECT id FROM meeting WHERE summit_id = ? ORDER BY id LIMIT 2)`)
    .run(vilnius.id);
  await call('settings.update', { language });
  await i18n.changeLanguage(language);
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <SyncPanel />
      </SettingsProvider>
    </StoreQueries>,
  );
  return { vilnius, store };
}

describe('unticking a summit with changes not sent yet', () => {
  it('says how many changes to it have not reached the server, and that they stay here and go if it is shared again', async () => {
    const { vilnius, store } = await panelWithRefusedEdits('en');
    const box = await screen.findByRole('checkbox', { name: new RegExp(vilnius.title) });
    expect(screen.queryByText(/not reached the server/)).toBeNull();
    fireEvent.click(box);
    const said = screen.getByText(/not reached the server/);
    expect(said.textContent).toBe(
      '2 changes to this summit have not reached the server. Unticked, they are no longer counted as waiting: they stay on this desk and go if you share the summit again.',
    );
    expect(box.getAttribute('aria-describedby')).toContain(said.id);
    // Nothing is saved by unticking: the summit is still shared until the form is saved.
    expect(store.db.prepare('SELECT count(*) FROM sync_shared_summit').pluck().get()).toBe(1);
    fireEvent.click(box);
    expect(screen.queryByText(/not reached the server/)).toBeNull();
  });

  it('says so in Korean', async () => {
    const { vilnius } = await panelWithRefusedEdits('ko');
    fireEvent.click(await screen.findByRole('checkbox', { name: new RegExp(vilnius.title) }));
    expect(screen.getByText(/아직 서버에 도달하지 않았습니다/).textContent).toBe(
      '이 정상회의의 변경 사항 2건이 아직 서버에 도달하지 않았습니다. 선택을 해제하면 대기 중인 변경 사항으로 세지 않지만, 이 데스크에 남아 있다가 정상회의를 다시 공유하면 전송됩니다.',
    );
  });
});
