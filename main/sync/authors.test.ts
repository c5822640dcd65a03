import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../db/migrations/index.ts';
import { type Db, openDatabase } from '../../db/open.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { recordConflict } from '../../db/sync/conflictDetail.ts';
import { listConflicts } from '../../db/sync/conflicts.ts';
import { revisionsOf } from '../../db/sync/history.ts';
import { applyMerge } from '../../db/sync/merge.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { RevisionAuthor } from '../../shared/sync.ts';
import { exportBundle, importBundle } from './bundle.ts';
import { type DeskKeys, ensureDeskKeys } from './deskKeys.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer } from './testServer.ts';

// Who wrote each version: recorded with every revision written on a desk,
// carried by bundles and by replication, and shown beside each version of a
// conflict. Revisions written before authors were kept say so.

const noteDoc = (db: Db) => syncPrepare(db, `SELECT doc_id FROM sync_doc WHERE entity = 'note'`).pluck().get() as string;
const authorsOf = (db: Db, docId: string) =>
  (syncPrepare(db, 'SELECT author FROM sync_rev WHERE doc_id = ? ORDER BY seq').pluck().all(docId) as (string | null)[]).map((author) =>
    author === null ? null : (JSON.parse(author) as Partial<RevisionAuthor>),
  );
const recent = (at: string | undefined) => Math.abs(Date.now() - Date.parse(at ?? '')) < 60_000;

function desk(name: string): { db: Db; keys: DeskKeys } {
  const db = openScratchDatabase();
  return { db, keys: ensureDeskKeys(db, name) };
}

/** One note, sent from A to B by bundle, then edited on both desks and exchanged again: a conflict on each. */
function conflictByBundles() {
  const a = desk('Country desk');
  const b = desk('Sherpa office');
  a.db.exec(`INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Vilnius', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
             INSERT INTO note (summit_id, title, body) VALUES (1, 'Seating', 'Original')`);
  const send = (from: typeof a, to: typeof a) =>
    importBundle(to.db, to.keys, exportBundle(from.db, from.keys, 'everything', { recipients: [to.keys.card] }), { acceptSigner: true });
  send(a, b);
  a.db.exec(`UPDATE note SET body = 'Text from the country desk'`);
  b.db.exec(`UPDATE note SET body = 'Text from the sherpa office'`);
  send(a, b);
  send(b, a);
  return { a, b };
}

