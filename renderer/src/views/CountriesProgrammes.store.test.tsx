// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { PeopleList } from './People.tsx';
import { ProgrammeList } from './Sectors.tsx';

// A country's note and a programme's description are text like any other:
// each shows its portion mark, "(UNMARKED)" until someone marks it, and
// counts towards the window's banner.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

const shown = (view: React.ReactNode) =>
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <ScreenBanner edge="top" />
        {view}
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );

describe('countries and programmes on screen', () => {
  it('mark a country’s note, and say "(UNMARKED)" for one nobody marked', async () => {
    store.db.prepare("UPDATE country SET classification = 'NATO RESTRICTED'").run();
    store.db.prepare("UPDATE country SET classification = '' WHERE name = 'Ukraine'").run();
    shown(<PeopleList />);
    const ukraine = (await screen.findByText('Ukraine')).closest('li') as HTMLElement;
    expect(within(ukraine).getByText('(UNMARKED)')).toBeTruthy();
    expect(within(ukraine).getByText(/South Korea’s support to Ukraine/)).toBeTruthy();
    const korea = screen.getByText('Republic of Korea').closest('li') as HTMLElement;
    expect(within(korea).getByText('(NR)')).toBeTruthy();
    const banner = screen.getByRole('note', { name: 'Highest marking on screen' });
    await waitFor(() => expect(banner.textContent).toContain('UNMARKED MATERIAL'));
  });

  it('mark a programme’s description, and say "(UNMARKED)" for one nobody marked', async () => {
    store.db.prepare("UPDATE programme SET classification = '' WHERE code = 'IPCP'").run();
    shown(<ProgrammeList />);
    const ipcp = await screen.findByRole('heading', { name: /IPCP/ });
    expect(within(ipcp).getByText('(UNMARKED)')).toBeTruthy();
    // The sample quotes a public article: its programmes are marked at the lowest level, as the rest of it is.
    const itpp = screen.getByRole('heading', { name: /ITPP/ });
    expect(within(itpp).getByText('(NU)')).toBeTruthy();
  });
});
