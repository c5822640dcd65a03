import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMeetingBiographies, setMeetingBiography } from '../../db/meetingBiographies.ts';
import type { Db } from '../../db/open.ts';
import { syncedEntities } from '../../db/sync/history.ts';
import { rowsMatchWinners } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { natoScheme } from '../ipc/handlers/settings.ts';
import { exportBundle, importBundle, reviewBundle } from './bundle.ts';
import { type DeskKeys, ensureDeskKeys } from './deskKeys.ts';

// A classified network's desk and a travelling laptop share no network: the
// biography written for the Finland pull-aside travels in the summit's bundle,
// with its marking, and a second edit on each side ends as one conflict.

interface Desk {
  db: Db;
  keys: DeskKeys;
}

function desk(name: string): Desk {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-biography-bundle-')), 'store.sqlite');
  const db = openScratchDatabase(file);
  return { db, keys: ensureDeskKeys(db, name) };
}

const summitDocId = (db: Db) => db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = '1'`).pluck().get() as string;
const idOf = (db: Db, table: 'meeting' | 'person', name: string) =>
  db
    .prepare(`SELECT id FROM ${table} WHERE ${table === 'meeting' ? 'title' : 'name'} = ?`)
    .pluck()
    .get(name) as number;
const biographyRecords = (db: Db) =>
  db
    .prepare(
      `SELECT D.doc_id AS id, D.rev, R.body FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev
        WHERE D.entity = 'meeting_biography'`,
    )
    .all() as { id: string; rev: string; body: string }[];

describe("a summit's bundle and the biographies written for its meetings", () => {
  it('carries the biography with its marking, and two desks editing it each end with the same winner and the other kept', () => {
    const sender = desk('Classified desk');
    const laptop = desk('Travelling laptop');
    sender.db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification)
        VALUES (1, 1, 'Pull-aside with Finland', 'pull-aside', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'NATO CONFIDENTIAL');
      INSERT INTO person (id, name, native_name, title, biography) VALUES (1, 'President of Finland', '', 'President', 'Shared biography.');
    `);
    setMeetingBiography(sender.db, 1, 1, 'First meeting since the accession; will raise the border fence.');
    const file = exportBundle(sender.db, sender.keys, { summit: summitDocId(sender.db) }, { recipients: [laptop.keys.card] });
    const review = reviewBundle(laptop.db, laptop.keys, file, natoScheme);
    expect(review.records.map((record) => record.id)).toContain(biographyRecords(sender.db)[0]?.id);

    importBundle(laptop.db, laptop.keys, file, { acceptSigner: true });
    const meetingThere = idOf(laptop.db, 'meeting', 'Pull-aside with Finland');
    const presidentThere = idOf(laptop.db, 'person', 'President of Finland');
    expect(listMeetingBiographies(laptop.db, meetingThere)).toEqual([
      {
        personId: presidentThere,
        name: 'President of Finland',
        text: 'First meeting since the accession; will raise the border fence.',
        classification: 'NATO CONFIDENTIAL',
      },
    ]);
    expect(laptop.db.prepare('SELECT classification FROM meeting_biography').pluck().all()).toEqual(['NATO CONFIDENTIAL']);
    expect(biographyRecords(laptop.db)).toEqual(biographyRecords(sender.db));
    expect(rowsMatchWinners(laptop.db, syncedEntities)).toBe(true);

    // Both edit it apart, then swap bundles: one winner on both, the other text kept as a conflict on both.
    setMeetingBiography(sender.db, 1, 1, 'The classified desk’s text.');
    setMeetingBiography(laptop.db, meetingThere, presidentThere, 'The laptop’s text.');
    const fromSender = exportBundle(sender.db, sender.keys, { summit: summitDocId(sender.db) }, { recipients: [laptop.keys.card] });
    const fromLaptop = exportBundle(laptop.db, laptop.keys, { summit: summitDocId(laptop.db) }, { recipients: [sender.keys.card] });
    expect(reviewBundle(laptop.db, laptop.keys, fromSender, natoScheme).summary.conflicting).toBe(1);
    importBundle(laptop.db, laptop.keys, fromSender);
    importBundle(sender.db, sender.keys, fromLaptop, { acceptSigner: true });
    const winner = listMeetingBiographies(sender.db, 1)[0]?.text;
    expect(['The classified desk’s text.', 'The laptop’s text.']).toContain(winner);
    expect(listMeetingBiographies(laptop.db, meetingThere)[0]?.text).toBe(winner);
    for (const each of [sender, laptop]) {
      const kept = each.db
        .prepare("SELECT D.doc_id FROM sync_branched AS B JOIN sync_doc AS D ON D.doc_id = B.doc_id WHERE D.entity = 'meeting_biography'")
        .pluck()
        .all();
      expect(kept).toHaveLength(1);
    }
  });
});
