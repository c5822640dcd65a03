// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { DeleteButton } from './DeleteButton.tsx';
import { UndoProvider } from './Undo.tsx';

// The status line at the window's foot says what just happened. Its sentence was written once, in the language of
// the moment: a person deleted in English, then the interface switched to Korean (in Settings here or in another
// window), left “Deleted: Élise D’Amours” beside a Korean Undo button, and Undo answered in English too.

let store: StoreBridge;
beforeEach(async () => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
  store = createStoreBridge();
  setBridge(store.bridge);
  await i18n.changeLanguage('en');
});
afterEach(async () => {
  cleanup();
  store.db.close();
  await i18n.changeLanguage('en');
});

describe('the status line after a deletion', () => {
  it('says it in the language the interface is in now, and so does Undo', async () => {
    const id = Number(
      store.db
        .prepare("INSERT INTO person (name, classification) VALUES ('Élise D’Amours', 'NATO UNCLASSIFIED') RETURNING id")
        .pluck()
        .get(),
    );
    render(
      <UndoProvider>
        <DeleteButton entity="person" id={id} name="Élise D’Amours" label="Delete person" />
      </UndoProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete person' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(
      within(dialog)
        .getAllByRole('button', { name: /Delete/ })
        .at(-1) as HTMLElement,
    );
    const status = screen.getByRole('status');
    await within(status).findByText('Deleted: Élise D’Amours');

    await act(() => i18n.changeLanguage('ko'));
    expect(within(status).getByRole('button', { name: '실행 취소' })).toBeTruthy();
    expect(status.textContent).toContain('삭제됨: Élise D’Amours');
    expect(status.textContent).not.toContain('Deleted');

    fireEvent.click(within(status).getByRole('button', { name: '실행 취소' }));
    await within(status).findByText('복원됨: Élise D’Amours');
    await act(() => i18n.changeLanguage('en'));
    expect(status.textContent).toContain('Restored: Élise D’Amours');
  });
});
