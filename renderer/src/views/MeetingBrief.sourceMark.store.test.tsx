// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { MeetingBriefView } from './MeetingBrief.tsx';

// An Ankara bilateral marked NR cites a desk record marked NU: the brief's key details named the source by its
// title alone, the one name there without its portion mark, and a source marked above the meeting never
// reached the banner.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a meeting brief’s source', () => {
  it('carries the source’s portion mark and counts towards the banner', async () => {
    for (const table of ['meeting', 'person', 'note', 'follow_up', 'meeting_biography', 'summit', 'country']) {
      store.db.prepare(`UPDATE ${table} SET classification = 'NATO UNCLASSIFIED'`).run();
    }
    store.db.prepare("UPDATE source SET classification = 'NATO CONFIDENTIAL'").run();
    const sourceTitle = store.db
      .prepare('SELECT title FROM source WHERE id = (SELECT source_id FROM meeting WHERE id = 1)')
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
    const title = await screen.findByText(sourceTitle, { selector: 'bdi' });
    expect(title.closest('dd')?.textContent).toMatch(new RegExp(`^\\(NC\\)${sourceTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const banner = screen.getByRole('note', { name: 'Highest marking on screen' });
    await waitFor(() => expect(banner.textContent).toBe('NATO CONFIDENTIAL'));
  });
});
