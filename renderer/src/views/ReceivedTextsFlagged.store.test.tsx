// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { MeetingBriefView } from './MeetingBrief.tsx';
import { PeopleList } from './People.tsx';

// Records received from a desk whose forms let a hidden character through: "Kim\u200bJong" reads as "KimJong"
// and is not the person that name finds. Titles and bodies were drawn by their code and flagged, but the names
// around them (the counterpart, the source, the summit a brief belongs to, a follow-up's description, the people
// list) were shown as stored, the character obeyed.

const hidden = (text: string) => text.replace(' ', '\u200b');
let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  const meeting = store.db.prepare('SELECT summit_id, counterpart_id, source_id FROM meeting WHERE id = 1').get() as {
    summit_id: number;
    counterpart_id: number;
    source_id: number;
  };
  store.db.prepare('UPDATE person SET name = ? WHERE id = ?').run(hidden('Kim Jong'), meeting.counterpart_id);
  store.db.prepare('UPDATE source SET title = ? WHERE id = ?').run(hidden('Desk cable 14'), meeting.source_id);
  store.db.prepare('UPDATE summit SET title = ? WHERE id = ?').run(hidden('Washington Summit'), meeting.summit_id);
  store.db.prepare(`INSERT INTO follow_up (meeting_id, description) VALUES (1, ?)`).run(hidden('Send minutes'));
});
afterEach(cleanup);

function shown(page: React.ReactNode) {
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>{page}</SettingsProvider>
    </StoreQueries>,
  );
}

const drawnAsStored = (found: HTMLElement) => {
  expect(found.textContent).toMatch(/\[U\+200B\]/);
  expect(found.textContent).not.toContain('\u200b');
  expect(found.parentElement?.querySelector('[data-testid="misleading-flag"]')).not.toBeNull();
};

it('a brief draws a received counterpart’s, source’s, summit’s and follow-up’s hidden character and flags each', async () => {
  shown(<MeetingBriefView id={1} />);
  for (const start of ['Kim[U+200B]', 'Desk[U+200B]', 'Washington[U+200B]', 'Send[U+200B]'])
    for (const found of await screen.findAllByText(
      (_, element) => element?.tagName === 'BDI' && (element.textContent ?? '').startsWith(start),
    ))
      drawnAsStored(found);
});

it('the people list does too', async () => {
  shown(<PeopleList />);
  const [found] = await screen.findAllByText(
    (_, element) => element?.tagName === 'BDI' && (element.textContent ?? '').startsWith('Kim[U+200B]'),
  );
  if (!found) throw new Error('listed');
  drawnAsStored(found);
});
