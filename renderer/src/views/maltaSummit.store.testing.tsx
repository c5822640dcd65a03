import { render } from '@testing-library/react';
import { summits } from '../../../db/summits.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { SummitView } from './Summit.tsx';

// What the summit page's tests share: the real store, the page's bridge set to it, and an OSCE summit in Valletta
// that each test fills with what it looks at (meetings on days outside its dates, events dated to the month).

export const marked = { classification: 'NATO UNCLASSIFIED' } as const;

/** A store with the sample briefing and a Valletta summit, marked NATO UNCLASSIFIED, on these days. */
export function storeWithMaltaSummit(title: string, startDate: string, endDate: string): { store: StoreBridge; summitId: number } {
  const store = createStoreBridge();
  setBridge(store.bridge);
  const summitId = summits.insert(store.db, {
    ...marked,
    title,
    city: 'Valletta',
    countryId: null,
    startDate,
    endDate,
    timeZone: 'Europe/Malta',
    description: '',
    sourceId: null,
  });
  return { store, summitId };
}

/** The summit's page as the app shows it: with the settings and the portion marks around it. */
export function renderSummit(summitId: number): void {
  // Its own query cache: the module-level one would show the page a previous test loaded for the same id.
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <SummitView id={summitId} />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
}
