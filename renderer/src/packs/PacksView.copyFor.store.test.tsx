// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { PacksView } from './PacksView.tsx';

// A desk fills the builder from top to bottom: the pack's name, its sections, the copy's recipient, then Save
// pack and Export. Saving a new pack hands the builder over to the saved pack's, which started with the
// recipient empty: the export that followed went out with no copy stamp and no entry in the register.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('the copy’s recipient typed in a new pack’s builder', () => {
  it('is still there once the pack is saved, ready for the export', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <PacksView />
      </StoreQueries>,
    );
    fireEvent.change(screen.getByLabelText('Pack name'), { target: { value: 'EPC Bulboaca pack' } });
    fireEvent.change(screen.getByLabelText('Title on the cover'), { target: { value: 'EPC summit, Bulboaca' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Add: Sources' }));
    fireEvent.change(screen.getByLabelText('Stamp a copy for (optional)'), { target: { value: 'Ștefan Țurcanu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save pack' }));
    await screen.findByRole('button', { name: 'EPC Bulboaca pack' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save pack' }).hasAttribute('disabled')).toBe(true));
    expect((screen.getByLabelText('Stamp a copy for (optional)') as HTMLInputElement).value).toBe('Ștefan Țurcanu');
    // Another pack chosen, or a new one begun, starts with no recipient: the stamp was typed for this one.
    fireEvent.click(screen.getByRole('button', { name: 'New pack' }));
    await waitFor(() => expect((screen.getByLabelText('Stamp a copy for (optional)') as HTMLInputElement).value).toBe(''));
  });
});
