import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoteContent, NoteSaveResult } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import { createDraftJournal, type DraftJournal } from './draftJournal.ts';
import { memoryStorage } from './memoryStorage.ts';
import { createSaveQueue, type SaveRequest, type SaveStatus } from './saveQueue.ts';

const text = (body: string): NoteContent => ({ title: 'Cyber defence', body, tags: [], classification: 'NATO UNCLASSIFIED' });

/** A store that keeps one note and applies the same version rule as db/notes.ts. */
function fakeStore() {
  const state = { version: 1, body: '', failNext: 0, requests: [] as SaveRequest[] };
  const noteAt = (): Note => ({
    id: 1,
    sectorEntryId: null,
    summitId: null,
    sectorId: null,
    meetingId: null,
    ...text(state.body),
    version: state.version,
    createdAt: '2023-07-11T08:00:00.000Z',
    updatedAt: '2023-07-11T08:00:00.000Z',
    deletedAt: null,
  });
  const save = async (request: SaveRequest): Promise<NoteSaveResult> => {
    state.requests.push(request);
    if (state.failNext > 0) {
      state.failNext--;
      throw new Error('the store is not reachable');
    }
    if (request.baseVersion !== state.version) return { status: 'conflict', current: noteAt() };
    state.version++;
    state.body = request.body;
    return { status: 'saved', note: noteAt() };
  };
  const saveElsewhere = (body: string) => {
    state.version++;
    state.body = body;
    return noteAt();
  };
  return { state, save, saveElsewhere };
}

let journal: DraftJournal;
let statuses: SaveStatus['state'][];

beforeEach(() => {
  vi.useFakeTimers();
  journal = createDraftJournal(memoryStorage(), 'this-page');
  statuses = [];
});
afterEach(() => vi.useRealTimers());

function queueOn(store: ReturnType<typeof fakeStore>) {
  return createSaveQueue({
    noteId: 1,
    baseVersion: store.state.version,
    save: store.save,
    journal,
    onStatus: (status) => statuses.push(status.state),
  });
}

