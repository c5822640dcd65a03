import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import { type FileStore, openFileStore } from '../../../testing/fileStore.ts';

// An edit form saved as it opened sends an empty patch (it sends only the fields changed in it), and a page
// may send the values the record already holds. Writing them again made a new revision that replicated to
// every desk, moved the record up "recently edited", and turned a colleague's edit of the same record into
// a sync conflict with a version that changed nothing.

let store: FileStore;
beforeEach(() => {
  store = openFileStore();
});
afterEach(() => store.close());

describe('an update that changes nothing', () => {
  it('writes nothing and tells no window, answering the record as saved', async () => {
    const before = storeSnapshot(store.db);
    const meeting = store.db.prepare('SELECT id, title, venue FROM meeting WHERE id = 1').get() as { title: string; venue: string };
    for (const patch of [{}, { title: meeting.title, venue: meeting.venue }, { title: ` ${meeting.title}  ` }]) {
      const result = await store.send('meeting.update', { id: 1, patch, expected: {} });
      expect(result).toMatchObject({ ok: true, value: { status: 'saved', saved: { id: 1, title: meeting.title } } });
    }
    expect(storeSnapshot(store.db)).toEqual(before);
    expect(store.changes).toEqual([]);
  });

  it('still saves a field that changed', async () => {
    const result = await store.send('meeting.update', { id: 1, patch: { venue: 'LITEXPO, Vilnius' }, expected: {} });
    expect(result).toMatchObject({ ok: true, value: { status: 'saved', saved: { venue: 'LITEXPO, Vilnius' } } });
    expect(store.db.prepare('SELECT venue FROM meeting WHERE id = 1').pluck().get()).toBe('LITEXPO, Vilnius');
    expect(store.changes).toHaveLength(1);
  });
});
