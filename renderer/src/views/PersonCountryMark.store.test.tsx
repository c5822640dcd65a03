// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { PersonView } from './People.tsx';

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

function personNamed(name: string): number {
  return (store.db.prepare('SELECT id FROM person WHERE name = ?').get(name) as { id: number }).id;
}

describe('a person’s page', () => {
  // Each record on a person's page is material on screen: a country marked higher than the person was named
  // without a mark, under the person's lower banner.
  it('marks the person’s country and counts it towards the banner', async () => {
    store.db.prepare("UPDATE person SET classification = 'NATO UNCLASSIFIED', biography = '' WHERE name = 'Yoon Suk Yeol'").run();
    store.db.prepare("UPDATE meeting SET classification = 'NATO UNCLASSIFIED'").run();
    store.db.prepare("UPDATE country SET classification = 'NATO RESTRICTED'").run();
    const yoon = personNamed('Yoon Suk Yeol');
    const country = store.db
      .prepare('SELECT c.name FROM country c JOIN person p ON p.country_id = c.id WHERE p.id = ?')
      .pluck()
      .get(yoon) as string;
    render(
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ScreenBanner edge="top" />
          <PersonView id={yoon} />
        </ScreenMarkingsProvider>
      </SettingsProvider>,
    );
    // The view's query may first answer from what an earlier render read: wait for the store's answer.
    await waitFor(() => {
      const countryLine = screen.getByText(
        (_, element) => element?.matches('span.muted') === true && element.textContent?.includes(country) === true,
      );
      expect(countryLine.textContent).toBe(` · (NR)${country}`);
    });
    const banner = screen.getByRole('note', { name: 'Highest marking on screen' });
    await waitFor(() => expect(banner.textContent).toBe('NATO RESTRICTED'));
  });
});
