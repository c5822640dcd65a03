// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { presetSchemes } from '../../../shared/markings.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { MarkingsPanel } from './MarkingsPanel.tsx';

// Estonia's desk types its scheme with the keyboard alone. Moving a level left the caret at the row's place, so
// pressing "down" again moved the level back up; removing a level, or applying the scheme, left it on <body>.

const estonia = [
  ['AVALIK', 'A'],
  ['ASUTUSESISESEKS KASUTAMISEKS', 'AK'],
  ['KONFIDENTSIAALNE', 'K'],
  ['SALAJANE', 'S'],
  ['TÄIESTI SALAJANE', 'TS'],
].map(([name = '', portion = '']) => ({ name, portion }));

beforeEach(async () => {
  const store = createStoreBridge();
  setBridge(store.bridge);
  const saved = await store.bridge['settings.update']({
    classificationScheme: { name: 'Eesti', levels: estonia },
    droppedLevelsConfirmed: presetSchemes.nato.levels.map((level) => level.name),
  });
  if (!saved.ok) throw new Error(saved.error.message);
});
afterEach(cleanup);

const renderPanel = async () => {
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <UndoProvider>
          <MarkingsPanel />
        </UndoProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Name of level 1' })).toHaveProperty('value', 'AVALIK'));
};

/** Enter on a focused button, as the browser turns it into a click; the caret must already be on it. */
const pressFocused = () => fireEvent.click(document.activeElement as HTMLElement);
const levelNames = () => screen.getAllByRole('textbox', { name: /^Name of level/ }).map((input) => (input as HTMLInputElement).value);
const focusedName = () => (document.activeElement as HTMLElement).getAttribute('aria-label');

describe('a scheme’s levels moved, removed and applied from the keyboard', () => {
  it('the caret goes with a level moved, and to the row that takes a removed level’s place', async () => {
    await renderPanel();
    act(() => screen.getByRole('button', { name: 'Move level 1 down' }).focus());
    pressFocused();
    pressFocused();
    expect(levelNames()).toEqual(['ASUTUSESISESEKS KASUTAMISEKS', 'KONFIDENTSIAALNE', 'AVALIK', 'SALAJANE', 'TÄIESTI SALAJANE']);
    expect(focusedName()).toBe('Move level 3 down');
    pressFocused();
    pressFocused();
    // At the foot the level can only go up again: the caret is on the arrow that still works.
    expect(focusedName()).toBe('Move level 5 up');

    act(() => screen.getByRole('button', { name: 'Remove level 2' }).focus());
    pressFocused();
    expect(levelNames()).toEqual(['ASUTUSESISESEKS KASUTAMISEKS', 'SALAJANE', 'TÄIESTI SALAJANE', 'AVALIK']);
    expect(focusedName()).toBe('Name of level 2');
    act(() => screen.getByRole('button', { name: 'Remove level 4' }).focus());
    pressFocused();
    expect(focusedName()).toBe('Name of level 3');

    act(() => screen.getByRole('button', { name: 'Add a level' }).focus());
    pressFocused();
    expect(focusedName()).toBe('Name of level 4');
  });

  it('Apply keeps the caret on Apply once the saved scheme comes back', async () => {
    await renderPanel();
    fireEvent.change(screen.getByRole('textbox', { name: 'Scheme name' }), { target: { value: 'Eesti (ISKE)' } });
    const apply = screen.getByRole('button', { name: 'Apply markings' });
    act(() => apply.focus());
    fireEvent.submit(apply);
    await screen.findByText('Markings saved.');
    // The form is drawn again from what was saved: a new Apply button, with the caret on it.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Apply markings' })).not.toBe(apply));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Apply markings' }));
  });
});
