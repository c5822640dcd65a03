// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WritesRefused } from '../../../main/ipc/dispatch.ts';
import { refusalsEn } from '../../../shared/refusalTexts.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { DeleteButton } from './DeleteButton.tsx';
import { UndoProvider } from './Undo.tsx';

// A desk deleting a record while Sherpa checks its data file after a crash was told "The data folder cannot be
// written to": the store refuses every write then, and the toast guessed its reason from the code alone. It now says
// the store's reason (editing returns in a moment), in the interface language, and the record is still there.

let store: StoreBridge;
let refused: WritesRefused | undefined;
beforeEach(async () => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
  refused = undefined;
  store = createStoreBridge({ writesRefused: () => refused });
  setBridge(store.bridge);
});
afterEach(async () => {
  cleanup();
  store.db.close();
  await i18n.changeLanguage('en');
});

describe.each([
  ['en', 'checking its data file', 'Delete'],
  ['ko', '데이터 파일을 점검하고 있습니다', '삭제'],
] as const)('a deletion while the store is checked after a crash, in %s', (language, checking, deleteWord) => {
  it('says the store is being checked, never that the folder cannot be written, and deletes nothing', async () => {
    await i18n.changeLanguage(language);
    const id = Number(
      store.db
        .prepare("INSERT INTO person (name, classification) VALUES ('Élise D’Amours', 'NATO UNCLASSIFIED') RETURNING id")
        .pluck()
        .get(),
    );
    refused = { message: refusalsEn.reasons.store_being_checked, reason: 'store_being_checked' };
    render(
      <UndoProvider>
        <DeleteButton entity="person" id={id} name="Élise D’Amours" label="Delete person" />
      </UndoProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete person' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(
      within(dialog)
        .getAllByRole('button', { name: new RegExp(deleteWord) })
        .at(-1) as HTMLElement,
    );
    const status = screen.getByRole('status');
    await within(status).findByText(new RegExp(checking));
    expect(status.textContent).not.toMatch(/cannot be written|쓸 수 없습니다/);
    expect(store.db.prepare('SELECT count(*) FROM person WHERE id = ?').pluck().get(id)).toBe(1);
  });
});
