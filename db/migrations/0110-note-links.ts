import type { Migration } from './index.ts';

// A free-standing note can be linked to a summit or a sector (a meeting link
// already exists: meeting_id), so a pack can print the notes of what it holds.
// Deleting the summit or sector keeps the note, unlinked: staff's words are
// never lost. A note annotates one thing at most, as 0010's check already says
// for entries and meetings.
export const noteLinks: Migration = {
  version: 110,
  name: 'notes linked to a summit or a sector',
  up(db) {
    db.exec(`
      ALTER TABLE note ADD COLUMN summit_id INTEGER REFERENCES summit(id) ON DELETE SET NULL;
      ALTER TABLE note ADD COLUMN sector_id INTEGER REFERENCES sector(id) ON DELETE SET NULL;
      CREATE INDEX note_by_summit ON note(summit_id) WHERE summit_id IS NOT NULL;
      CREATE INDEX note_by_sector ON note(sector_id) WHERE sector_id IS NOT NULL;
    `);
  },
};
