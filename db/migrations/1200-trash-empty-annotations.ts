import type { Migration } from './index.ts';

// Before "Add annotation" discarded an annotation left empty (note.discardIfEmpty),
// each such press left one behind: listed as "Nothing written yet", counted on the
// entry and meeting, and kept in every store. They are moved to the trash, not
// deleted: the trash keeps a note whole, with every revision, and Restore brings
// it back, so even one whose text was later erased is not lost. Only annotations
// (on a meeting or a sector entry) with no title, no text and no tag are moved;
// a free-standing note and anything in the trash already are left alone.

/** SQLite's trim takes only spaces unless told: also tabs, line breaks, no-break and ideographic spaces. */
const blank = 'char(32, 9, 10, 13, 160, 12288)';

export const trashEmptyAnnotations: Migration = {
  version: 1200,
  name: 'trash-empty-annotations',
  up(db) {
    db.exec(`
      UPDATE note SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ')
      WHERE deleted_at IS NULL
        AND (meeting_id IS NOT NULL OR sector_entry_id IS NOT NULL)
        AND trim(title, ${blank}) = '' AND trim(body, ${blank}) = '' AND json_array_length(tags) = 0;
    `);
  },
};
