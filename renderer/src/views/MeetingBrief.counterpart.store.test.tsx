// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { MeetingBriefView } from './MeetingBrief.tsx';

// A desk entered a bilateral with its counterpart chosen and no participants
// yet: the brief's key details said "Our side —, Their side —" and nowhere
// named the counterpart, whom the PDF's key details print on their first row.
// The screen's key details name the counterpart too, with native name and title.
let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a meeting brief’s key details', () => {
  it('name the counterpart, in native script, with title and portion mark, even with no participants', async () => {
    const person = store.db
      .prepare(
        `INSERT INTO person (name, native_name, title, biography, classification) VALUES ('Pham Minh Chinh', 'Phạm Minh Chính', 'Primeiro-Ministro do Vietname', '', 'NATO UNCLASSIFIED') RETURNING id`,
      )
      .pluck()
      .get() as number;
    store.db.prepare('UPDATE meeting SET counterpart_id = ? WHERE id = 1').run(person);
    store.db.prepare('DELETE FROM meeting_participant WHERE meeting_id = 1').run();
    render(
      <SettingsProvider>
        <MeetingBriefView id={1} />
      </SettingsProvider>,
    );
    const details = (await screen.findByRole('heading', { name: /Key details$/ })).closest('section') as HTMLElement;
    const term = await within(details).findByText('Counterpart', { selector: 'dt' });
    const value = term.nextElementSibling as HTMLElement;
    expect(value.textContent).toContain('Pham Minh Chinh (Phạm Minh Chính)');
    expect(value.textContent).toContain('Primeiro-Ministro do Vietname');
    expect(value.textContent).toContain('(NU)');
  });
});
