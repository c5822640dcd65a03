import { createHash } from 'node:crypto';
import type { Migration } from './index.ts';

// A biography written for one meeting (0130) had no global id and no
// revisions: it never reached the server or a bundle, and the sherpa's pack
// printed the shared biography where the country desk's printed the
// meeting's own. It becomes a synced record like a participant:
//
// - The table gets a local integer id (as every synced table but the
//   participants has), so merges, restorations and conflicts treat it as any
//   record, and a marking: the meeting's when the text is written, so the
//   text carries its marking to colleagues and into a bundle's review.
// - Its global id is its meeting's and person's (`meeting_biography:<meeting>.<person>`),
//   like a participant's: two desks writing the same person's biography for
//   the same meeting write one record, and the later of the two conflicts
//   with the other (one winner everywhere, the loser kept and shown).
// - It follows its meeting (`via`) into the meeting's summit database, so
//   need-to-know per summit holds: the place triggers of 1110/1350 learn it
//   beside follow-ups, rewritten from their own text.
// - Biographies already written get a first revision, its id derived from the
//   record and its text so desks upgrading the same record agree.

const table = 'meeting_biography';

/** The global id of the biography of row `row` (NEW, OLD, T): its meeting's and person's. */
const docIdOf = (row: string) =>
  `'${table}:' || (SELECT substr(doc_id, 9) FROM sync_doc WHERE entity = 'meeting' AND row_key = CAST(${row}.meeting_id AS TEXT))` +
  ` || '.' || (SELECT substr(doc_id, 8) FROM sync_doc WHERE entity = 'person' AND row_key = CAST(${row}.person_id AS TEXT))`;

const bodyOf = (row: string) =>
  `json_object('meeting_id', (SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = CAST(${row}.meeting_id AS TEXT)), ` +
  `'person_id', (SELECT doc_id FROM sync_doc WHERE entity = 'person' AND row_key = CAST(${row}.person_id AS TEXT)), ` +
  `'text', ${row}.text, 'classification', ${row}.classification)`;

const newHash = 'lower(hex(randomblob(16)))';
const nextRev = `(CASE WHEN rev = '' THEN 1 ELSE CAST(substr(rev, 1, instr(rev, '-') - 1) AS INTEGER) + 1 END) || '-' || ${newHash}`;
const keyOf = (row: string) => `CAST(${row}.id AS TEXT)`;
const silent = (row: string) => `NOT EXISTS (SELECT 1 FROM sync_applying WHERE entity = '${table}' AND row_key = ${keyOf(row)})`;

/** The winner moves to the revision just written (found by its number, as 1450's triggers do). */
const advance = (row: string, deleted: 0 | 1) => `
      UPDATE sync_doc SET rev = (SELECT R.rev FROM sync_rev AS R WHERE R.seq = last_insert_rowid() AND R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, '')),
        deleted = ${deleted}${deleted ? ', row_key = NULL' : ''}
        WHERE entity = '${table}' AND row_key = ${keyOf(row)}
          AND EXISTS (SELECT 1 FROM sync_rev AS R WHERE R.seq = last_insert_rowid() AND R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, ''));`;

