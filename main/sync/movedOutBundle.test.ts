import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { listConflicts } from '../../db/sync/conflicts.ts';
import { syncedEntities } from '../../db/sync/history.ts';
import { rowsMatchWinners } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { exportBundle, importBundle } from './bundle.ts';
import { type DeskKeys, ensureDeskKeys } from './deskKeys.ts';

// The air-gapped desk takes the Johannesburg summit only, by bundle; the
// sherpa's desk moves a meeting (with its follow-up and note) to the Cape Town
// ministerial. The next Johannesburg bundle takes it out of the air-gapped
// desk's copy, carrying none of what it now says in the other summit; a desk
// taking both summits' bundles keeps it.

interface Desk {
  db: Db;
  keys: DeskKeys;
}

function desk(name: string): Desk {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-moved-bundle-')), 'store.sqlite');
  const db = openScratchDatabase(file);
  return { db, keys: ensureDeskKeys(db, name) };
}

const summitDocId = (db: Db, title: string) =>
  db
    .prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = (SELECT CAST(id AS TEXT) FROM summit WHERE title = ?)`)
    .pluck()
    .get(title) as string;
const meetingsOf = (db: Db, title: string) =>
  db
    .prepare('SELECT M.title FROM meeting AS M JOIN summit AS S ON S.id = M.summit_id WHERE S.title = ? ORDER BY M.title')
    .pluck()
    .all(title);
const texts = (db: Db) => ({
  followUps: db.prepare('SELECT description FROM follow_up ORDER BY description').pluck().all(),
  notes: db.prepare('SELECT body FROM note ORDER BY body').pluck().all(),
});

describe("a summit's bundle after one of its meetings moved to another summit", () => {
  it('takes the meeting and what hangs on it out of a desk holding that summit only, and a desk holding both keeps it', () => {
    const sherpa = desk('Pretoria sherpa');
    const airGapped = desk('Air-gapped desk');
    const both = desk('Deputy sherpa');
    sherpa.db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
        (1, 'G20 Johannesburg', '2025-11-22', '2025-11-23', 'Africa/Johannesburg'),
        (2, 'G20 Cape Town ministerial', '2025-10-01', '2025-10-02', 'Africa/Johannesburg');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification) VALUES
        (1, 1, 'Bilateral with Brazil', 'bilateral', '2025-11-22T08:00:00Z', 'Africa/Johannesburg', 'NATO RESTRICTED'),
        (2, 1, 'Bilateral with Korea', 'bilateral', '2025-11-22T10:00:00Z', 'Africa/Johannesburg', 'NATO RESTRICTED');
      INSERT INTO follow_up (meeting_id, description, owner, status, classification) VALUES (1, 'Send the debt readout', 'Desk', 'open', 'NATO RESTRICTED');
      INSERT INTO note (meeting_id, title, body, classification) VALUES (1, 'Points', 'Debt relief first.', 'NATO RESTRICTED');
    `);
    const johannesburg = summitDocId(sherpa.db, 'G20 Johannesburg');
    const capeTown = summitDocId(sherpa.db, 'G20 Cape Town ministerial');
    const bundleOf = (summit: string, to: Desk) => exportBundle(sherpa.db, sherpa.keys, { summit }, { recipients: [to.keys.card] });
    importBundle(airGapped.db, airGapped.keys, bundleOf(johannesburg, airGapped), { acceptSigner: true });
    importBundle(both.db, both.keys, bundleOf(johannesburg, both), { acceptSigner: true });
    importBundle(both.db, both.keys, bundleOf(capeTown, both));
    expect(meetingsOf(airGapped.db, 'G20 Johannesburg')).toEqual(['Bilateral with Brazil', 'Bilateral with Korea']);
    expect(texts(airGapped.db)).toEqual({ followUps: ['Send the debt readout'], notes: ['Debt relief first.'] });

    sherpa.db.exec(`UPDATE meeting SET summit_id = 2, purpose = 'Moved to the ministerial: finance track only.' WHERE id = 1`);
    const johannesburgAgain = bundleOf(johannesburg, airGapped);
    importBundle(airGapped.db, airGapped.keys, johannesburgAgain);
    expect(meetingsOf(airGapped.db, 'G20 Johannesburg')).toEqual(['Bilateral with Korea']);
    expect(texts(airGapped.db)).toEqual({ followUps: [], notes: [] });
    // Nothing the meeting now says in the other summit reached a desk that does not hold that summit.
    expect(JSON.stringify(airGapped.db.prepare('SELECT body FROM sync_rev').pluck().all())).not.toContain('finance track only');
    expect(rowsMatchWinners(airGapped.db, syncedEntities)).toBe(true);

    // The deputy takes both summits' bundles, the one it left first: the meeting is in Cape Town, whole.
    importBundle(both.db, both.keys, bundleOf(johannesburg, both));
    importBundle(both.db, both.keys, bundleOf(capeTown, both));
    expect(meetingsOf(both.db, 'G20 Johannesburg')).toEqual(['Bilateral with Korea']);
    expect(meetingsOf(both.db, 'G20 Cape Town ministerial')).toEqual(['Bilateral with Brazil']);
    expect(texts(both.db)).toEqual({ followUps: ['Send the debt readout'], notes: ['Debt relief first.'] });
    expect(rowsMatchWinners(both.db, syncedEntities)).toBe(true);
  });

  it('a follow-up edited on one desk while its meeting moves on another keeps the edit, and no conflict is shown', () => {
    const sherpa = desk('Pretoria sherpa');
    const laptop = desk('Laptop flown to São Paulo');
    sherpa.db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
        (1, 'G20 Johannesburg', '2025-11-22', '2025-11-23', 'Africa/Johannesburg'),
        (2, 'G20 Cape Town ministerial', '2025-10-01', '2025-10-02', 'Africa/Johannesburg');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES
        (1, 1, 'Bilateral with Brazil', 'bilateral', '2025-11-22T08:00:00Z', 'Africa/Johannesburg');
      INSERT INTO follow_up (id, meeting_id, description, owner, status) VALUES (1, 1, 'Send the debt readout', 'Desk', 'open');
    `);
    importBundle(laptop.db, laptop.keys, exportBundle(sherpa.db, sherpa.keys, 'everything', { recipients: [laptop.keys.card] }), {
      acceptSigner: true,
    });
    laptop.db.exec(`UPDATE follow_up SET description = 'Send the debt readout to Brasília by Friday'`);
    sherpa.db.exec('UPDATE meeting SET summit_id = 2 WHERE id = 1');
    const toLaptop = exportBundle(sherpa.db, sherpa.keys, 'everything', { recipients: [laptop.keys.card] });
    const toSherpa = exportBundle(laptop.db, laptop.keys, 'everything', { recipients: [sherpa.keys.card] });
    importBundle(laptop.db, laptop.keys, toLaptop);
    importBundle(sherpa.db, sherpa.keys, toSherpa, { acceptSigner: true });
    // Each desk settles what it received at its next exchange; one more round each way carries that.
    importBundle(laptop.db, laptop.keys, exportBundle(sherpa.db, sherpa.keys, 'everything', { recipients: [laptop.keys.card] }));
    importBundle(sherpa.db, sherpa.keys, exportBundle(laptop.db, laptop.keys, 'everything', { recipients: [sherpa.keys.card] }));
    for (const each of [sherpa, laptop]) {
      expect(meetingsOf(each.db, 'G20 Cape Town ministerial')).toEqual(['Bilateral with Brazil']);
      expect(texts(each.db).followUps).toEqual(['Send the debt readout to Brasília by Friday']);
      expect(listConflicts(each.db)).toEqual([]);
      expect(rowsMatchWinners(each.db, syncedEntities)).toBe(true);
    }
  });
});
