import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import { type FileStore, openFileStore } from '../../../testing/fileStore.ts';

// The participants editor left open while the person was deleted in another window: saving was refused
// as a broken rule of the store ("for example an empty name or an end before a start"), which says nothing
// of what to do. It names the row whose person no longer exists, and saves nothing.

let store: FileStore;
beforeEach(() => {
  store = openFileStore();
});
afterEach(() => store.close());

describe('meeting.setParticipants naming a person who no longer exists', () => {
  it('is refused at that row as a record that no longer exists, changing nothing', async () => {
    const person = store.db.prepare('SELECT id FROM person ORDER BY id LIMIT 1').pluck().get() as number;
    const stored = (await store.call('meeting.brief', { id: 1 })) as { ok: true; value: { participants: unknown[] } };
    const before = storeSnapshot(store.db);
    const result = await store.send('meeting.setParticipants', {
      id: 1,
      participants: [
        { personId: person, side: 'theirs', role: 'counterpart' },
        { personId: 987_654, side: 'ours', role: '' },
      ],
      expected: null,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', reason: 'no_such_record', field: 'participants.1.personId' },
    });
    expect(storeSnapshot(store.db)).toEqual(before);
    expect(stored.value.participants.length).toBeGreaterThan(0);
  });
});