describe('the save queue', () => {
  it('sets a recovered draft beside the stored note as recovered text, not as a change made elsewhere', () => {
    const store = fakeStore();
    const queue = queueOn(store);
    queue.startConflict(text('typed before the reload'), store.saveElsewhere(''));
    expect(queue.status()).toMatchObject({ state: 'conflict', recovered: true });
  });

  it('coalesces a burst of keystrokes into one write of the latest text, 300 ms after the last', async () => {
    const store = fakeStore();
    const queue = queueOn(store);
    for (const body of ['N', 'NA', 'NAT', 'NATO']) {
      queue.edit(text(body));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(store.state.requests).toHaveLength(0);
    expect(queue.status().state).toBe('saving');
    await vi.advanceTimersByTimeAsync(100);
    expect(store.state.requests.map((request) => request.body)).toEqual(['NATO']);
    expect(store.state.body).toBe('NATO');
    expect(queue.status().state).toBe('saved');
  });

  it('a steady typist who never pauses 300 ms is still saved every second', async () => {
    const store = fakeStore();
    const queue = queueOn(store);
    let body = '';
    for (let keystroke = 0; keystroke < 25; keystroke++) {
      body += 'x';
      queue.edit(text(body));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(store.state.requests.length).toBeGreaterThanOrEqual(2);
    expect(store.state.body.length).toBeGreaterThanOrEqual(10);
    await vi.advanceTimersByTimeAsync(300);
    expect(store.state.body).toBe(body);
  });

  it('keeps each edit in the journal until the store acknowledges it', async () => {
    const store = fakeStore();
    const queue = queueOn(store);
    queue.edit(text('unsaved line'));
    expect(journal.read(1)).toMatchObject({ noteId: 1, baseVersion: 1, content: { body: 'unsaved line' } });
    await queue.flush();
    expect(journal.read(1)).toBeUndefined();
  });

  it('flush writes at once without waiting for the delay', async () => {
    const store = fakeStore();
    const queue = queueOn(store);
    queue.edit(text('before quitting'));
    const status = await queue.flush();
    expect(status.state).toBe('saved');
    expect(store.state.body).toBe('before quitting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.state.requests).toHaveLength(1);
  });

  it('an edit typed while a save is on its way is sent next, on the new version, and nothing older is resent', async () => {
    const store = fakeStore();
    let release: () => void = () => undefined;
    const slowSave = (request: SaveRequest) =>
      new Promise<NoteSaveResult>((resolve) => {
        release = () => void store.save(request).then(resolve);
      });
    const queue = createSaveQueue({ noteId: 1, baseVersion: 1, save: slowSave, journal });
    queue.edit(text('first'));
    const flushed = queue.flush();
    queue.edit(text('first and second'));
    queue.edit(text('first, second and third'));
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    expect((await flushed).state).toBe('saved');
    expect(store.state.requests.map((request) => [request.baseVersion, request.body])).toEqual([
      [1, 'first'],
      [2, 'first, second and third'],
    ]);
    expect(journal.read(1)).toBeUndefined();
  });

  it('on failure says why, keeps the edit in the journal and retries until the store has it', async () => {
    const store = fakeStore();
    store.state.failNext = 2;
    const queue = queueOn(store);
    queue.edit(text('typed on the plane'));
    const status = await queue.flush();
    expect(status.state).toBe('failed');
    expect(status.state === 'failed' && (status.error as Error).message).toBe('the store is not reachable');
    expect(journal.read(1)?.content.body).toBe('typed on the plane');
    await vi.advanceTimersByTimeAsync(500);
    expect(queue.status().state).toBe('failed');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(queue.status().state).toBe('saved');
    expect(store.state.body).toBe('typed on the plane');
    expect(store.state.requests).toHaveLength(3);
    expect(journal.read(1)).toBeUndefined();
  });

  it('does not repeat a save the store refused for good, but sends the next edit', async () => {
    const store = fakeStore();
    const refusing = async (request: SaveRequest): Promise<NoteSaveResult> => {
      if (request.body.length > 10) {
        store.state.requests.push(request);
        throw new Error('body: must be at most 10 characters');
      }
      return store.save(request);
    };
    const queue = createSaveQueue({ noteId: 1, baseVersion: 1, save: refusing, journal, retryable: () => false });
    queue.edit(text('far too long a text'));
    const refused = await queue.flush();
    expect(refused.state === 'failed' && (refused.error as Error).message).toBe('body: must be at most 10 characters');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.state.requests).toHaveLength(1);
    expect(journal.read(1)?.content.body).toBe('far too long a text');
    queue.edit(text('shorter'));
    expect((await queue.flush()).state).toBe('saved');
    expect(store.state.body).toBe('shorter');
  });

  it('after a failure, a newer edit replaces the failed one instead of both being sent', async () => {
    const store = fakeStore();
    store.state.failNext = 1;
    const queue = queueOn(store);
    queue.edit(text('draft one'));
    await queue.flush();
    queue.edit(text('draft two'));
    await vi.advanceTimersByTimeAsync(300);
    expect(store.state.requests.map((request) => request.body)).toEqual(['draft one', 'draft two']);
    expect(store.state.body).toBe('draft two');
  });

  it('a save based on an old version becomes a conflict showing both texts, and overwrites nothing', async () => {
    const store = fakeStore();
    const queue = queueOn(store);
    store.saveElsewhere('written in the other window');
    queue.edit(text('written here'));
    const status = await queue.flush();
    expect(status.state).toBe('conflict');
    if (status.state !== 'conflict') return;
    expect(status.mine.body).toBe('written here');
    expect(status.theirs.body).toBe('written in the other window');
    expect(store.state.body).toBe('written in the other window');
    expect(journal.read(1)?.content.body).toBe('written here');
    queue.edit(text('written here, still deciding'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.state.requests).toHaveLength(1);

    const merged = await queue.resolveConflict(text('written in the other window\n\nwritten here'), status.theirs.version);
    expect(merged.state).toBe('saved');
    expect(store.state.body).toBe('written in the other window\n\nwritten here');
    expect(journal.read(1)).toBeUndefined();
  });

  it('keeping their text after a conflict drops mine from the journal and saves on from their version', async () => {
    const store = fakeStore();
    const queue = queueOn(store);
    const theirs = store.saveElsewhere('theirs');
    queue.edit(text('mine'));
    await queue.flush();
    queue.acceptTheirs(theirs);
    expect(queue.status().state).toBe('saved');
    expect(journal.read(1)).toBeUndefined();
    queue.edit(text('theirs, then more'));
    expect((await queue.flush()).state).toBe('saved');
    expect(store.state.body).toBe('theirs, then more');
  });

  it('moves to a version saved elsewhere only when it has nothing of its own to save', async () => {
    const store = fakeStore();
    const queue = queueOn(store);
    expect(queue.adopt(store.saveElsewhere('from window B'))).toBe(true);
    expect(queue.baseVersion()).toBe(2);
    queue.edit(text('typing in A'));
    expect(queue.adopt(store.saveElsewhere('again from B'))).toBe(false);
    expect(queue.hasUnsaved()).toBe(true);
    expect(statuses).toContain('saving');
  });
});
