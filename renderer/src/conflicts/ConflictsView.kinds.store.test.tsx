// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { allRecordIds, historiesOf } from '../../../db/sync/history.ts';
import { applyMerge } from '../../../db/sync/merge.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ConflictsView } from './ConflictsView.tsx';

// Two desks edit at once a note of their own, a note written on a meeting's brief and an annotation on a sector
// entry. The list of conflicts called the meeting's note an "Annotation" like the entry's, so the officer could not
// tell where to look for it: each is named as its page heads it, in English and in Korean.

afterEach(cleanup);

/** The store with three notes two desks edited at once, shown in `language`. */
async function threeNotesInConflict(language: 'en' | 'ko') {
  const store = createStoreBridge();
  setBridge(store.bridge);
  const entry = store.db.prepare('SELECT id FROM sector_entry ORDER BY id LIMIT 1').pluck().get() as number;
  const meeting = store.db.prepare('SELECT id FROM meeting ORDER BY id LIMIT 1').pluck().get() as number;
  const insert = store.db.prepare(
    `INSERT INTO note (meeting_id, sector_entry_id, title, body, classification) VALUES (?, ?, ?, 'First draft.', 'NATO RESTRICTED')`,
  );
  insert.run(null, null, 'Seating plan');
  insert.run(meeting, null, 'Ask on the dam');
  insert.run(null, entry, 'Water tariffs');
  const colleague = openScratchDatabase();
  applyMerge(colleague, historiesOf(store.db, allRecordIds(store.db)));
  for (const [db, text] of [
    [store.db, 'Redrafted here.'],
    [colleague, 'Redrafted on the colleague’s desk.'],
  ] as const)
    db.prepare(`UPDATE note SET body = ?, version = version + 1 WHERE title IN ('Seating plan', 'Ask on the dam', 'Water tariffs')`).run(
      text,
    );
  applyMerge(store.db, historiesOf(colleague, allRecordIds(colleague)));
  expect((await store.bridge['settings.update']({ language })).ok).toBe(true);
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ConflictsView />
      </SettingsProvider>
    </StoreQueries>,
  );
  await waitFor(() => expect(document.documentElement.lang).toBe(language));
  const kindOf = async (title: string) => (await screen.findByRole('row', { name: new RegExp(title) })).querySelector('td')?.textContent;
  return { kindOf };
}

describe('the list of conflicts names each kind of note as its page does', () => {
  it('in English: a note, an annotation on a meeting, an annotation on a sector entry', async () => {
    const { kindOf } = await threeNotesInConflict('en');
    expect(await kindOf('Seating plan')).toBe('Note');
    expect(await kindOf('Ask on the dam')).toBe('Annotation on a meeting');
    expect(await kindOf('Water tariffs')).toBe('Annotation on a sector entry');
  });

  it('in Korean: 노트, 회담 주석, 분야 항목 주석', async () => {
    const { kindOf } = await threeNotesInConflict('ko');
    expect(await kindOf('Seating plan')).toBe('노트');
    expect(await kindOf('Ask on the dam')).toBe('회담 주석');
    expect(await kindOf('Water tariffs')).toBe('분야 항목 주석');
  });
});
