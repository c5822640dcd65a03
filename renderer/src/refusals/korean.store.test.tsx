// @vitest-environment jsdom
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import type { Note } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { BridgeError, setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import { i18n } from '../i18n/index.ts';
import { AnnotationPanel } from '../notes/AnnotationPanel.tsx';
import { statusText } from '../notes/StatusLine.tsx';
import { createQueryClient } from '../queryScope.ts';
import { BackupsPanel } from '../settings/BackupsPanel.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { SettingsView } from '../views/SettingsView.tsx';

// Sherpa in Korean against the real store (no fake): what the store refuses
// reaches the user as a Korean sentence naming the field, never the store's
// English, and the store is left as it was.

let store: StoreBridge;
let backupFolder: string;
beforeEach(async () => {
  // jsdom has no modal dialogs: the confirmation opens as a plain one.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  backupFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-refusals-'));
  store = createStoreBridge({ backups: { folder: backupFolder } });
  setBridge(store.bridge);
  const korean = await store.bridge['settings.update']({ language: 'ko' });
  expect(korean.ok).toBe(true);
});
afterEach(() => {
  cleanup();
  store.db.close();
  fs.rmSync(backupFolder, { recursive: true, force: true });
});

/** The app's frame: the settings (so the language) read from the store, and the toasts. */
async function renderInKorean(view: ReactNode) {
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <UndoProvider>{view}</UndoProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
  await waitFor(() => expect(document.documentElement.lang).toBe('ko'));
}

/** No sentence of the store's English, nor a message key, on screen. */
const noStoreEnglish = (text: string) => expect(text).not.toMatch(/must|refusals\.|records\.|Nothing was|\bno such\b|damaged/);

describe('Sherpa in Korean says what the store refused, in Korean', () => {
  it('a note whose title hides a direction override: the status line names the title field', async () => {
    const before = storeSnapshot(store.db);
    const refused = await store.bridge['note.create']({ title: 'Line to take \u202Eevil', body: '', tags: [], classification: '' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    const text = statusText({ state: 'failed', error: new BridgeError(refused.error) }, i18n.getFixedT('ko'), (field) =>
      field === 'title' ? '제목' : undefined,
    );
    expect(text).toBe(
      '저장되지 않음: “제목”: 글의 순서를 바꾸거나 숨기는 보이지 않는 문자(방향 재정의·격리 문자 또는 폭 없는 공백)가 있습니다. 지우고 다시 입력하십시오. 아무것도 저장되지 않았습니다.',
    );
    expect(storeSnapshot(store.db)).toEqual(before);
  });

  it('an annotation added to a meeting deleted in another window: said in Korean, nothing made', async () => {
    const meetingId = 1;
    await renderInKorean(<AnnotationPanel meetingId={meetingId} annotations={[] as Note[]} />);
    expect((await store.bridge['meeting.delete']({ id: meetingId, takeAlong: true })).ok).toBe(true);
    const before = storeSnapshot(store.db);
    fireEvent.click(screen.getByRole('button', { name: '주석 추가' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      '“회담”: 이것이 가리키는 기록이 더 이상 없습니다(다른 창에서 삭제되었을 수 있습니다). 아무것도 저장되지 않았습니다.',
    );
    noStoreEnglish(alert.textContent ?? '');
    expect(storeSnapshot(store.db)).toEqual(before);
  });

  it('a setting the store cannot write (the store opened read-only): a Korean toast, the settings unchanged', async () => {
    await renderInKorean(<SettingsView />);
    const before = await store.bridge['settings.get']({});
    store.db.pragma('query_only = ON');
    fireEvent.change(screen.getByLabelText('테마'), { target: { value: 'dark' } });
    const toast = await within(document.querySelector('.toast-region') as HTMLElement).findByText(/쓸 수 없습니다/);
    noStoreEnglish(toast.textContent ?? '');
    store.db.pragma('query_only = OFF');
    expect(await store.bridge['settings.get']({})).toEqual(before);
  });

  it('restoring a damaged backup file: refused in Korean, naming the backup, the store unchanged', async () => {
    const name = 'sherpa-20230710T080000Z-manual.sqlite';
    // Not a database at all: what a cut-short copy or a stray file under a backup's name looks like.
    fs.writeFileSync(path.join(backupFolder, name), 'SQLite format 3\u0000 cut short');
    await renderInKorean(<BackupsPanel />);
    const before = storeSnapshot(store.db);
    fireEvent.click(await screen.findByRole('button', { name: /백업 복원$/ }));
    const confirm = await waitFor(() => document.querySelector('dialog') as HTMLElement);
    fireEvent.click(within(confirm).getByRole('button', { name: '복원', hidden: true }));
    const toast = await within(document.querySelector('.toast-region') as HTMLElement).findByText(new RegExp(`백업 ${name}`));
    expect(toast.textContent).toBe(`백업 ${name}이(가) 손상되었거나 읽을 수 없습니다. 다른 백업을 고르십시오. 아무것도 바뀌지 않았습니다.`);
    expect(storeSnapshot(store.db)).toEqual(before);
  });
});
