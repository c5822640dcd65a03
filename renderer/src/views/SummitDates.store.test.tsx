// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { meetings } from '../../../db/meetings.ts';
import { summits } from '../../../db/summits.ts';
import { blankBrief } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { SummitView } from './Summit.tsx';

// The summit's dates were moved after its programme was drawn up (or a
// meeting was moved in from another summit): a meeting left outside the
// summit's days says so in the programme, not silently.

let store: StoreBridge;
let summitId: number;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  const marked = { classification: 'NATO UNCLASSIFIED' };
  summitId = summits.insert(store.db, {
    ...marked,
    title: 'OSCE Ministerial Malta (summit dates test)',
    city: 'Valletta',
    countryId: null,
    startDate: '2026-12-07',
    endDate: '2026-12-08',
    timeZone: 'Europe/Malta',
    description: '',
    sourceId: null,
  });
  for (const [title, startsAt] of [
    ['Malta bilateral on the old first day', '2026-12-05T09:00:00.000Z'],
    ['Malta plenary', '2026-12-07T09:00:00.000Z'],
  ] as const)
    meetings.insert(store.db, {
      ...marked,
      ...blankBrief,
      summitId,
      title,
      format: 'bilateral',
      startsAt,
      startTimeKnown: true,
      durationMinutes: null,
      timeZone: 'Europe/Malta',
      venue: '',
      interpreters: '',
      press: 'unknown',
      status: 'planned',
      counterpartId: null,
      sourceId: null,
    });
});
afterEach(cleanup);

it('says a day of the programme lies outside the summit’s dates, and nothing for a day within them', async () => {
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <SummitView id={summitId} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  const before = await screen.findByRole('heading', { name: /Saturday, 5 December 2026/ });
  expect(before.textContent).toContain('before the summit’s dates');
  const within = screen.getByRole('heading', { name: /Monday, 7 December 2026/ });
  expect(within.textContent).not.toContain('summit’s dates');
});
