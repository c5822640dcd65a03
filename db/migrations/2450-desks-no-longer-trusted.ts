import type { Migration } from './index.ts';

// A desk whose laptop was lost or stolen: its officer (or the sherpa) tells
// every colleague, and each desk stops trusting its key. Removing its card
// was not enough: a bundle it signs would then be shown as a desk never met,
// one tick away from being accepted again. The keys stay here, with when
// this desk stopped trusting them, so a bundle it signs, or its card offered
// again, is refused by name.
export const desksNoLongerTrusted: Migration = {
  version: 2450,
  name: 'desks whose keys are no longer trusted (a laptop lost)',
  up(db) {
    db.exec(`
      CREATE TABLE desk_contact_revoked (
        fingerprint TEXT PRIMARY KEY,
        desk_name TEXT NOT NULL,
        signing_key TEXT NOT NULL UNIQUE,
        encryption_key TEXT NOT NULL,
        revoked_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
