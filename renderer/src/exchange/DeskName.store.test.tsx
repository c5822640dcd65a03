// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ExchangeView } from './ExchangeView.tsx';

// The desk's name is printed on its card and every bundle it signs. The field
// once stopped at 200 characters: a pasted name lost its end without a word,
// and the card went out under the cut name.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a desk name pasted too long', () => {
  it('is kept whole in the field and refused with its length and the limit; the card keeps its name', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <ExchangeView />
        </SettingsProvider>
      </StoreQueries>,
    );
    const field = (await screen.findByLabelText(/Desk name/)) as HTMLInputElement;
    const before = field.value;
    expect(field.maxLength).toBe(-1);
    const pasted = `Ministry of Foreign Affairs of the Hellenic Republic, EU–CELAC desk, ${'Directorate for Latin America and the Caribbean, '.repeat(4)}`;
    fireEvent.change(field, { target: { value: pasted } });
    expect(field.value).toBe(pasted);
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const alert = await screen.findByText(/at most 200/);
    expect(alert.textContent).toContain(String(pasted.trim().length));
    expect((await store.bridge['desk.card']({})) as unknown).toMatchObject({ ok: true, value: { card: { deskName: before } } });
  });
});
