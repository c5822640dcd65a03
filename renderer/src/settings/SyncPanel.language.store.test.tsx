// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDeskKeys } from '../../../main/sync/deskKeys.ts';
import type { SyncStatus } from '../../../shared/syncSettings.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { call, setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { SettingsProvider } from './SettingsContext.tsx';
import { SyncPanel } from './SyncPanel.tsx';

// Connect saved, but the server could not be reached: the status line said "Saved, but nothing was exchanged: the
// server cannot be reached…". Switched to Korean, the sentence turned Korean and its reason stayed English.

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const unreachable: SyncStatus = {
  state: 'error',
  waiting: 3,
  lastSyncedAt: null,
  lastError: { kind: 'unreachable', detail: 'Server not reachable (ECONNREFUSED)', at: '2026-12-05T04:13:10Z' },
  notices: [],
};

describe('the status line after Connect saves but cannot exchange', () => {
  it('gives its reason in the language the interface is in now', async () => {
    const store = createStoreBridge({
      sync: {
        status: () => unreachable,
        restart: async () => {},
        stop: async () => {},
        now: async () => unreachable,
        refusesPassword: async () => false,
      },
    });
    ensureDeskKeys(store.db, 'Ottawa desk');
    setBridge(store.bridge);
    render(
      <UndoProvider>
        <StoreQueries client={createQueryClient()}>
          <SettingsProvider>
            <SyncPanel />
          </SettingsProvider>
        </StoreQueries>
      </UndoProvider>,
    );
    fireEvent.change(await screen.findByLabelText('Server address'), { target: { value: 'http://127.0.0.1:5984' } });
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'elise' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Elise-Pass-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    const toast = () => document.querySelector('.toast-region')?.textContent ?? '';
    await waitFor(() => expect(toast()).toContain('Saved, but nothing was exchanged: the server cannot be reached.'));

    await act(async () => {
      await call('settings.update', { language: 'ko' });
      await i18n.changeLanguage('ko');
    });
    expect(toast()).toContain('저장했지만 아무것도 주고받지 못했습니다: 서버에 연결할 수 없습니다.');
    expect(toast()).not.toContain('cannot be reached');
    store.db.close();
  });
});
