// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/syncSettings.ts';
import { i18n } from '../i18n/index.ts';
import { DeletedSummits, SyncNotices, SyncStateLine } from './SyncPanel.tsx';

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
    expect(line({ state: 'off', waiting: 0, lastSyncedAt: null, lastError: null, notices: [] })).toBe('Not connected to a server.');
    cleanup();
    expect(line({ state: 'up-to-date', waiting: 0, lastSyncedAt: '2026-12-01T10:00:00Z', lastError: null, notices: [] })).toMatch(
      /^Up to date\. Last synced .*2026/,
    );
    cleanup();
    expect(line({ state: 'waiting', waiting: 1, lastSyncedAt: null, lastError: null, notices: [] })).toBe('1 change waiting to be sent.');
    cleanup();
    expect(line({ state: 'syncing', waiting: 3, lastSyncedAt: null, lastError: null, notices: [] })).toBe(
      'Syncing… 3 changes waiting to be sent.',
    );
    cleanup();
    const offline = line({
      state: 'error',
      waiting: 2,
      lastSyncedAt: '2026-12-01T10:00:00Z',
      lastError: { kind: 'unreachable', detail: 'Server not reachable (ECONNREFUSED)', at: '2026-12-01T11:30:00Z' },
      notices: [],
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
        notices: [],
      }),
    ).toMatch(/^보낼 변경 사항 1건이 대기 중입니다\. 마지막 오류: 서버가 사용자 이름 또는 비밀번호를 거부했습니다/);
  });

  it('says what was left out of an exchange, by database and reason, in the user’s language, and that the rest went on', async () => {
    const status: SyncStatus = {
      state: 'up-to-date',
      waiting: 0,
      lastSyncedAt: '2026-12-01T10:00:00Z',
      lastError: null,
      notices: [
        { database: 'sherpa-summit-5b8f', direction: 'received', reason: 'too-many-branches', count: 1, at: '2026-12-01T10:00:00Z' },
        { database: 'sherpa-summit-5b8f', direction: 'sent', reason: 'too-large', count: 2, at: '2026-12-01T10:00:00Z' },
      ],
    };
    render(<SyncNotices status={status} />);
    const english = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(english[0]).toMatch(
      /^sherpa-summit-5b8f: 1 record received was left out, the last at .*2026.*: more than 100 branches.*The rest was merged\.$/,
    );
    expect(english[1]).toMatch(
      /^sherpa-summit-5b8f: the server did not take 2 records, .*larger than the server accepts\. The rest was sent\.$/,
    );
    cleanup();
    await i18n.changeLanguage('ko');
    render(<SyncNotices status={status} />);
    expect(screen.getByRole('heading').textContent).toBe('반영하지 않은 기록');
    expect(screen.getAllByRole('listitem')[1]?.textContent).toMatch(/서버가 기록 2건을 받지 않았습니다.*서버가 받는 크기보다 큽니다/);
  });

  it('says what to do when the server refuses a password the administrator changed', () => {
    expect(
      line({
        state: 'error',
        waiting: 1,
        lastSyncedAt: '2026-12-01T10:00:00Z',
        lastError: { kind: 'refused', detail: 'The server refused the user name or password', at: '2026-12-01T11:30:00Z' },
        notices: [],
      }),
    ).toMatch(/refused the user name or password\. If the administrator changed your password, type the new one below and save/);
  });
  it('says the server sent the desk elsewhere, where, and that the password was not sent there, in either language', async () => {
    const redirected: SyncStatus = {
      state: 'error',
      waiting: 1,
      lastSyncedAt: null,
      lastError: { kind: 'redirected', detail: 'https://elsewhere.example:6984', at: '2026-12-01T11:30:00Z' },
      notices: [],
    };
    expect(line(redirected)).toMatch(
      /Last error: the server sent this desk on to another address \(https:\/\/elsewhere\.example:6984\), which Sherpa does not follow: your password goes only to the address typed here/,
    );
    cleanup();
    await i18n.changeLanguage('ko');
    expect(line(redirected)).toMatch(
      /서버가 이 데스크를 다른 주소\(https:\/\/elsewhere\.example:6984\)로 보냈으나 Sherpa는 따라가지 않습니다/,
    );
  });
});

describe('a shared summit deleted', () => {
  // Its record's row is gone: the line showed no mark, as if the summit had never been classified.
  it('shows the marking its deleted text had, or says plainly the marking is unknown, never nothing', async () => {
    const deletedBy = { desk: 'Sherpa office', fingerprint: 'AB12 CD34 EF56 0718 293A', at: '2026-12-01T10:00:00Z' };
    const deleted = [
      { database: 'sherpa-summit-5b8f', title: 'Funafuti leaders', classification: 'NATO RESTRICTED', deletedBy, byThisDesk: false },
      { database: 'sherpa-summit-77aa', title: null, classification: null, deletedBy, byThisDesk: false },
    ];
    const { container } = render(<DeletedSummits deleted={deleted} />);
    const lines = [...container.querySelectorAll('.sync-deleted')].map((each) => each.textContent ?? '');
    expect(lines[0]).toMatch(/^\(NATO RESTRICTED\) “Funafuti leaders” \(sherpa-summit-5b8f\) was deleted on Sherpa office/);
    expect(lines[1]).toMatch(/^\(MARKING UNKNOWN\) A summit \(sherpa-summit-77aa\) was deleted/);
    cleanup();
    await i18n.changeLanguage('ko');
    const korean = render(<DeletedSummits deleted={deleted} />);
    expect(korean.container.querySelectorAll('.sync-deleted')[1]?.textContent).toMatch(/^\(등급 미상\) 정상회의/);
  });
});
