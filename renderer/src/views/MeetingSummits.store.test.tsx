// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetings } from '../../../db/meetings.ts';
import { people } from '../../../db/people.ts';
import { insertOneDaySummit } from '../../../db/testing.ts';
import { blankBrief } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SearchPalette } from '../search/SearchPalette.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { Dashboard } from './Dashboard.tsx';
import { PersonView } from './People.tsx';

// A desk with many summits holds many meetings of one name ("Bilateral with
// the Foreign Minister" at each): a list of meetings outside their summit's
// own view says which summit each is of.

let store: StoreBridge;
let personId: number;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  const marked = { classification: 'NATO UNCLASSIFIED' };
  personId = people.insert(store.db, {
    ...marked,
    name: 'Amelia Hart',
    nativeName: '',
    title: 'Foreign Minister',
    countryId: null,
    biography: '',
    sourceId: null,
  });
  for (const [title, day] of [
    ['G7 Evian (meeting summits test)', '2023-07-20'],
    ['CHOGM Apia (meeting summits test)', '2023-07-27'],
  ] as const) {
    const summitId = insertOneDaySummit(store.db, title, day, marked.classification);
    meetings.insert(store.db, {
      ...marked,
      ...blankBrief,
      summitId,
      title: 'Bilateral with the Foreign Minister',
      format: 'bilateral',
      startsAt: `${day}T09:00:00.000Z`,
      startTimeKnown: true,
      durationMinutes: null,
      timeZone: 'UTC',
      venue: '',
      interpreters: '',
      press: 'unknown',
      status: 'planned',
      counterpartId: personId,
      sourceId: null,
    });
  }
});
afterEach(cleanup);

const shown = (view: React.ReactNode) =>
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>{view}</ScreenMarkingsProvider>
    </SettingsProvider>,
  );

const itemsNamed = (list: HTMLElement, title: string) =>
  within(list)
    .getAllByRole('link', { name: title })
    .map((link) => link.closest('li')?.textContent ?? '');

describe('meetings of one name at several summits', () => {
  it('name their summit in Today’s upcoming meetings', async () => {
    shown(<Dashboard />);
    const section = (await screen.findByRole('heading', { name: 'Upcoming meetings' })).closest('section') as HTMLElement;
    await within(section).findAllByRole('link', { name: 'Bilateral with the Foreign Minister' });
    const items = itemsNamed(section, 'Bilateral with the Foreign Minister');
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('G7 Evian (meeting summits test)');
    expect(items[1]).toContain('CHOGM Apia (meeting summits test)');
  });

  it('name their summit in a person’s meetings', async () => {
    shown(<PersonView id={personId} />);
    const section = (await screen.findByRole('heading', { name: 'Meetings' })).closest('section') as HTMLElement;
    await within(section).findAllByRole('link', { name: 'Bilateral with the Foreign Minister' });
    const items = itemsNamed(section, 'Bilateral with the Foreign Minister');
    expect(items.join(' | ')).toContain('G7 Evian (meeting summits test)');
    expect(items.join(' | ')).toContain('CHOGM Apia (meeting summits test)');
  });

  it('name their summit in search results', async () => {
    HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
      this.open = true;
    };
    shown(<SearchPalette onClose={() => {}} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'Bilateral with the Foreign Minister' } });
    // The palette is a modal dialog, hidden from jsdom's accessibility tree: its results are read as listed.
    const results = () => [...document.querySelectorAll('.search-results li')].map((hit) => hit.textContent ?? '');
    await waitFor(() => expect(results()).toHaveLength(2));
    await waitFor(() => expect(results().join(' | ')).toContain('meeting summits test'));
    const texts = results();
    expect(texts.some((text) => text.includes('G7 Evian (meeting summits test)'))).toBe(true);
    expect(texts.some((text) => text.includes('CHOGM Apia (meeting summits test)'))).toBe(true);
  });
});
