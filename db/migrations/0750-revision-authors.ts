import { createHash } from 'node:crypto';
import type { Migration } from './index.ts';

// A desk officer looking at a conflict or a record's history must see who
// wrote each version and when. Every revision written on this desk records
// the desk's name and the fingerprint of its contact card, with the time;
// a received revision keeps the author its desk recorded (it travels inside
// the replicated document and in bundles). Revisions written before this
// have none: they show "author not recorded".
//
// The rule is one trigger, not a change to each table's: a revision inserted
// without saying who wrote it was written here. The merge always says (`{}`
// when the sender recorded no author), so a received revision is never taken
// for this desk's own. The fingerprint is kept beside the desk's keys so the
// trigger can read it; it is the card's, computed as main/sync/deskKeys.ts
// does (frozen here, as a migration is).

function fingerprintOf(signingKey: string, encryptionKey: string): string {
  const digest = createHash('sha256')
    .update(Buffer.from(signingKey, 'base64url'))
    .update(Buffer.from(encryptionKey, 'base64url'))
    .digest('hex')
    .slice(0, 20)
    .toUpperCase();
  return digest.match(/.{4}/g)?.join(' ') ?? digest;
}

export const revisionAuthors: Migration = {
  version: 750,
  name: 'every revision written here records the desk that wrote it, and when',
  up(db) {
    db.exec(`
      ALTER TABLE desk_key ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
      -- JSON {desk, fingerprint, at}; '{}' or NULL: not recorded.
      ALTER TABLE sync_rev ADD COLUMN author TEXT CHECK (author IS NULL OR json_valid(author));
    `);
    const desk = db.prepare('SELECT signing_public, encryption_public FROM desk_key WHERE id = 1').get() as
      | { signing_public: string; encryption_public: string }
      | undefined;
    if (desk)
      db.prepare('UPDATE desk_key SET fingerprint = ? WHERE id = 1').run(fingerprintOf(desk.signing_public, desk.encryption_public));
    db.exec(`
      CREATE TRIGGER sync_rev_author AFTER INSERT ON sync_rev WHEN NEW.author IS NULL BEGIN
        UPDATE sync_rev SET author = coalesce(
          (SELECT json_object('desk', desk_name, 'fingerprint', fingerprint, 'at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
             FROM desk_key WHERE id = 1 AND fingerprint <> ''),
          json_object('at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
        WHERE seq = NEW.seq;
      END;
    `);
  },
};
