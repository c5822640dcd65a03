// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { addEdition } from '../../../testing/summitEditions.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { SearchPalette } from './SearchPalette.tsx';

// A desk titles its summit the same every year: searched by that title, each edition's hit and each choice of the
// summit filter says where and when, or the officer opens last year's summit for this year's.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  Element.prototype.scrollIntoView ??= () => {};
  for (const [city, day] of [
    ['Cuenca', '2024-11-14'],
    ['Madrid', '2026-11-13'],
  ] as const)
    addEdition(store.db, city, day);
});
afterEach(cleanup);

it('names each edition of a same-titled summit by city and year, in its hit and in the filter', async () => {
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <SearchPalette onClose={() => {}} />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
  expect(await screen.findByRole('option', { name: '(NU) Cumbre Iberoamericana · Madrid, 2026' })).toBeTruthy();
  expect(screen.getByRole('option', { name: '(NU) Cumbre Iberoamericana · Cuenca, 2024' })).toBeTruthy();
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'cumbre iberoamericana' } });
  const results = (await screen.findByRole('heading', { name: /^Results/ })).closest('section') as HTMLElement;
  await within(results).findAllByText(/· Madrid, 2026/);
  const hits = within(results)
    .getAllByRole('link')
    .filter((hit) => hit.querySelector('.badge')?.textContent === 'Summit');
  expect(hits.map((hit) => hit.textContent?.match(/· [^,]+, \d{4}/)?.[0]).sort()).toEqual(['· Cuenca, 2024', '· Madrid, 2026']);
});