const triggers = `
    CREATE TRIGGER sync_${table}_insert AFTER INSERT ON ${table} WHEN ${silent('NEW')} BEGIN
      INSERT INTO sync_doc (doc_id, entity, row_key, rev, deleted) VALUES (${docIdOf('NEW')}, '${table}', ${keyOf('NEW')}, '', 0)
        ON CONFLICT (doc_id) DO UPDATE SET row_key = excluded.row_key;
      DELETE FROM sync_deleted_row WHERE entity = '${table}' AND row_key = ${keyOf('NEW')};
      INSERT INTO sync_rev (doc_id, rev, parent, deleted, body)
        SELECT doc_id, ${nextRev}, nullif(rev, ''), 0, ${bodyOf('NEW')}
        FROM sync_doc WHERE entity = '${table}' AND row_key = ${keyOf('NEW')};
      ${advance('NEW', 0)}
    END;
    CREATE TRIGGER sync_${table}_update AFTER UPDATE ON ${table} WHEN ${silent('NEW')} BEGIN
      INSERT INTO sync_rev (doc_id, rev, parent, deleted, body)
        SELECT D.doc_id, ${nextRev}, D.rev, 0, ${bodyOf('NEW')}
        FROM sync_doc AS D WHERE D.entity = '${table}' AND D.row_key = ${keyOf('NEW')}
          AND ${bodyOf('NEW')} IS NOT (SELECT R.body FROM sync_rev AS R WHERE R.doc_id = D.doc_id AND R.rev = D.rev);
      ${advance('NEW', 0)}
    END;
    CREATE TRIGGER sync_${table}_delete AFTER DELETE ON ${table} WHEN ${silent('OLD')} BEGIN
      INSERT INTO sync_rev (doc_id, rev, parent, deleted, body)
        SELECT doc_id, ${nextRev}, rev, 1, NULL FROM sync_doc WHERE entity = '${table}' AND row_key = ${keyOf('OLD')};
      ${advance('OLD', 1)}
    END;
    CREATE TRIGGER ${table}_id_high_water AFTER DELETE ON ${table} BEGIN
      INSERT INTO id_high_water (table_name, id) VALUES ('${table}', OLD.id)
        ON CONFLICT (table_name) DO UPDATE SET id = max(id, excluded.id);
    END;`;

/** A follow-up follows its meeting in every place trigger; a biography now does too, by the same field. */
const followUpVia =
  /WHEN 'follow_up' THEN (\(CASE json_type\(([\w.]+), '\$\.meeting_id'\) WHEN 'text' THEN nullif\(json_extract\(\2, '\$\.meeting_id'\), ''\) END\))/g;
const placeTriggers = [
  'sync_home_winner',
  'sync_home_winner_deleted',
  'sync_home_deleted_text',
  'sync_home_filled',
  'sync_home_first_revision',
];

export const meetingBiographiesReplicate: Migration = {
  version: 1850,
  name: 'biographies written for a meeting replicate with their meeting',
  up(db) {
    for (const name of placeTriggers) {
      const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined;
      if (sql === undefined || !sql.match(followUpVia) || sql.includes(`'${table}'`))
        throw new Error(`Trigger ${name} does not place follow-ups by their meeting as migrations 1110 and 1350 wrote it.`);
      db.exec(`DROP TRIGGER ${name}`);
      db.exec(sql.replace(followUpVia, (match, via: string) => `${match}\n      WHEN '${table}' THEN ${via}`));
    }
    db.exec(`
      CREATE TABLE meeting_biography_new (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
        classification TEXT NOT NULL DEFAULT '',
        UNIQUE (meeting_id, person_id)
      );
      INSERT INTO meeting_biography_new (meeting_id, person_id, text, classification)
        SELECT B.meeting_id, B.person_id, B.text, coalesce(M.classification, '')
        FROM meeting_biography AS B LEFT JOIN meeting AS M ON M.id = B.meeting_id ORDER BY B.meeting_id, B.person_id;
      DROP TABLE meeting_biography;
      ALTER TABLE meeting_biography_new RENAME TO meeting_biography;
      CREATE INDEX meeting_biography_by_person ON meeting_biography(person_id);
    `);
    const written = db
      .prepare(`SELECT ${docIdOf('T')} AS docId, CAST(T.id AS TEXT) AS rowKey, ${bodyOf('T')} AS body FROM ${table} AS T ORDER BY T.id`)
      .all() as { docId: string | null; rowKey: string; body: string }[];
    const insertDoc = db.prepare("INSERT INTO sync_doc (doc_id, entity, row_key, rev, deleted) VALUES (?, 'meeting_biography', ?, ?, 0)");
    const insertRevision = db.prepare('INSERT INTO sync_rev (doc_id, rev, parent, deleted, body) VALUES (?, ?, NULL, 0, ?)');
    for (const biography of written) {
      // A meeting or person with no global id cannot happen after 0400; such a row would stay on this desk.
      if (biography.docId === null) continue;
      const rev = `1-${createHash('sha256').update(`sherpa-1850:${biography.docId}:${biography.body}`).digest('hex').slice(0, 32)}`;
      insertDoc.run(biography.docId, biography.rowKey, rev);
      insertRevision.run(biography.docId, rev, biography.body);
    }
    db.exec(triggers);
  },
};
