// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { summits } from '../../../db/summits.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { Dashboard } from './Dashboard.tsx';
import { SummitList } from './Summit.tsx';

// A summit whose city was left blank (the field is optional) was listed as
// "OSCE Ministerial Council, Valletta  · 4 December 2028", a dot leading from nothing.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  summits.insert(store.db, {
    classification: 'NATO UNCLASSIFIED',
    title: 'OSCE Ministerial Council, Valletta',
    city: '',
    countryId: null,
    startDate: '2099-12-04',
    endDate: '2099-12-04',
    timeZone: 'Europe/Malta',
    description: '',
    sourceId: null,
  });
});
afterEach(cleanup);

const rowOf = async () =>
  (await screen.findAllByRole('link', { name: 'OSCE Ministerial Council, Valletta' })).map((link) => link.closest('li'));

it('the summits list gives a summit without a city its day alone', async () => {
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <SummitList />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  const [row] = await rowOf();
  expect(row?.textContent).toMatch(/Valletta\s+4 December 2099$/);
});

it('Today gives it its day alone, as an upcoming summit and among all summits', async () => {
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <Dashboard />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  // The list of all summits renders just after the first paint.
  const rows = await waitFor(async () => {
    const found = await rowOf();
    expect(found).toHaveLength(2);
    return found;
  });
  for (const row of rows) expect(row?.textContent).not.toMatch(/Valletta\s+·/);
  for (const row of rows) expect(row?.textContent).toContain('4 December 2099');
});
