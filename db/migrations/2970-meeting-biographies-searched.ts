import type { Migration } from './index.ts';

// A biography written for one meeting (0130, a synced record since 1850) was in no search: "prefers short
// sessions" found nothing, though the pack prints it. It is now a kind of its own, `meetingBiography`, code 12
// in the index's rowid (id × 16 + code, as 0020 numbered the kinds): a hit carries the biography's own marking,
// which may be above its meeting's (written under an earlier marking, or received so from a colleague), and
// opens its meeting's brief. Its entry is titled with the person's name and holds the text; it lies in its
// meeting's summit, for the palette's summit filter.
//
// As every kind since 1600: an edit made here is indexed by its trigger at once, a row a merge writes is marked
// in `search_pending` for db/search.ts to index in set-based slices, and a deletion leaves the index at once.
// The entry also shows what belongs to others: a person renamed, or a meeting moved to another summit, marks
// the biographies on them in `search_pending` (indexed before the next search), on this desk or by a merge.
// Biographies already written are indexed here.

const code = 12;
const entry = (row: string) =>
  `${row}.id * 16 + ${code},
   (SELECT P.name || ' ' || P.native_name FROM person AS P WHERE P.id = ${row}.person_id),
   ${row}.text, 'meetingBiography', ${row}.id,
   (SELECT M.summit_id FROM meeting AS M WHERE M.id = ${row}.meeting_id), NULL`;
const merged = `EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'meeting_biography' AND row_key = CAST(NEW.id AS TEXT))`;
const insert = `INSERT INTO search_index (rowid, title, body, kind, ref_id, summit_id, sector_id) SELECT ${entry('NEW')};`;
const markWhere = (condition: string) =>
  `INSERT OR IGNORE INTO search_pending (rowid) SELECT id * 16 + ${code} FROM meeting_biography WHERE ${condition};`;

export const meetingBiographiesSearched: Migration = {
  version: 2970,
  name: 'biographies written for a meeting are found by search, under their own marking',
  up(db) {
    db.exec(`
      CREATE VIEW meeting_biography_search_row (rowid, title, body, kind, ref_id, summit_id, sector_id) AS
        SELECT ${entry('R')} FROM meeting_biography AS R;
      CREATE TRIGGER meeting_biography_search_insert AFTER INSERT ON meeting_biography WHEN NOT ${merged} BEGIN ${insert} END;
      CREATE TRIGGER meeting_biography_search_update AFTER UPDATE ON meeting_biography WHEN NOT ${merged} BEGIN
        DELETE FROM search_index WHERE rowid = OLD.id * 16 + ${code}; ${insert}
      END;
      CREATE TRIGGER meeting_biography_search_insert_merged AFTER INSERT ON meeting_biography WHEN ${merged} BEGIN
        INSERT OR IGNORE INTO search_pending (rowid) VALUES (NEW.id * 16 + ${code});
      END;
      CREATE TRIGGER meeting_biography_search_update_merged AFTER UPDATE ON meeting_biography WHEN ${merged} BEGIN
        INSERT OR IGNORE INTO search_pending (rowid) VALUES (NEW.id * 16 + ${code});
      END;
      CREATE TRIGGER meeting_biography_search_delete AFTER DELETE ON meeting_biography BEGIN
        DELETE FROM search_index WHERE rowid = OLD.id * 16 + ${code};
      END;
      CREATE TRIGGER meeting_biography_search_person_renamed AFTER UPDATE OF name, native_name ON person
        WHEN OLD.name IS NOT NEW.name OR OLD.native_name IS NOT NEW.native_name BEGIN
        ${markWhere('person_id = NEW.id')}
      END;
      CREATE TRIGGER meeting_biography_search_meeting_moved AFTER UPDATE OF summit_id ON meeting
        WHEN OLD.summit_id IS NOT NEW.summit_id BEGIN
        ${markWhere('meeting_id = NEW.id')}
      END;
      INSERT INTO search_index (rowid, title, body, kind, ref_id, summit_id, sector_id)
        SELECT rowid, title, body, kind, ref_id, summit_id, sector_id FROM meeting_biography_search_row ORDER BY rowid;
    `);
  },
};
