import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { loadSampleIfEmpty } from '../sample/vilnius-2023.ts';
import { migrate, migrations } from './index.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-0100-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('0100: the sample’s background events belong to the sample summit', () => {
  it('links the three events a store seeded before 0100 left without a summit, and nothing else', () => {
    const file = path.join(folder, 'seeded-at-80.sqlite');
    const db = openDatabase(file, { migrate: false });
    migrate(
      db,
      migrations.filter((migration) => migration.version < 100),
    );
    loadSampleIfEmpty(db);
    // As the seed wrote them before 0100: the partnership's history linked to no summit.
    db.prepare(`UPDATE timeline_event SET summit_id = NULL WHERE occurred_on < '2023-01-01'`).run();
    const sourceId = db.prepare('SELECT source_id FROM summit').pluck().get() as number;
    // A user's own event with one of the sample's titles, citing a source of their own, stays as the user left it.
    const ownSource = db.prepare(`INSERT INTO source (title) VALUES ('Desk notes') RETURNING id`).pluck().get() as number;
    db.prepare(
      `INSERT INTO timeline_event (occurred_on, title, source_id) VALUES ('2006-05-01', 'Korea becomes a NATO partner state', ?)`,
    ).run(ownSource);
    db.close();

    const upgraded = openDatabase(file);
    const summitId = upgraded.prepare('SELECT id FROM summit').pluck().get() as number;
    const rows = upgraded
      .prepare('SELECT occurred_on AS day, summit_id AS summitId, source_id AS sourceId FROM timeline_event ORDER BY occurred_on, id')
      .all();
    expect(rows).toEqual([
      { day: '2006-01-01', summitId, sourceId },
      { day: '2006-05-01', summitId: null, sourceId: ownSource },
      { day: '2012-01-01', summitId, sourceId },
      { day: '2022-11-01', summitId, sourceId },
      { day: '2023-07-11', summitId, sourceId },
    ]);
    // Search follows the link: a summit-filtered search now finds the history.
    expect(upgraded.prepare(`SELECT count(*) FROM search_index WHERE kind = 'timelineEvent' AND summit_id = ?`).pluck().get(summitId)).toBe(
      4,
    );
    upgraded.close();
  });
});
