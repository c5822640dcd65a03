// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sources } from '../../../db/people.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { SourcesView } from './Sources.tsx';

// Every source's Edit link was named "Edit" alone: a screen reader's list of links read "Edit, Edit, Edit…"
// with nothing to tell which source each opens. Each is named by its source, as the countries' links are.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

it('names each source’s Edit link by its source', async () => {
  sources.insert(store.db, {
    title: 'Valletta Declaration on Maritime Security',
    publisher: 'OSCE',
    location: '',
    publishedOn: null,
    note: '',
    classification: 'NATO UNCLASSIFIED',
  });
  const titles = store.db.prepare('SELECT title FROM source ORDER BY id').pluck().all() as string[];
  expect(titles.length).toBe(2);
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <SourcesView />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  for (const title of titles) expect(await screen.findByRole('link', { name: `Edit: ${title}` })).toBeTruthy();
  expect(screen.queryAllByRole('link', { name: 'Edit' })).toEqual([]);
});
