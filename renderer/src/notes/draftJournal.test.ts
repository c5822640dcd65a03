import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared/domain.ts';
import { abandonedDrafts, createDraftJournal, draftState } from './draftJournal.ts';
import { memoryStorage } from './memoryStorage.ts';

const content = (body: string) => ({ title: '', body, tags: ['ITPP'], classification: 'NATO UNCLASSIFIED' });
const stored = (body: string, version: number): Note => ({
  id: 4,
  sectorEntryId: null,
  summitId: null,
  sectorId: null,
  meetingId: 2,
  ...content(body),
  version,
  createdAt: '2023-07-11T08:00:00.000Z',
  updatedAt: '2023-07-11T08:00:00.000Z',
  deletedAt: null,
});

describe('the draft journal', () => {
  it('keeps one draft per note, lists them, and ignores what it did not write', () => {
    const storage = memoryStorage();
    storage.setItem('sherpa.loopbackToken', 'abc');
    storage.setItem('sherpa.draft.9.x', '{not json');
    const journal = createDraftJournal(storage, 'page-a');
    journal.write({ noteId: 4, baseVersion: 2, content: content('old'), writtenAt: '2023-07-11T08:00:00.000Z' });
    journal.write({ noteId: 4, baseVersion: 3, content: content('newer'), writtenAt: '2023-07-11T08:00:01.000Z' });
    journal.write({ noteId: 1, baseVersion: 1, content: content('other'), writtenAt: '2023-07-11T08:00:01.000Z' });
    expect(journal.list().map((draft) => [draft.noteId, draft.baseVersion, draft.content.body])).toEqual([
      [1, 1, 'other'],
      [4, 3, 'newer'],
    ]);
    journal.remove(4);
    expect(journal.read(4)).toBeUndefined();
  });

  it('two pages on one note keep separate drafts: one page’s save never wipes the other’s unsaved text', () => {
    const storage = memoryStorage();
    const pageA = createDraftJournal(storage, 'page-a');
    const pageB = createDraftJournal(storage, 'page-b');
    pageA.write({ noteId: 4, baseVersion: 2, content: content('from A'), writtenAt: '2023-07-11T08:00:00.000Z' });
    pageB.write({ noteId: 4, baseVersion: 2, content: content('from B'), writtenAt: '2023-07-11T08:00:01.000Z' });
    pageA.remove(4);
    expect(pageB.read(4)?.content.body).toBe('from B');
    // While page B lives, its draft is its own; once it is gone, a new page is offered it.
    const pageC = createDraftJournal(storage, 'page-c');
    expect(abandonedDrafts(pageC, new Set(['page-b', 'page-c']))).toEqual([]);
    expect(abandonedDrafts(pageC, new Set(['page-c'])).map((draft) => draft.content.body)).toEqual(['from B']);
    const left = pageB.read(4);
    expect(left).toBeDefined();
    if (left) pageC.discard(left);
    expect(pageC.list()).toEqual([]);
  });

  it('tells a draft the store already has from one to offer, and one whose note is gone', () => {
    const draft = {
      noteId: 4,
      baseVersion: 2,
      content: content('typed before the crash'),
      writtenAt: '2023-07-11T08:00:00.000Z',
      session: 'gone',
    };
    // The save reached the store but its answer was lost: nothing to offer.
    expect(draftState(draft, stored('typed before the crash', 3))).toBe('saved');
    expect(draftState(draft, stored('typed before', 2))).toBe('unsaved');
    expect(draftState(draft, stored('someone else', 5))).toBe('unsaved');
    expect(draftState(draft, undefined)).toBe('orphaned');
  });

  it('reports a storage that refuses instead of pretending the draft is kept', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(createDraftJournal(storage, 'page-a').write({ noteId: 1, baseVersion: 1, content: content('x'), writtenAt: '' })).toBe(false);
  });
});
