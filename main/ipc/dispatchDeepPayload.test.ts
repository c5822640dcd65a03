import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeSnapshot } from '../../db/sync/testing.ts';
import { type FileStore, openFileStore } from '../../testing/fileStore.ts';

// The dispatch answers every request with a result and never throws across the bridge. A payload nested deeper than
// the validator's stack (an array inside an array a hundred thousand times, well under the transport's megabyte)
// overflowed it while being checked, before the handler's own guard: the call threw "Maximum call stack size
// exceeded" instead of answering.
let store: FileStore;
beforeEach(() => {
  store = openFileStore();
});
afterEach(() => store.close());

function nested(depth: number): unknown {
  let value: unknown = 'core';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

describe('a request nested too deeply to check', () => {
  it('is refused as an invalid request, answering rather than throwing, and changes nothing', async () => {
    const before = storeSnapshot(store.db);
    const definition = { title: 'Pack', recipient: '', summitId: null, principalId: null, paper: 'a4', sections: [{ kind: 'sources' }] };
    const answer = await store.send('pack.save', { name: 'Deep', definition, expected: { title: nested(100_000) } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_request', reason: 'invalid' } });
    expect(storeSnapshot(store.db)).toEqual(before);
    expect((await store.send('pack.list', {})).ok).toBe(true);
  });
});
