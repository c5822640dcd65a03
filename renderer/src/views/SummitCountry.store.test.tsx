// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { summits } from '../../../db/summits.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { SummitView } from './Summit.tsx';

// The host country chosen in a summit's form (Malta, made on the spot with
// "New country…") was saved, and shown nowhere but in the edit form again.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

function summitIn(countryId: number | null): number {
  return summits.insert(store.db, {
    classification: 'NATO UNCLASSIFIED',
    title: 'OSCE Ministerial Council, Valletta',
    city: 'Valletta',
    countryId,
    startDate: '2028-12-04',
    endDate: '2028-12-05',
    timeZone: 'Europe/Malta',
    description: '',
    sourceId: null,
  });
}

async function expectCountryShown(id: number, shown: string): Promise<void> {
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <SummitView id={id} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  const overview = (await screen.findByRole('heading', { name: /Overview$/ })).closest('section') as HTMLElement;
  // The view's query may first answer from what an earlier render read: wait for the store's answer.
  await waitFor(() => expect(within(overview).getByText('Country', { selector: 'dt' }).nextElementSibling?.textContent).toBe(shown));
}

it('names the summit’s country, with its portion mark, in the overview, and says none is given for one without', async () => {
  const malta = store.db
    .prepare(
      `INSERT INTO country (name, native_name, kind, note, classification) VALUES ('Malta', 'Repubblika ta’ Malta', 'country', '', 'NATO RESTRICTED') RETURNING id`,
    )
    .pluck()
    .get() as number;
  const hosted = summitIn(malta);
  const unhosted = summitIn(null);
  await expectCountryShown(hosted, '(NR) Malta');
  cleanup();
  await expectCountryShown(unhosted, '—');
});
