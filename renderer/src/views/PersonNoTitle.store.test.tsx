// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { PersonView } from './People.tsx';

// A person given a country and no title (the title is optional) had the line
// under their name read " · (NU) Malta", a dot after nothing.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

it('names the country of a person without a title with no dot before it', async () => {
  const malta = store.db
    .prepare(
      `INSERT INTO country (name, native_name, kind, note, classification) VALUES ('Malta', 'Repubblika ta’ Malta', 'country', '', 'NATO UNCLASSIFIED') RETURNING id`,
    )
    .pluck()
    .get() as number;
  const censu = store.db
    .prepare(
      `INSERT INTO person (name, native_name, title, country_id, biography, classification) VALUES ('Ċensu Ħabib', '', '', ?, '', 'NATO UNCLASSIFIED') RETURNING id`,
    )
    .pluck()
    .get(malta) as number;
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <PersonView id={censu} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  const country = await screen.findByText('Malta', { selector: 'bdi' });
  expect(country.closest('p')?.textContent?.trim()).toBe('(NU)Malta');
});
