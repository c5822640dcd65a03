import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { type FileStore, openFileStore } from '../../../testing/fileStore.ts';

// Only the Markings panel said that a level moved down makes a page holding both carry the other's banner;
// the store applied such a scheme from any caller, so NATO SECRET records could print under a NATO RESTRICTED
// banner with nobody told. Refused unless the request names the level moved, as a removed level is.

let store: FileStore;
beforeEach(() => {
  store = openFileStore();
});
afterEach(() => store.close());

const nato = presetSchemes.nato.levels;
const reordered = (names: string[]) => ({
  name: 'NATO, reordered',
  levels: names.map((name) => nato.find((level) => level.name === name) ?? { name, portion: name }),
});
const secretBelowRestricted = reordered(['NATO UNCLASSIFIED', 'NATO SECRET', 'NATO RESTRICTED', 'NATO CONFIDENTIAL', 'COSMIC TOP SECRET']);

describe('settings.update moving a level below one it ranked above', () => {
  it('is refused while records carry that level, naming it and the level now above it, changing nothing', async () => {
    store.db.prepare(`UPDATE meeting SET classification = 'NATO SECRET' WHERE id = 1`).run();
    const before = storeSnapshot(store.db);
    const result = await store.send('settings.update', { classificationScheme: secretBelowRestricted });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        reason: 'level_moved_down',
        field: 'classificationScheme',
        params: { level: 'NATO SECRET', below: 'NATO RESTRICTED', banner: 'NATO RESTRICTED' },
        names: ['NATO SECRET'],
      },
    });
    expect(storeSnapshot(store.db)).toEqual(before);
  });

  it('is applied when the request names the level, or when no record carries it', async () => {
    store.db.prepare(`UPDATE meeting SET classification = 'NATO SECRET' WHERE id = 1`).run();
    expect(
      await store.send('settings.update', { classificationScheme: secretBelowRestricted, loweredLevelsConfirmed: ['NATO SECRET'] }),
    ).toMatchObject({ ok: true });
    const ctsCarried = store.db.prepare(`SELECT count(*) FROM meeting WHERE classification = 'COSMIC TOP SECRET'`).pluck().get();
    expect(ctsCarried).toBe(0);
    const ctsDown = reordered(['NATO UNCLASSIFIED', 'NATO SECRET', 'NATO RESTRICTED', 'COSMIC TOP SECRET', 'NATO CONFIDENTIAL']);
    expect(await store.send('settings.update', { classificationScheme: ctsDown })).toMatchObject({ ok: true });
  });
});
