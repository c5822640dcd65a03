// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { MeetingBriefView } from './MeetingBrief.tsx';

// A G20 desk's video call marked OFFEN sits in a summit marked VS-NUR FÜR DEN DIENSTGEBRAUCH: the brief's key
// details named the summit by its title with no mark, under a banner that read OFFEN.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a meeting brief’s summit', () => {
  it('carries the summit’s portion mark and counts towards the banner', async () => {
    for (const table of ['meeting', 'person', 'note', 'follow_up', 'meeting_biography', 'source']) {
      store.db.prepare(`UPDATE ${table} SET classification = 'NATO UNCLASSIFIED'`).run();
    }
    store.db.prepare("UPDATE summit SET classification = 'NATO RESTRICTED'").run();
    const summitTitle = store.db
      .prepare('SELECT title FROM summit WHERE id = (SELECT summit_id FROM meeting WHERE id = 1)')
      .pluck()
      .get() as string;
    render(
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ScreenBanner edge="top" />
          <MeetingBriefView id={1} />
        </ScreenMarkingsProvider>
      </SettingsProvider>,
    );
    const link = await screen.findByRole('link', { name: summitTitle });
    expect(link.closest('dd')?.textContent).toBe(`(NR)${summitTitle}`);
    const banner = screen.getByRole('note', { name: 'Highest marking on screen' });
    await waitFor(() => expect(banner.textContent).toBe('NATO RESTRICTED'));
  });
});
