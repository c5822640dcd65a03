import type { Migration } from './index.ts';

// A biography written for one meeting, where the shared one does not fit (a
// counterpart's history with this principal, a stance for these talks). A
// pack prints it in its Biographies annex instead of the shared text.
export const meetingBiographies: Migration = {
  version: 130,
  name: 'biographies written for a meeting',
  up(db) {
    db.exec(`
      CREATE TABLE meeting_biography (
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
        PRIMARY KEY (meeting_id, person_id)
      ) WITHOUT ROWID;
      CREATE INDEX meeting_biography_by_person ON meeting_biography(person_id);
    `);
  },
};
