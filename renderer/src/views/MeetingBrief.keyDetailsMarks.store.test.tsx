// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { MeetingBriefView } from './MeetingBrief.tsx';

// The brief's key details name the meeting's summit and source. A G20 desk's video call marked OFFEN sits in a
// summit marked VS-NUR FÜR DEN DIENSTGEBRAUCH; an Ankara bilateral marked NR cites a desk record marked NU. Each
// was named by its title alone, with no mark, and one marked above the meeting never reached the banner.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

/**
 * Meeting 1's brief, with everything on it NATO UNCLASSIFIED but the record of `table` it names in its key
 * details, marked `marking`: that record's title.
 */
function briefNaming(table: 'summit' | 'source', marking: string): string {
  for (const other of ['meeting', 'person', 'note', 'follow_up', 'meeting_biography', 'summit', 'source', 'country']) {
    if (other !== table) store.db.prepare(`UPDATE ${other} SET classification = 'NATO UNCLASSIFIED'`).run();
  }
  store.db.prepare(`UPDATE ${table} SET classification = ?`).run(marking);
  const title = store.db
    .prepare(`SELECT title FROM ${table} WHERE id = (SELECT ${table}_id FROM meeting WHERE id = 1)`)
    .pluck()
    .get() as string;
  // Each test's own cache: its desk's answers, not an earlier test's.
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ScreenBanner edge="top" />
          <MeetingBriefView id={1} />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
  return title;
}

const banner = () => screen.getByRole('note', { name: 'Highest marking on screen' });

describe('a meeting brief’s key details', () => {
  it('mark its summit and count it towards the banner', async () => {
    const summitTitle = briefNaming('summit', 'NATO RESTRICTED');
    const link = await screen.findByRole('link', { name: summitTitle });
    expect(link.closest('dd')?.textContent).toBe(`(NR)${summitTitle}`);
    await waitFor(() => expect(banner().textContent).toBe('NATO RESTRICTED'));
  });

  it('mark its source and count it towards the banner', async () => {
    const sourceTitle = briefNaming('source', 'NATO CONFIDENTIAL');
    const title = await screen.findByText(sourceTitle, { selector: 'bdi' });
    expect(title.closest('dd')?.textContent).toMatch(new RegExp(`^\\(NC\\)${sourceTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await waitFor(() => expect(banner().textContent).toBe('NATO CONFIDENTIAL'));
  });
});
