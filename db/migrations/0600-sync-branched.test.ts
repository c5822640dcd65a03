import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { listConflicts } from '../sync/conflicts.ts';
import { allRecordIds, historiesOf } from '../sync/history.ts';
import { applyMerge } from '../sync/merge.ts';
import { migrate, migrations } from './index.ts';

const before600 = migrations.filter((migration) => migration.version < 600);
const conflictIds = (db: ReturnType<typeof openDatabase>) => listConflicts(db).map((conflict) => conflict.id);

describe('0600 records whose revision tree branched', () => {
  it('finds the conflicts a store held before the upgrade, and those that arrive after it', () => {
    const a = openDatabase(':memory:', { migrate: false });
    const b = openDatabase(':memory:', { migrate: false });
    migrate(a, before600);
    migrate(b, before600);
    a.exec(`
      INSERT INTO note (id, title, body) VALUES (1, 'Seating', 'Original'), (2, 'Gifts', 'Original');
      INSERT INTO person (id, name) VALUES (1, 'Envoy');
    `);
    // Another desk's edit of the same first revision, as a merge before the upgrade left it (written as
    // rows: today's merge code writes today's schema).
    a.exec(`UPDATE note SET body = 'A' WHERE id = 1`);
    a.exec(`
      INSERT INTO sync_rev (doc_id, rev, parent, deleted, body)
        SELECT D.doc_id, '2-' || lower(hex(randomblob(16))), R.parent, 0, json_set(R.body, '$.body', 'B')
        FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev WHERE D.entity = 'note' AND D.row_key = '1';
    `);
    const seating = a.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = '1'`).pluck().get();

    migrate(a);
    migrate(b);
    expect(a.prepare('SELECT doc_id FROM sync_branched').pluck().all()).toEqual([seating]);
    expect(conflictIds(a)).toEqual([seating]);
    applyMerge(b, historiesOf(a, allRecordIds(a)));

    // After the upgrade the trigger keeps the list: a conflict on the person, arriving by merge.
    a.exec(`UPDATE person SET name = 'Envoy (A)'`);
    b.exec(`UPDATE person SET name = 'Envoy (B)'`);
    applyMerge(a, historiesOf(b, allRecordIds(b)));
    applyMerge(b, historiesOf(a, allRecordIds(a)));
    const envoy = a.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'person'`).pluck().get();
    expect(conflictIds(a).sort()).toEqual([seating, envoy].sort());
    expect(conflictIds(b).sort()).toEqual([seating, envoy].sort());
    // A plain edit on one desk branches nothing.
    a.exec(`UPDATE note SET body = 'Again' WHERE id = 2`);
    expect(a.prepare('SELECT count(*) FROM sync_branched').pluck().get()).toBe(2);
  });
});
