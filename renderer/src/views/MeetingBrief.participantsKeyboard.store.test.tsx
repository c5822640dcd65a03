// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { MeetingBriefView } from './MeetingBrief.tsx';

// Tallinn's desk officer, on the keyboard alone, pressed "Edit participants": the button went away under the caret
// and left it on <body>; "Add participant" kept it on the button, a row's × and Save or Cancel dropped it again.

beforeEach(() => setBridge(createStoreBridge().bridge));
afterEach(cleanup);

/** A key pressed on the focused button: the caret on it, then its click. */
const press = (button: HTMLElement) => {
  act(() => button.focus());
  fireEvent.click(button);
};
const focusedName = () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent;

describe('the participants of a meeting edited from the keyboard', () => {
  it('keeps the caret in the editor while rows come and go, and gives it back to “Edit participants”', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <UndoProvider>
            <MeetingBriefView id={1} />
          </UndoProvider>
        </SettingsProvider>
      </StoreQueries>,
    );
    press(await screen.findByRole('button', { name: 'Edit participants' }));
    const rows = screen.getAllByRole('combobox', { name: /^Person, row/ }).length;
    expect(rows).toBeGreaterThan(1);
    expect(focusedName()).toBe('Person, row 1');
    press(screen.getByRole('button', { name: 'Add participant' }));
    expect(focusedName()).toBe(`Person, row ${rows + 1}`);
    press(screen.getByRole('button', { name: 'Remove row 1' }));
    expect(focusedName()).toBe('Person, row 1');
    press(screen.getByRole('button', { name: `Remove row ${rows}` }));
    expect(focusedName()).toBe(`Person, row ${rows - 1}`);
    press(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit participants' })));

    press(screen.getByRole('button', { name: 'Edit participants' }));
    fireEvent.submit(screen.getByRole('form', { name: 'Edit participants' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit participants' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit participants' }));
  });
});
