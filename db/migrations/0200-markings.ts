import type { Migration } from './index.ts';

// Markings everywhere (issue 10):
// - Lists now show each meeting's portion mark, so the covering index that
//   lets a summit's 500 meetings be listed without reading their brief text
//   (0070) carries the marking too.
// - The NATO scheme Sherpa shipped stopped at NATO SECRET; a store that saved
//   its settings kept that copy. Exactly that copy gains COSMIC TOP SECRET on
//   top; a scheme the desk changed is left as it is. Adding the highest level
//   changes the meaning of no marking already given.
// A record's classification stays '' when nobody marked it: from this version
// that reads as unmarked, never as the scheme's lowest level (the column is
// already NOT NULL DEFAULT '', so no record changes).

/** The scheme as Sherpa shipped it before this version, written out so the migration never changes. */
const shippedNato = {
  name: 'NATO',
  levels: [
    { name: 'NATO UNCLASSIFIED', portion: 'NU' },
    { name: 'NATO RESTRICTED', portion: 'NR' },
    { name: 'NATO CONFIDENTIAL', portion: 'NC' },
    { name: 'NATO SECRET', portion: 'NS' },
  ],
};

export const markings: Migration = {
  version: 200,
  name: 'portion marks in lists, COSMIC TOP SECRET in the shipped NATO scheme',
  up(db) {
    db.exec(`
      DROP INDEX meeting_summary_by_summit;
      CREATE INDEX meeting_summary_by_summit
        ON meeting(summit_id, starts_at, id, title, format, start_time_known, time_zone, venue, status, classification);
    `);
    const row = db.prepare("SELECT value FROM setting WHERE key = 'settings'").get() as { value: string } | undefined;
    if (!row) return;
    const settings = JSON.parse(row.value) as { classificationScheme?: unknown };
    if (JSON.stringify(settings.classificationScheme) !== JSON.stringify(shippedNato)) return;
    const scheme = { ...shippedNato, levels: [...shippedNato.levels, { name: 'COSMIC TOP SECRET', portion: 'CTS' }] };
    db.prepare("UPDATE setting SET value = ? WHERE key = 'settings'").run(JSON.stringify({ ...settings, classificationScheme: scheme }));
  },
};
