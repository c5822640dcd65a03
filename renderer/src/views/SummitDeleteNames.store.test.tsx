// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { addEdition } from '../../../testing/summitEditions.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { SummitView } from './Summit.tsx';

// A desk titles its summit the same every year: deleting the oldest edition,
// the dialog names which edition goes, not one more "Cumbre Iberoamericana".

let store: StoreBridge;
let oldest: number;
beforeEach(() => {
  // jsdom draws no modal dialog: opened and closed as the browser would.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
  store = createStoreBridge();
  setBridge(store.bridge);
  const edition = (city: string, day: string) => addEdition(store.db, city, day);
  oldest = edition('Andorra la Vella', '2021-04-21');
  edition('Madrid', '2026-11-13');
});
afterEach(cleanup);

it('names the edition by city and year in the delete dialog', async () => {
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <SummitView id={oldest} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
  expect(await screen.findByRole('heading', { name: 'Delete Cumbre Iberoamericana · Andorra la Vella, 2021?' })).toBeTruthy();
});
