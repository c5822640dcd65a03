// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sources } from '../../../db/people.ts';
import { sectorEntries } from '../../../db/sectors.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { SectorView } from './Sectors.tsx';

// A public entry cites a restricted desk file: the line naming that source shows the source's own
// portion mark and raises the window's banner, as every other name on screen does.

let store: StoreBridge;
let sectorId: number;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  sectorId = (store.db.prepare("SELECT id FROM sector WHERE name = 'Cybersecurity'").get() as { id: number }).id;
  const sourceId = sources.insert(store.db, {
    title: 'Riyadh Declaration draft 3 (entry source test)',
    publisher: 'GCC Secretariat',
    location: 'desk file GA-27/3',
    publishedOn: '2027-03-01',
    note: '',
    classification: 'NATO RESTRICTED',
  });
  sectorEntries.insert(store.db, {
    classification: 'NATO UNCLASSIFIED',
    sectorId,
    occurredOn: '2027-03-14',
    title: 'CERT MoU initialled (entry source test)',
    body: '',
    sourceId,
    sourceExcerpt: '',
  });
});
afterEach(cleanup);

it('marks the source line of an entry with the source’s own portion mark, counted in the banner', async () => {
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <ScreenBanner edge="top" />
        <SectorView id={sectorId} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  const line = (await screen.findByText(/Riyadh Declaration draft 3 \(entry source test\)/)).closest('p') as HTMLElement;
  expect(line.textContent).toMatch(/^Source: \(NR\)\s*Riyadh Declaration draft 3/);
  expect(screen.getByTestId('screen-banner-top').textContent).toBe('NATO RESTRICTED');
});
