import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { readSetting } from '../../../db/settings.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// The Markings panel says how many records a removed level still marks and asks Apply to be pressed
// again; the store asks the same of every caller, so a script or another window cannot drop a level
// in use unseen (its records would be left with a name the scheme lacks, to be marked again).

const clock = () => new Date('2023-07-10T08:00:00Z');
const usedLevel = (db: Db) =>
  (db.prepare("SELECT count(*) AS n FROM meeting WHERE classification = 'NATO UNCLASSIFIED'").get() as { n: number }).n;

describe('a scheme that removes a level records still carry', () => {
  let db: Db;
  let dispatch: Dispatch;
  beforeEach(() => {
    db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    dispatch = createDispatch({ db, handlers: createHandlers({ db, clock }) });
  });

  it('is refused unless the request says it was confirmed, naming the level, and changes nothing', async () => {
    expect(usedLevel(db)).toBeGreaterThan(0);
    const before = readSetting(db, 'settings');
    const refused = await dispatch('settings.update', { classificationScheme: presetSchemes.us, defaultMarking: '' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        reason: 'level_in_use',
        field: 'classificationScheme',
        names: expect.arrayContaining(['NATO UNCLASSIFIED']),
      },
    });
    expect(readSetting(db, 'settings')).toEqual(before);
  });

  it('is refused when only some of the levels in use were confirmed', async () => {
    db.prepare("UPDATE person SET classification = 'NATO RESTRICTED' WHERE id = (SELECT min(id) FROM person)").run();
    const refused = await dispatch('settings.update', {
      classificationScheme: presetSchemes.us,
      defaultMarking: '',
      droppedLevelsConfirmed: ['NATO UNCLASSIFIED'],
    });
    expect(refused).toMatchObject({ ok: false, error: { reason: 'level_in_use' } });
    expect(refused.ok ? [] : refused.error.names).toEqual(['NATO RESTRICTED']);
  });

  it('is applied once every level in use is confirmed, the records keeping the old name', async () => {
    const counts = await dispatch('settings.markingCounts', { levels: presetSchemes.nato.levels.map((level) => level.name) });
    const inUse = Object.entries((counts.ok ? counts.value : {}) as Record<string, number>).flatMap(([level, records]) =>
      records > 0 ? [level] : [],
    );
    const applied = await dispatch('settings.update', {
      classificationScheme: presetSchemes.us,
      defaultMarking: '',
      droppedLevelsConfirmed: inUse,
    });
    expect(applied).toMatchObject({ ok: true, value: { classificationScheme: presetSchemes.us } });
    expect(usedLevel(db)).toBeGreaterThan(0);
  });

  it('needs no confirmation to remove a level no record carries', async () => {
    const levels = presetSchemes.nato.levels.filter((level) => level.name !== 'COSMIC TOP SECRET');
    const applied = await dispatch('settings.update', { classificationScheme: { ...presetSchemes.nato, levels } });
    expect(applied).toMatchObject({ ok: true });
  });
});
