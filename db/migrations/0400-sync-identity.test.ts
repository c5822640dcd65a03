import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../open.ts';
import { migrate, migrations } from './index.ts';

interface DocRow {
  doc_id: string;
  entity: string;
  row_key: string | null;
  rev: string;
  deleted: number;
}
interface RevRow {
  rev: string;
  parent: string | null;
  deleted: number;
  body: string | null;
}

const docOf = (db: Db, entity: string, rowKey: string) =>
  db.prepare('SELECT * FROM sync_doc WHERE entity = ? AND row_key = ?').get(entity, rowKey) as DocRow | undefined;
const historyOf = (db: Db, docId: string) =>
  db.prepare('SELECT rev, parent, deleted, body FROM sync_rev WHERE doc_id = ? ORDER BY seq').all(docId) as RevRow[];
const bodyAt = (db: Db, docId: string, rev: string) =>
  JSON.parse((db.prepare('SELECT body FROM sync_rev WHERE doc_id = ? AND rev = ?').pluck().get(docId, rev) as string) ?? 'null');

describe('0400: every record carries a replication id and revision history', () => {
  it('upgrades a store with data in place: each existing record gets an id, a first revision and references by id', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-0400-')), 'store.sqlite');
    const old = openDatabase(file, { migrate: false });
    migrate(
      old,
      migrations.filter((migration) => migration.version < 400),
    );
    old.exec(`
      INSERT INTO country (id, name, kind) VALUES (7, 'Spain', 'country');
      INSERT INTO summit (id, title, country_id, start_date, end_date, time_zone) VALUES (3, 'Madrid Summit', 7, '2022-06-28', '2022-06-30', 'Europe/Madrid');
      INSERT INTO person (id, name) VALUES (4, 'Pedro Sánchez');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES (5, 3, 'Bilateral with Spain', 'bilateral', '2022-06-28T09:00:00Z', 'Europe/Madrid');
      INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (5, 4, 'theirs');
      INSERT INTO note (id, meeting_id, title, body) VALUES (9, 5, 'Our view', 'Raise the energy link');
    `);
    old.close();

    const db = openDatabase(file);
    const summit = docOf(db, 'summit', '3');
    const country = docOf(db, 'country', '7');
    const meeting = docOf(db, 'meeting', '5');
    const person = docOf(db, 'person', '4');
    expect(summit?.doc_id).toMatch(/^summit:[0-9a-f]{32}$/);
    expect(summit?.rev).toMatch(/^1-[0-9a-f]{32}$/);
    expect(historyOf(db, summit?.doc_id ?? '')).toHaveLength(1);
    expect(bodyAt(db, summit?.doc_id ?? '', summit?.rev ?? '')).toMatchObject({ title: 'Madrid Summit', country_id: country?.doc_id });
    expect(bodyAt(db, meeting?.doc_id ?? '', meeting?.rev ?? '')).toMatchObject({ summit_id: summit?.doc_id });
    const participant = docOf(db, 'meeting_participant', '5:4');
    expect(participant?.doc_id).toBe(`meeting_participant:${meeting?.doc_id.slice(8)}.${person?.doc_id.slice(7)}`);
    const note = docOf(db, 'note', '9');
    const noteBody = bodyAt(db, note?.doc_id ?? '', note?.rev ?? '');
    expect(noteBody).toMatchObject({ body: 'Raise the energy link', meeting_id: meeting?.doc_id });
    expect(noteBody).not.toHaveProperty('version');
    expect(noteBody).not.toHaveProperty('id');
    db.close();
  });

  it('writes a revision on each edit and a tombstone on delete, without touching any write path', () => {
    const db = openDatabase(':memory:');
    db.exec(`INSERT INTO source (id, title) VALUES (1, 'Communiqué')`);
    const first = docOf(db, 'source', '1');
    db.exec(`UPDATE source SET title = 'Joint communiqué' WHERE id = 1`);
    db.exec(`UPDATE source SET title = 'Joint communiqué' WHERE id = 1`);
    const edited = docOf(db, 'source', '1');
    expect(edited?.rev).toMatch(/^2-/);
    db.exec('DELETE FROM source WHERE id = 1');
    const history = historyOf(db, first?.doc_id ?? '');
    expect(history.map((revision) => [revision.rev.split('-')[0], revision.parent, revision.deleted])).toEqual([
      ['1', null, 0],
      ['2', first?.rev, 0],
      ['3', edited?.rev, 1],
    ]);
    expect(JSON.parse(history[1]?.body ?? '{}')).toMatchObject({ title: 'Joint communiqué' });
    const tombstone = db.prepare('SELECT row_key, rev, deleted FROM sync_doc WHERE doc_id = ?').get(first?.doc_id);
    expect(tombstone).toEqual({ row_key: null, rev: history[2]?.rev, deleted: 1 });
  });

  it('records what a cascade deletes, and a participant removed and added again continues its history', () => {
    const db = openDatabase(':memory:');
    db.exec(`
      INSERT INTO person (id, name) VALUES (1, 'Envoy');
      INSERT INTO meeting (id, title, format, starts_at, time_zone) VALUES (1, 'Pull-aside', 'pull-aside', '2024-01-01T09:00:00Z', 'UTC');
      INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, 1, 'ours');
      DELETE FROM meeting_participant;
      INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, 1, 'theirs');
    `);
    const participant = docOf(db, 'meeting_participant', '1:1');
    expect(participant?.rev).toMatch(/^3-/);
    expect(bodyAt(db, participant?.doc_id ?? '', participant?.rev ?? '')).toMatchObject({ side: 'theirs' });
    db.exec('DELETE FROM meeting WHERE id = 1');
    expect(db.prepare('SELECT deleted FROM sync_doc WHERE doc_id = ?').pluck().get(participant?.doc_id)).toBe(1);
  });

  it('stays silent for a row the replicator is writing', () => {
    const db = openDatabase(':memory:');
    db.exec(`
      INSERT INTO sync_applying (entity, row_key) VALUES ('source', '1');
      INSERT INTO source (id, title) VALUES (1, 'Received'), (2, 'Typed here');
    `);
    expect(db.prepare('SELECT entity, row_key FROM sync_doc').all()).toEqual([{ entity: 'source', row_key: '2' }]);
  });
});
