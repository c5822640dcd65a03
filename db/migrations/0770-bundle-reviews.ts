import type { Migration } from './index.ts';

// A bundle opened for review and not yet imported when Sherpa closed (a
// restart, a crash, a flat battery) must not vanish without a word. Sherpa
// keeps no bundle it has not imported (its signer may not even be accepted),
// so what is kept is only which bundle it was (who signed it, when it was made
// and opened), for the Exchange screen to say it was not imported and ask for
// the file again. Inside the store, so encrypted with it.
export const bundleReviews: Migration = {
  version: 770,
  name: 'bundles opened for review and not imported are remembered, to be asked for again',
  up(db) {
    db.exec(`
      CREATE TABLE sync_bundle_reviewing (
        bundle_id TEXT PRIMARY KEY,
        signer_desk TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        opened_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) WITHOUT ROWID;
    `);
  },
};
