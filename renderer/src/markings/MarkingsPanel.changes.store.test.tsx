// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { MarkingsPanel } from './MarkingsPanel.tsx';

// A desk's own scheme edited in Settings, against the real store: what a change does to records
// already marked is said before it is applied.

let store: StoreBridge;
beforeEach(async () => {
  store = createStoreBridge();
  setBridge(store.bridge);
  const levels = [
    ['NON PROTEGE', 'NP'],
    ['DIFFUSION RESTREINTE', 'DR'],
    ['CONFIDENTIEL', 'C'],
    ['SECRET', 'S'],
  ].map(([name = '', portion = '']) => ({ name, portion }));
  const saved = await store.bridge['settings.update']({ classificationScheme: { name: 'IGI 1300', levels } });
  if (!saved.ok) throw new Error(saved.error.message);
});
afterEach(cleanup);

const renderPanel = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <UndoProvider>
          <MarkingsPanel />
        </UndoProvider>
      </SettingsProvider>
    </StoreQueries>,
  );

describe('a custom scheme edited in Settings', () => {
  it('names a level renamed, whose records would need marking again, and a level moved below another', async () => {
    renderPanel();
    // The form opens on the stored scheme once Settings have read it.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Name of level 1' })).toHaveProperty('value', 'NON PROTEGE'));
    const first = screen.getByRole('textbox', { name: 'Name of level 1' });
    expect(screen.queryByText(/No longer a level/)).toBeNull();
    fireEvent.change(first, { target: { value: 'NON PROTÉGÉ' } });
    expect(
      screen.getByText(
        'No longer a level: “NON PROTEGE”. Records marked with it keep that name and must be marked again before a pack holding them is exported; a renamed level is a new level.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Move level 3 down' }));
    expect(
      screen.getByText('“SECRET” now ranks below “CONFIDENTIEL”: a page holding both would carry the banner “CONFIDENTIEL”.'),
    ).toBeTruthy();
  });
});
