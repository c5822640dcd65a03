import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { collectConflicts } from 'pouchdb-merge';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { allRecordIds, historiesOf, revisionsOf, syncedEntities } from '../../db/sync/history.ts';
import { maxBranchesReceived, treeOf } from '../../db/sync/merge.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { rowsMatchWinners, storeSnapshot } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { natoScheme } from '../ipc/handlers/settings.ts';
import { BundleImportError, exportBundle, highestMarking, importBundle, reviewBundle } from './bundle.ts';
import { BundleError, sealBundle } from './bundleCrypto.ts';
import { type DeskKeys, ensureDeskKeys } from './deskKeys.ts';

interface Desk {
  db: Db;
  keys: DeskKeys;
}

function desk(name: string): Desk {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-bundle-')), 'store.sqlite');
  const db = openScratchDatabase(file);
  return { db, keys: ensureDeskKeys(db, name) };
}

function withSummit(name: string): Desk {
  const sender = desk(name);
  sender.db.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification)
      VALUES (1, 1, 'Pull-aside with Finland', 'pull-aside', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'NATO CONFIDENTIAL');
    INSERT INTO note (id, meeting_id, title, body) VALUES (1, 1, 'Line to take', 'Welcome the accession');
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (2, 'Another summit', '2024-07-09', '2024-07-11', 'America/New_York');
  `);
  return sender;
}

const summitOf = (db: Db, title: string) =>
  syncPrepare(db, `SELECT D.doc_id FROM sync_doc D JOIN summit S ON D.entity = 'summit' AND D.row_key = S.id WHERE S.title = ?`)
    .pluck()
    .get(title) as string;

/** Runs `attempt`, expects it to throw `kind` with `code`, and the store to be exactly as before. */
function refusedWithoutChange(db: Db, attempt: () => unknown, code: unknown): void {
  const before = storeSnapshot(db);
  let thrown: unknown;
  try {
    attempt();
  } catch (error) {
    thrown = error;
  }
  expect(thrown instanceof BundleError || thrown instanceof BundleImportError).toBe(true);
  expect((thrown as BundleError | BundleImportError).code).toEqual(code);
  expect(storeSnapshot(db)).toEqual(before);
}

describe('signed, encrypted bundles between desks', () => {
  it('brings one summit to a desk that accepts the signer after seeing its fingerprint, and shows what will change first', () => {
    const a = withSummit('Desk A');
    const b = desk('Desk B');
    const file = exportBundle(a.db, a.keys, { summit: summitOf(a.db, 'Vilnius Summit') }, { recipients: [b.keys.card] });
    expect(file.includes(Buffer.from('Welcome the accession'))).toBe(false);

    const review = reviewBundle(b.db, b.keys, file, natoScheme);
    expect(review.signerKnown).toBe(false);
    expect(review.signer.fingerprint).toBe(a.keys.card.fingerprint);
    expect(review.signer.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    expect(review.summary).toMatchObject({ new: 3, updated: 0, conflicting: 0, markings: expect.arrayContaining(['NATO CONFIDENTIAL']) });
    expect(review.highestMarking).toBe('NATO CONFIDENTIAL');

    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, file), 'unknown-signer');
    importBundle(b.db, b.keys, file, { acceptSigner: true });
    expect(b.db.prepare('SELECT title FROM summit').pluck().all()).toEqual(['Vilnius Summit']);
    expect(b.db.prepare('SELECT body FROM note').pluck().all()).toEqual(['Welcome the accession']);
    expect(rowsMatchWinners(b.db, syncedEntities)).toBe(true);

    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, file), 'already-imported');
    const next = exportBundle(a.db, a.keys, 'everything', { recipients: [b.keys.card] });
    expect(reviewBundle(b.db, b.keys, next, natoScheme).signerKnown).toBe(true);
  });

  it('refuses tampered, truncated, re-signed and misaddressed bundles, changing nothing', () => {
    const a = withSummit('Desk A');
    const b = desk('Desk B');
    const c = desk('Desk C');
    const file = exportBundle(a.db, a.keys, 'everything', { recipients: [b.keys.card] });
    const flipped = (offset: number) => {
      const copy = Buffer.from(file);
      copy[offset] = (copy[offset] ?? 0) ^ 0x01;
      return copy;
    };
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, flipped(file.length - 200), { acceptSigner: true }), 'tampered');
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, flipped(file.length - 1), { acceptSigner: true }), 'tampered');
    // A header still well formed, changed after signing: one character of its bundle id, to another hex digit
    // (a flipped bit there would turn 'a' or 'f' into no hex digit at all, a file that is no bundle).
    const idAt = file.indexOf('"bundleId":"') + '"bundleId":"'.length;
    const changedHeader = Buffer.from(file);
    changedHeader[idAt] = changedHeader[idAt] === 0x30 ? 0x31 : 0x30;
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, changedHeader, { acceptSigner: true }), 'tampered');
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, flipped(3), { acceptSigner: true }), 'not-a-bundle');
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, file.subarray(0, file.length - 100), { acceptSigner: true }), 'tampered');
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, file.subarray(0, 30), { acceptSigner: true }), 'not-a-bundle');
    refusedWithoutChange(c.db, () => importBundle(c.db, c.keys, file, { acceptSigner: true }), 'not-for-this-desk');

    // Desk C re-signs A's bundle under its own name: the header is the content's associated data, so it no longer opens.
    const headerLength = file.readUInt32BE(8);
    const header = JSON.parse(file.subarray(12, 12 + headerLength).toString('utf8'));
    header.signer = { deskName: 'Desk C', signingKey: c.keys.card.signingKey, encryptionKey: c.keys.card.encryptionKey };
    const forgedHeader = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(forgedHeader.length);
    const body = Buffer.concat([file.subarray(0, 8), length, forgedHeader, file.subarray(12 + headerLength, file.length - 64)]);
    const resigned = Buffer.concat([body, crypto.sign(null, body, c.keys.signingPrivate)]);
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, resigned, { acceptSigner: true }), 'tampered');
  });

  it('refuses a bundle whose records unpack to more than Sherpa reads (a gzip bomb) by what it is, never unpacking it all', () => {
    const stranger = desk('A stranger');
    const b = desk('Desk B');
    // 600 MB of spaces in 600 gzip members of one megabyte each, some 600 KB packed (gunzip reads the members
    // as one stream): anyone holding B's public card can seal one to B.
    const member = zlib.gzipSync(Buffer.alloc(1 << 20, 0x20));
    const bomb = sealBundle(stranger.keys, Buffer.concat(new Array<Buffer>(600).fill(member)), { recipients: [b.keys.card] });
    refusedWithoutChange(b.db, () => reviewBundle(b.db, b.keys, bomb, natoScheme), 'too-large-unpacked');
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, bomb, { acceptSigner: true }), 'too-large-unpacked');
  }, 90_000);

  it('refuses a bundle holding a record with more branches than any desk makes, before merging anything', () => {
    const a = withSummit('Desk A');
    const b = desk('Desk B');
    const summit = historiesOf(a.db, allRecordIds(a.db)).find((history) => history.entity === 'summit');
    const root = summit?.revisions[0];
    if (!summit || !root) throw new Error('the summit has a first revision');
    const branches = Array.from({ length: maxBranchesReceived + 1 }, (_, index) => ({
      rev: `2-${index.toString(16).padStart(32, '0')}`,
      parent: root.rev,
      deleted: false,
      body: { ...root.body, title: `Branch ${index}` },
    }));
    const stalling = sealBundle(a.keys, zlib.gzipSync(JSON.stringify({ records: [{ ...summit, revisions: [root, ...branches] }] })), {
      recipients: [b.keys.card],
    });
    refusedWithoutChange(b.db, () => reviewBundle(b.db, b.keys, stalling, natoScheme), 'bad-content');
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, stalling, { acceptSigner: true }), 'bad-content');
  });

  it('refuses the bundle with any one byte changed or cut short anywhere, changing nothing', () => {
    const a = withSummit('Desk A');
    const b = desk('Desk B');
    const file = exportBundle(a.db, a.keys, 'everything', { recipients: [b.keys.card] });
    const stride = Math.max(1, Math.floor(file.length / 40));
    for (let offset = 0; offset < file.length; offset += stride) {
      const changed = Buffer.from(file);
      changed[offset] = (changed[offset] ?? 0) ^ 0x80;
      refusedWithoutChange(
        b.db,
        () => importBundle(b.db, b.keys, changed, { acceptSigner: true }),
        expect.stringMatching(/^(tampered|not-a-bundle)$/),
      );
      refusedWithoutChange(
        b.db,
        () => importBundle(b.db, b.keys, file.subarray(0, offset), { acceptSigner: true }),
        expect.stringMatching(/^(tampered|not-a-bundle)$/),
      );
    }
    importBundle(b.db, b.keys, file, { acceptSigner: true });
    expect(b.db.prepare('SELECT body FROM note').pluck().all()).toEqual(['Welcome the accession']);
  });

  it('changes no record when the same records come again in a new bundle', () => {
    const a = withSummit('Desk A');
    const b = desk('Desk B');
    importBundle(b.db, b.keys, exportBundle(a.db, a.keys, 'everything', { recipients: [b.keys.card] }), { acceptSigner: true });
    const { sync_bundle_received: _first, ...before } = storeSnapshot(b.db);
    const summary = importBundle(b.db, b.keys, exportBundle(a.db, a.keys, 'everything', { recipients: [b.keys.card] }));
    const { sync_bundle_received: received, ...after } = storeSnapshot(b.db);
    expect(summary).toMatchObject({ new: 0, updated: 0, conflicting: 0 });
    expect(after).toEqual(before);
    expect(received).toHaveLength(2);
  });

  it('opens with the passphrase it was sealed with, and only with it', () => {
    const a = withSummit('Desk A');
    const b = desk('Desk B');
    const file = exportBundle(a.db, a.keys, 'everything', { recipients: [], passphrase: 'correct horse battery staple' });
    refusedWithoutChange(
      b.db,
      () => importBundle(b.db, b.keys, file, { passphrase: 'wrong horse', acceptSigner: true }),
      'wrong-passphrase',
    );
    refusedWithoutChange(b.db, () => importBundle(b.db, b.keys, file, { acceptSigner: true }), 'wrong-passphrase');
    importBundle(b.db, b.keys, file, { passphrase: 'correct horse battery staple', acceptSigner: true });
    expect(b.db.prepare('SELECT count(*) FROM summit').pluck().get()).toBe(2);
  });

  it('ends conflicting edits made on two desks with the same winner on both, the loser kept', () => {
    const a = withSummit('Desk A');
    const b = desk('Desk B');
    importBundle(b.db, b.keys, exportBundle(a.db, a.keys, 'everything', { recipients: [b.keys.card] }), { acceptSigner: true });
    a.db.exec(`UPDATE note SET body = 'Welcome the accession warmly'`);
    b.db.exec(`UPDATE note SET body = 'Welcome the accession; mention Sweden'`);
    const toB = exportBundle(a.db, a.keys, 'everything', { recipients: [b.keys.card] });
    const toA = exportBundle(b.db, b.keys, 'everything', { recipients: [a.keys.card] });
    expect(reviewBundle(b.db, b.keys, toB, natoScheme).summary.conflicting).toBe(1);
    importBundle(b.db, b.keys, toB);
    importBundle(a.db, a.keys, toA, { acceptSigner: true });
    const note = (db: Db) =>
      syncPrepare(db, `SELECT doc_id, rev FROM sync_doc WHERE entity = 'note'`).get() as { doc_id: string; rev: string };
    expect(note(a.db)).toEqual(note(b.db));
    const conflicts = (db: Db) => collectConflicts({ rev_tree: treeOf(revisionsOf(db, note(db).doc_id)) });
    expect(conflicts(a.db)).toHaveLength(1);
    expect(conflicts(a.db)).toEqual(conflicts(b.db));
    const texts = (db: Db) =>
      [
        db.prepare('SELECT body FROM note').pluck().get(),
        revisionsOf(db, note(db).doc_id).find((r) => r.rev === conflicts(db)[0])?.body?.body,
      ].sort();
    expect(texts(a.db)).toEqual(['Welcome the accession warmly', 'Welcome the accession; mention Sweden']);
    expect(texts(b.db)).toEqual(texts(a.db));
  });

  it('names the highest marking inside, counting a marking outside the scheme as the highest', () => {
    expect(highestMarking(['', 'NATO RESTRICTED', 'NATO SECRET', 'NATO UNCLASSIFIED'], natoScheme)).toBe('NATO SECRET');
    expect(highestMarking([''], natoScheme)).toBe('NATO UNCLASSIFIED');
    expect(highestMarking(['NATO RESTRICTED', 'COSMIC TOP SECRET'], natoScheme)).toBe('COSMIC TOP SECRET');
  });
});
