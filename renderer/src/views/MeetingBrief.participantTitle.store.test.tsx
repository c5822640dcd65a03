// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { MeetingBriefView } from './MeetingBrief.tsx';

// A participant made from the participants editor's "New person…" with only a
// name (title is optional) showed in the key details as "Pádraig Ó Súilleabháin,"
// with a comma leading to nothing.
let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a meeting brief’s sides', () => {
  it('name a participant without a title with no comma after the name', async () => {
    const person = store.db
      .prepare(
        `INSERT INTO person (name, native_name, title, biography, classification) VALUES ('Pádraig Ó Súilleabháin', '', '', '', 'NATO UNCLASSIFIED') RETURNING id`,
      )
      .pluck()
      .get() as number;
    store.db.prepare('DELETE FROM meeting_participant WHERE meeting_id = 1').run();
    store.db.prepare(`INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, ?, 'theirs')`).run(person);
    render(
      <SettingsProvider>
        <MeetingBriefView id={1} />
      </SettingsProvider>,
    );
    const details = (await screen.findByRole('heading', { name: /Key details$/ })).closest('section') as HTMLElement;
    const term = await within(details).findByText('Their side', { selector: 'dt' });
    const value = term.nextElementSibling as HTMLElement;
    await within(value).findByRole('link', { name: 'Pádraig Ó Súilleabháin' });
    expect(value.textContent?.trim()).toBe('(NU) Pádraig Ó Súilleabháin');
  });
});
