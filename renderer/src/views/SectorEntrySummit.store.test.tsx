// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sectorEntries } from '../../../db/sectors.ts';
import { summits } from '../../../db/summits.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { SectorView } from './Sectors.tsx';

// One sector written in at every summit of the desk: each entry says which
// summit's days it is dated during, as the pack builder decides by it which
// summit's packs print it.

let store: StoreBridge;
let sectorId: number;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  const marked = { classification: 'NATO UNCLASSIFIED' };
  sectorId = (store.db.prepare("SELECT id FROM sector WHERE name = 'Cybersecurity'").get() as { id: number }).id;
  summits.insert(store.db, {
    ...marked,
    title: 'NATO Summit The Hague (entry summit test)',
    city: '',
    countryId: null,
    startDate: '2025-06-24',
    endDate: '2025-06-25',
    timeZone: 'Europe/Amsterdam',
    description: '',
    sourceId: null,
  });
  const sourceId = (store.db.prepare('SELECT id FROM source LIMIT 1').get() as { id: number }).id;
  for (const [title, day] of [
    ['Hague cyber pledge (entry summit test)', '2025-06-25'],
    ['Between summits (entry summit test)', '2025-08-01'],
  ] as const)
    sectorEntries.insert(store.db, { ...marked, sectorId, occurredOn: day, title, body: '', sourceId, sourceExcerpt: '' });
});
afterEach(cleanup);

it('says which summit an entry is dated during, and nothing for an entry between summits', async () => {
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <SectorView id={sectorId} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  const hague = (await screen.findByText('Hague cyber pledge (entry summit test)')).closest('article') as HTMLElement;
  expect(await within(hague).findByText(/NATO Summit The Hague \(entry summit test\)/)).toBeTruthy();
  expect(hague.textContent).toContain('Dated during');
  const between = screen.getByText('Between summits (entry summit test)').closest('article') as HTMLElement;
  expect(between.textContent).not.toContain('Dated during');
});
