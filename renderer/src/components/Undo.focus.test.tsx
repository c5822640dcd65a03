// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n/index.ts';
import { type Offer, UndoProvider, useToast } from './Undo.tsx';

// Tallinn's desk officer works with the keyboard alone: after a deletion they Tab to the status line's Undo, or
// to its × to put it away. The line changed under the caret (Undo's answer replaced the button, × removed the line)
// and the caret fell to <body>, a page of Tabs from anything. It goes to the view instead.

afterEach(cleanup);

function Deleting({ offer }: { offer: Offer }) {
  const toast = useToast();
  return (
    <main id="main-content" tabIndex={-1}>
      <button type="button" onClick={() => toast(offer)}>
        Delete note
      </button>
    </main>
  );
}

/** A key pressed on the focused button: the caret on it, then its click. */
async function pressFocused(button: HTMLElement): Promise<void> {
  act(() => button.focus());
  await act(async () => {
    fireEvent.click(button);
  });
}

describe('the status line handled from the keyboard', () => {
  it('Undo, then ×, leave the caret in the view, never on <body>', async () => {
    let undone = false;
    render(
      <UndoProvider>
        <Deleting
          offer={{
            message: () => 'Moved to the trash: Oslo kõne',
            undo: async () => {
              undone = true;
              return () => 'Restored: Oslo kõne';
            },
          }}
        />
      </UndoProvider>,
    );
    await pressFocused(screen.getByRole('button', { name: 'Delete note' }));
    await pressFocused(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored: Oslo kõne');
    expect(undone).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('main'));

    await pressFocused(screen.getByRole('button', { name: 'Delete note' }));
    await pressFocused(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByText(/Moved to the trash/)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('leaves alone a caret the desk took elsewhere', async () => {
    render(
      <UndoProvider>
        <Deleting offer={{ message: () => 'Markings saved.' }} />
      </UndoProvider>,
    );
    const deleting = screen.getByRole('button', { name: 'Delete note' });
    await pressFocused(deleting);
    act(() => screen.getByRole('button', { name: 'Close' }).focus());
    act(() => deleting.focus());
    await pressFocused(deleting);
    expect(document.activeElement).toBe(deleting);
  });
});
