// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { SectorView } from './Sectors.tsx';

// A sector's state of play and position are its own texts: their headings carry its mark, as a meeting brief's
// sections carry the meeting's, so a paragraph read or photographed alone still says how to handle it.

afterEach(cleanup);

it('marks the state of play and our position with the sector’s portion mark, an unmarked sector said so', async () => {
  const store = createStoreBridge();
  setBridge(store.bridge);
  const sectorId = (store.db.prepare("SELECT id FROM sector WHERE name = 'Cybersecurity'").get() as { id: number }).id;
  store.db.prepare("UPDATE sector SET our_position = 'Apoyar el centro de ciberdefensa.', classification = '' WHERE id = ?").run(sectorId);
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <SectorView id={sectorId} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  expect((await screen.findByRole('heading', { level: 2, name: /State of play/ })).textContent).toBe('(UNMARKED)State of play');
  expect(screen.getByRole('heading', { level: 2, name: /Our position/ }).textContent).toBe('(UNMARKED)Our position');
});
