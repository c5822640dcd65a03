// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { MeetingBriefView } from './MeetingBrief.tsx';
import { SummitView } from './Summit.tsx';

// A summit's overview and a meeting's key details are their records' own texts: the headings carry the record's
// mark, as the pack prints "(C) Key details" and the brief's other sections already did on screen.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  store.db.prepare("UPDATE summit SET classification = 'NATO RESTRICTED'").run();
  store.db.prepare("UPDATE meeting SET classification = 'NATO CONFIDENTIAL' WHERE id = 1").run();
});
afterEach(cleanup);

const shown = (view: React.ReactNode) =>
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>{view}</ScreenMarkingsProvider>
    </SettingsProvider>,
  );

it('marks a summit’s overview with the summit’s portion mark', async () => {
  const summitId = store.db.prepare('SELECT summit_id FROM meeting WHERE id = 1').pluck().get() as number;
  shown(<SummitView id={summitId} />);
  expect((await screen.findByRole('heading', { level: 2, name: /Overview/ })).textContent).toBe('(NR)Overview');
});

it('marks a meeting’s key details with the meeting’s portion mark', async () => {
  shown(<MeetingBriefView id={1} />);
  expect((await screen.findByRole('heading', { level: 2, name: /Key details/ })).textContent).toBe('(NC)Key details');
});
