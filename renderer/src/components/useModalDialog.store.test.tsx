// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { NewRecordButton } from '../records/NewRecordButton.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { DeleteButton } from './DeleteButton.tsx';

// A desk officer on the keyboard alone (Tallinn's, with a wrist injury) opened a dialog and closed it: Escape,
// Cancel or Create left the caret on <body>, a page of Tabs away from where they were. It goes back to the button.

beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  setBridge(createStoreBridge().bridge);
});
afterEach(cleanup);

/** Presses `button` from the keyboard as a browser does: the caret on it, then its click. */
function press(button: HTMLElement): void {
  act(() => button.focus());
  fireEvent.click(button);
}

const pressEscape = (dialog: HTMLElement) => fireEvent(dialog, new Event('cancel', { cancelable: true }));

describe('a dialog closed by the keyboard gives the caret back to the button that opened it', () => {
  it('the delete dialog, given up with Escape or Cancel', async () => {
    render(<DeleteButton entity="source" id={1} name="South Korea" label="Delete source" />);
    const opener = screen.getByRole('button', { name: 'Delete source' });
    press(opener);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    pressEscape(screen.getByRole('alertdialog'));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
    press(opener);
    press(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('“New person…”, given up with Escape or left by Create', async () => {
    let chosen: number | undefined;
    render(
      <SettingsProvider>
        <NewRecordButton entity="person" fieldLabel="Counterpart" onCreated={(id) => (chosen = id)} />
      </SettingsProvider>,
    );
    const opener = screen.getByRole('button', { name: 'New person for “Counterpart”' });
    press(opener);
    const dialog = await screen.findByRole('dialog');
    pressEscape(dialog);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);

    press(opener);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Name' }), { target: { value: 'Evika Siliņa' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Classification' }), { target: { value: 'NATO UNCLASSIFIED' } });
    press(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(chosen).toBeDefined());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });
});

describe('Tab and Shift+Tab stay inside an open dialog, whatever in it is disabled', () => {
  // Tallinn's desk pressed Tab at once in the delete dialog: Delete, disabled until the references are counted,
  // was skipped and the caret left the dialog for the window's edge. The dialog's own keys go round its controls.
  const tab = (shift = false) => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Tab', shiftKey: shift });

  it('with Delete still disabled, Tab from Cancel comes back to Cancel, and Shift+Tab goes round to the last control', () => {
    render(
      <>
        <button type="button">Outside</button>
        <ConfirmDialog
          title="Delete meeting?"
          body="Call with Oslo (Støre)"
          confirmLabel="Delete"
          confirmDisabled
          alternative={{ label: 'Delete only the meeting', onClick: () => {} }}
          onConfirm={() => {}}
          onCancel={() => {}}
        />
      </>,
    );
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const alternative = screen.getByRole('button', { name: 'Delete only the meeting' });
    expect(document.activeElement).toBe(cancel);
    // The browser would move the caret on to what follows: the dialog takes the key and places it itself.
    expect(tab(true)).toBe(false);
    expect(document.activeElement).toBe(alternative);
    expect(tab()).toBe(false);
    expect(document.activeElement).toBe(cancel);
    // Between two controls inside, Tab is the browser's own.
    expect(tab()).toBe(true);
  });
});
