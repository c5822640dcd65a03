// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createNote, linkNote } from '../../../db/notes.ts';
import { insertOneDaySummit } from '../../../db/testing.ts';
import { timelineEvents } from '../../../db/timeline.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { NotesView } from '../notes/NotesView.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { TimelineView } from './Timeline.tsx';

// Ten summits' notes and events in one list: each row names the summit it is
// linked to, so "Talking points" of one summit is told from another's.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  const marked = { classification: 'NATO UNCLASSIFIED' };
  for (const [title, day] of [
    ['G7 Evian (summit names test)', '2026-06-14'],
    ['CHOGM Apia (summit names test)', '2026-10-24'],
  ] as const) {
    const summitId = insertOneDaySummit(store.db, title, day, marked.classification);
    const note = createNote(store.db, { sectorEntryId: null, meetingId: null }, { ...marked, title: 'Talking points', body: '', tags: [] });
    linkNote(store.db, note.id, { summitId });
    timelineEvents.insert(store.db, {
      ...marked,
      occurredOn: day,
      precision: 'day',
      title: 'Leaders arrive',
      description: '',
      summitId,
      sourceId: null,
      sourceExcerpt: '',
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

it('names the summit of each note in the notes list', async () => {
  shown(<NotesView />);
  const rows = (await screen.findAllByRole('link', { name: 'Talking points' })).map((link) => link.closest('li') as HTMLElement);
  await screen.findByText('G7 Evian (summit names test)');
  expect(rows.map((row) => row.textContent).join(' | ')).toMatch(/G7 Evian \(summit names test\).*CHOGM Apia|CHOGM Apia.*G7 Evian/);
});

it('names the summit of each event in the timeline', async () => {
  shown(<TimelineView />);
  const rows = (await screen.findAllByText('Leaders arrive')).map((title) => title.closest('li') as HTMLElement);
  await screen.findByText('CHOGM Apia (summit names test)');
  expect(rows[0]?.textContent).toContain('G7 Evian (summit names test)');
  expect(rows[1]?.textContent).toContain('CHOGM Apia (summit names test)');
});