describe('who wrote each revision', () => {
  it('records the desk’s name, fingerprint and time with every revision written here: inserts, edits and deletions', () => {
    const { db, keys } = desk('Country desk');
    db.exec(`INSERT INTO note (title, body) VALUES ('Seating', 'One')`);
    const docId = noteDoc(db);
    db.exec(`UPDATE note SET body = 'Two'`);
    db.exec('DELETE FROM note');
    const authors = authorsOf(db, docId);
    expect(authors).toHaveLength(3);
    for (const author of authors) {
      expect(author).toMatchObject({ desk: 'Country desk', fingerprint: keys.card.fingerprint });
      expect(recent(author?.at)).toBe(true);
    }
  });

  it('carries the author through a bundle and shows it beside each version of the conflict, on both desks', () => {
    const { a, b } = conflictByBundles();
    for (const { db } of [a, b]) {
      const [kept] = listConflicts(db);
      const shown = recordConflict(db, kept?.id ?? '', []);
      const sides = [shown?.winner, ...(shown?.losers ?? [])];
      const byText = new Map(sides.map((side) => [side?.values.body, side?.author]));
      expect(byText.get('Text from the country desk')).toMatchObject({ desk: 'Country desk', fingerprint: a.keys.card.fingerprint });
      expect(byText.get('Text from the sherpa office')).toMatchObject({ desk: 'Sherpa office', fingerprint: b.keys.card.fingerprint });
    }
    // The first revision came from A: B keeps A as its author rather than taking it for its own.
    expect(authorsOf(b.db, noteDoc(b.db))[0]).toMatchObject({ desk: 'Country desk' });
  });

  it('keeps the author a renamed desk had when it wrote the revision', () => {
    const { db } = desk('Country desk');
    db.exec(`INSERT INTO note (title, body) VALUES ('Seating', 'One')`);
    db.exec(`UPDATE desk_key SET desk_name = 'Korea desk'`);
    db.exec(`UPDATE note SET body = 'Two'`);
    expect(authorsOf(db, noteDoc(db)).map((author) => author?.desk)).toEqual(['Country desk', 'Korea desk']);
  });

  it('says no author was recorded for a revision received without one, and never takes it for its own', () => {
    const { db } = desk('Sherpa office');
    const docId = `note:${crypto.randomBytes(16).toString('hex')}`;
    // As a desk older than authors sends it: the history, no author.
    applyMerge(db, [
      {
        id: docId,
        entity: 'note',
        revisions: [{ rev: `1-${'a'.repeat(32)}`, parent: null, deleted: false, body: { title: 'Old', body: 'Old text' } }],
      },
    ]);
    expect(authorsOf(db, docId)).toEqual([{}]);
    expect(revisionsOf(db, docId)[0]?.author).toBeNull();
  });

  it('travels inside the replicated document, so the colleague shows the author after a round through the server', async () => {
    const server = await startTestServer();
    const a = desk('Country desk');
    const b = desk('Sherpa office');
    a.db.exec(`INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Vilnius', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
               INSERT INTO note (summit_id, title, body) VALUES (1, 'Seating', 'Original')`);
    const summit = syncPrepare(a.db, `SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().get() as string;
    const databasePrefix = `authors${process.pid}`;
    for (const { db } of [a, b]) {
      writeSyncAccount(db, { url: server.url, username: '', passwordSealed: '', databasePrefix });
      setSharedSummitDocs(db, [summit]);
    }
    const deskA = new DeskReplicator(a.db, { intervalMs: 3_600_000 });
    const deskB = new DeskReplicator(b.db, { intervalMs: 3_600_000 });
    try {
      deskA.start();
      deskB.start();
      await deskA.nudge();
      await deskB.nudge();
      await deskB.nudge();
      a.db.exec(`UPDATE note SET body = 'Text from the country desk'`);
      b.db.exec(`UPDATE note SET body = 'Text from the sherpa office'`);
      await deskA.nudge();
      await deskB.nudge();
      await deskA.nudge();
      const docId = noteDoc(b.db);
      for (const db of [a.db, b.db]) {
        const shown = recordConflict(db, docId, []);
        const sides = [shown?.winner, ...(shown?.losers ?? [])];
        expect(new Map(sides.map((side) => [side?.values.body, side?.author?.desk]))).toEqual(
          new Map([
            ['Text from the country desk', 'Country desk'],
            ['Text from the sherpa office', 'Sherpa office'],
          ]),
        );
      }
      // On the server, the author is a field of the document itself.
      const response = await fetch(`${server.url}/${databasePrefix}-summit-${summit.slice('summit:'.length)}/${docId}?conflicts=true`);
      const onServer = (await response.json()) as Record<string, unknown>;
      expect(onServer.sherpa_author).toMatchObject({ fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/) });
    } finally {
      await deskA.stop();
      await deskB.stop();
      await server.stop();
    }
  });
});

describe('0750: a store from before authors', () => {
  it('says "not recorded" for its earlier revisions and records this desk on the next edit', () => {
    const db = openDatabase(':memory:', { migrate: false });
    migrate(
      db,
      migrations.filter((migration) => migration.version < 750),
    );
    db.exec(`INSERT INTO note (title, body) VALUES ('Seating', 'Before')`);
    const signing = crypto.generateKeyPairSync('ed25519');
    const encryption = crypto.generateKeyPairSync('x25519');
    const raw = (key: crypto.KeyObject) => key.export({ format: 'jwk' }).x as string;
    db.prepare(
      'INSERT INTO desk_key (id, desk_name, signing_private, signing_public, encryption_private, encryption_public) VALUES (1, ?, ?, ?, ?, ?)',
    ).run(
      'Country desk',
      signing.privateKey.export({ format: 'der', type: 'pkcs8' }),
      raw(signing.publicKey),
      encryption.privateKey.export({ format: 'der', type: 'pkcs8' }),
      raw(encryption.publicKey),
    );
    migrate(db);
    const keys = ensureDeskKeys(db, 'unused');
    db.exec(`UPDATE note SET body = 'After'`);
    expect(authorsOf(db, noteDoc(db))).toEqual([
      null,
      expect.objectContaining({ desk: 'Country desk', fingerprint: keys.card.fingerprint }),
    ]);
  });
});
