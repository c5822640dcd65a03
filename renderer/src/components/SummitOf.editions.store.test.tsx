// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { addEdition } from '../../../testing/summitEditions.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { SummitDuring, SummitOf } from './SummitOf.tsx';

// A desk titles its summit the same every year: a meeting, a note or a timeline row listed outside its summit's
// view, and a sector entry dated during one, name the edition, not one more "Cumbre Iberoamericana".

let madrid: number;
beforeEach(() => {
  const store = createStoreBridge();
  setBridge(store.bridge);
  const edition = (city: string, day: string) => addEdition(store.db, city, day);
  edition('Cuenca', '2024-11-15');
  madrid = edition('Madrid', '2026-11-13');
});
afterEach(cleanup);

const shown = (children: React.ReactNode) =>
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>{children}</ScreenMarkingsProvider>
    </SettingsProvider>,
  );

it('names the edition a record belongs to, and the one an entry is dated during', async () => {
  shown(
    <>
      <SummitOf summitId={madrid} />
      <SummitDuring day="2024-11-15" />
    </>,
  );
  expect(await screen.findByText('Cumbre Iberoamericana · Madrid, 2026')).toBeTruthy();
  expect(await screen.findByText('Cumbre Iberoamericana · Cuenca, 2024')).toBeTruthy();
});
