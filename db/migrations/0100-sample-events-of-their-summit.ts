import type { Migration } from './index.ts';

// Pack scope: a pack's timeline prints only the events of its own summit. The
// bundled sample used to leave the partnership's history (2006, 2012, the
// mission in November 2022) linked to no summit, so those events printed in
// every pack of every summit, or, once scoped, in none. This links those three
// events, in stores seeded before, to the sample summit they are the
// background of. Only the sample's own rows match: same titles, no summit yet,
// and citing the article the sample summit cites. A user's events are untouched.
const sampleBackground = [
  'Korea becomes a NATO partner state',
  'Korea signs the Individual Partnership and Cooperation Programme (IPCP)',
  'South Korea opens a diplomatic mission to NATO',
];

export const sampleEventsOfTheirSummit: Migration = {
  version: 100,
  name: 'sample background events belong to the sample summit',
  up(db) {
    db.prepare(
      `UPDATE timeline_event SET summit_id = (
         SELECT s.id FROM summit AS s WHERE s.title = 'NATO Summit, Vilnius 2023' AND s.source_id = timeline_event.source_id
       )
       WHERE summit_id IS NULL AND title IN (SELECT value FROM json_each(?))
         AND (SELECT count(*) FROM summit AS s WHERE s.title = 'NATO Summit, Vilnius 2023' AND s.source_id = timeline_event.source_id) = 1`,
    ).run(JSON.stringify(sampleBackground));
  },
};
