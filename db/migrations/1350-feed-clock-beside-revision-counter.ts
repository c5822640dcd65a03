import type { Migration } from './index.ts';

// A record's place in the changes feeds is taken from a counter, migration
// 0700's sync_feed_clock: a table of one row, so one more page written (and
// synced, and encrypted) by every save, beside the page of sqlite_sequence
// that sync_rev's AUTOINCREMENT rewrites in the same commit anyway. The
// counter is now a row of sqlite_sequence itself, under the old table's name
// (no table will be created with it, so SQLite never reads it as one's
// AUTOINCREMENT): the same numbers, one page fewer a save. The rules are
// 1120's (copied, as a migration keeps what it ran), the clock's place apart.

const linked = (body: string, field: string) =>
  `(CASE json_type(${body}, '$.${field}') WHEN 'text' THEN nullif(json_extract(${body}, '$.${field}'), '') END)`;

const kindOf = (doc: string) => `substr(${doc}, 1, instr(${doc}, ':') - 1)`;

/** 1120's place of a record from its text (copied, as a migration keeps what it ran): the kinds written out, no list. */
const placeOfText = (d: string, b: string) => {
  const e = kindOf(d);
  const via = `CASE ${e}
      WHEN 'meeting_participant' THEN 'meeting:' || substr(${d}, instr(${d}, ':') + 1, instr(${d}, '.') - instr(${d}, ':') - 1)
      WHEN 'follow_up' THEN ${linked(b, 'meeting_id')}
      WHEN 'note' THEN ${linked(b, 'meeting_id')}
    END`;
  const own = `CASE ${e}
      WHEN 'source' THEN 'reference' WHEN 'country' THEN 'reference' WHEN 'person' THEN 'reference'
      WHEN 'programme' THEN 'reference' WHEN 'sector' THEN 'reference' WHEN 'sector_entry' THEN 'reference'
      WHEN 'summit' THEN 'reference'
      WHEN 'meeting' THEN ${linked(b, 'summit_id')}
      WHEN 'timeline_event' THEN coalesce(${linked(b, 'summit_id')}, 'reference')
      WHEN 'note' THEN coalesce(${linked(b, 'summit_id')},
        CASE WHEN ${linked(b, 'sector_entry_id')} IS NOT NULL OR ${linked(b, 'sector_id')} IS NOT NULL THEN 'reference' END)
    END`;
  return { via, home: `CASE WHEN (${via}) IS NULL THEN ${own} ELSE (SELECT M.home FROM sync_home AS M WHERE M.doc_id = (${via})) END` };
};

const first = placeOfText('NEW.doc_id', 'NEW.body');

const takeNextPlace = "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'sync_feed_clock'";
const lastPlaceTaken = "(SELECT seq FROM sqlite_sequence WHERE name = 'sync_feed_clock')";

export const feedClockBesideRevisionCounter: Migration = {
  version: 1350,
  name: "the feeds' clock is kept beside sync_rev's counter",
  up(db) {
    db.exec(`
      INSERT INTO sqlite_sequence (name, seq) SELECT 'sync_feed_clock', seq FROM sync_feed_clock;

      DROP TRIGGER sync_home_revision;
      CREATE TRIGGER sync_home_revision AFTER INSERT ON sync_rev BEGIN
        ${takeNextPlace};
        UPDATE sync_home SET seq = ${lastPlaceTaken} WHERE doc_id = NEW.doc_id;
      END;
      DROP TRIGGER sync_home_first_revision;
      CREATE TRIGGER sync_home_first_revision AFTER INSERT ON sync_rev
        WHEN NOT EXISTS (SELECT 1 FROM sync_home WHERE doc_id = NEW.doc_id) BEGIN
        INSERT INTO sync_home (doc_id, via, home, seq) VALUES (NEW.doc_id, ${first.via}, ${first.home}, ${lastPlaceTaken});
      END;
      DROP TRIGGER sync_home_moved;
      CREATE TRIGGER sync_home_moved AFTER UPDATE OF home ON sync_home
        WHEN NEW.home IS NOT OLD.home AND NEW.seq = OLD.seq BEGIN
        ${takeNextPlace};
        UPDATE sync_home SET seq = ${lastPlaceTaken} WHERE doc_id = NEW.doc_id;
      END;
      DROP TABLE sync_feed_clock;
    `);
  },
};
