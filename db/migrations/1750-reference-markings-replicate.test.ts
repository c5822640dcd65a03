import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openScratchCopy, openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1750);
const upTo1750 = migrations.filter((migration) => migration.version <= 1750);

function storeAt(list: typeof migrations): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, list);
  return db;
}

/** A record's revisions, oldest first, with their parent and body. */
function revisionsOf(db: Db, entity: string, rowId: number) {
  return db
    .prepare(
      `SELECT R.rev, R.parent, R.body, D.rev = R.rev AS winner FROM sync_rev AS R JOIN sync_doc AS D ON D.doc_id = R.doc_id
        WHERE D.entity = ? AND D.row_key = ? ORDER BY R.seq`,
    )
    .all(entity, String(rowId)) as { rev: string; parent: string | null; body: string; winner: number }[];
}
const markingIn = (body: string) => (JSON.parse(body) as { classification?: string }).classification;

/** A desk of before 1750: Tonga's note marked, Fiji's not, the fisheries programme marked. */
function deskBefore1750(): Db {
  const db = storeAt(before);
  db.exec(`
    INSERT INTO country (id, name, kind, note, classification) VALUES
      (1, 'Tonga', 'country', 'Chairs the Forum this year.', 'NATO RESTRICTED'),
      (2, 'Fiji', 'country', 'Hosts the secretariat.', '');
    INSERT INTO programme (id, code, name, partner_id, description, classification) VALUES
      (1, 'PIF-FISH', 'Pacific fisheries', 1, 'Surveillance of the zones.', 'NATO RESTRICTED');
  `);
  return db;
}

describe('migration 1750: markings of countries and programmes replicate', () => {
  it('gives each marked record one revision holding its marking, the same on two desks upgrading the same records', () => {
    const template = deskBefore1750();
    // Before: the marking is in the row and in no revision.
    expect(revisionsOf(template, 'country', 1).map((revision) => markingIn(revision.body))).toEqual([undefined]);
    const copy = template.serialize();
    const [first, second] = [openScratchCopy(copy), openScratchCopy(copy)];
    for (const desk of [first, second]) expect(migrate(desk, upTo1750)).toEqual([1750]);
    if (!first || !second) throw new Error('two desks expected');

    for (const [entity, rowId] of [
      ['country', 1],
      ['programme', 1],
    ] as const) {
      const revisions = revisionsOf(first, entity, rowId);
      expect(revisions).toHaveLength(2);
      const [old, marked] = revisions;
      expect(marked).toMatchObject({ parent: old?.rev, winner: 1 });
      expect(Number.parseInt(marked?.rev ?? '', 10)).toBe(2);
      expect(markingIn(marked?.body ?? '{}')).toBe('NATO RESTRICTED');
      // Nothing else in the text changed.
      expect({ ...JSON.parse(marked?.body ?? '{}'), classification: undefined }).toEqual({ ...JSON.parse(old?.body ?? '{}') });
      // The other desk wrote the very same revision: no conflict between them.
      expect(revisionsOf(second, entity, rowId)).toEqual(revisions);
    }
    // An unmarked country has nothing to carry: no revision added.
    expect(revisionsOf(first, 'country', 2)).toHaveLength(1);
  });

  it('writes the marking into every revision from then on, and a revision for a marking changed alone', () => {
    const db = deskBefore1750();
    migrate(db, upTo1750);
    db.exec("UPDATE country SET classification = 'NATO CONFIDENTIAL' WHERE id = 1");
    db.exec("UPDATE programme SET classification = '' WHERE id = 1");
    db.exec("INSERT INTO country (id, name, kind, note, classification) VALUES (3, 'Samoa', 'country', 'Next host.', 'NATO UNCLASSIFIED')");
    expect(revisionsOf(db, 'country', 1).map((revision) => markingIn(revision.body))).toEqual([
      undefined,
      'NATO RESTRICTED',
      'NATO CONFIDENTIAL',
    ]);
    expect(revisionsOf(db, 'programme', 1).map((revision) => markingIn(revision.body))).toEqual([undefined, 'NATO RESTRICTED', '']);
    expect(revisionsOf(db, 'country', 3).map((revision) => markingIn(revision.body))).toEqual(['NATO UNCLASSIFIED']);
    // A save that changes nothing still writes nothing.
    db.exec('UPDATE country SET note = note WHERE id = 3');
    expect(revisionsOf(db, 'country', 3)).toHaveLength(1);
  });
});
