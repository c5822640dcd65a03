// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/syncSettings.ts';
import { i18n } from '../i18n/index.ts';
import { SyncStateLine } from './SyncPanel.tsx';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const line = (status: SyncStatus) => {
  render(<SyncStateLine status={status} />);
  return screen.getByRole('status').textContent ?? '';
};

describe('the sync state line', () => {
  it('says up to date, how many changes wait, syncing, and the last error with its time', () => {
    expect(line({ state: 'off', waiting: 0, lastSyncedAt: null, lastError: null })).toBe('Not connected to a server.');
    cleanup();
    expect(line({ state: 'up-to-date', waiting: 0, lastSyncedAt: '2026-12-01T10:00:00Z', lastError: null })).toMatch(
      /^Up to date\. Last synced .*2026/,
    );
    cleanup();
    expect(line({ state: 'waiting', waiting: 1, lastSyncedAt: null, lastError: null })).toBe('1 change waiting to be sent.');
    cleanup();
    expect(line({ state: 'syncing', waiting: 3, lastSyncedAt: null, lastError: null })).toBe('Syncing… 3 changes waiting to be sent.');
    cleanup();
    const offline = line({
      state: 'error',
      waiting: 2,
      lastSyncedAt: '2026-12-01T10:00:00Z',
      lastError: { kind: 'unreachable', detail: 'Server not reachable (ECONNREFUSED)', at: '2026-12-01T11:30:00Z' },
    });
    expect(offline).toMatch(/^2 changes waiting to be sent\. Last error: the server cannot be reached\..*\(.*2026.*\)\.$/);
    expect(offline).not.toMatch(/ECONNREFUSED/);
  });

  it('speaks Korean: the waiting count and the refusal in words', async () => {
    await i18n.changeLanguage('ko');
    expect(
      line({
        state: 'error',
        waiting: 1,
        lastSyncedAt: null,
        lastError: { kind: 'refused', detail: 'The server refused the user name or password', at: '2026-12-01T11:30:00Z' },
      }),
    ).toMatch(/^보낼 변경 사항 1건이 대기 중입니다\. 마지막 오류: 서버가 사용자 이름 또는 비밀번호를 거부했습니다/);
  });

  it('says what to do when the server refuses a password the administrator changed', () => {
    expect(
      line({
        state: 'error',
        waiting: 1,
        lastSyncedAt: '2026-12-01T10:00:00Z',
        lastError: { kind: 'refused', detail: 'The server refused the user name or password', at: '2026-12-01T11:30:00Z' },
      }),
    ).toMatch(/refused the user name or password\. If the administrator changed your password, type the new one below and save/);
  });
});
