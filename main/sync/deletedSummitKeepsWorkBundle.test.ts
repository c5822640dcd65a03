import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteRecord } from '../../db/deletions.ts';
import type { Db } from '../../db/open.ts';
import { syncedEntities } from '../../db/sync/history.ts';
import { rowsMatchWinners } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { type BundleSelection, exportBundle, importBundle } from './bundle.ts';
import { type DeskKeys, ensureDeskKeys } from './deskKeys.ts';

// deletedSummitKeepsWork.test.ts through bundles: an air-gapped desk holds a
// summit by bundle and wrote a note on it and an annotation on its meeting; the
// sherpa deletes the summit, and the summit's next bundle (its deletion and the
// closings of what was filed under it) reaches the air-gapped desk, which keeps
// its work unlinked, as the sherpa does, rather than losing it with the summit.

interface Desk {
  db: Db;
  keys: DeskKeys;
}

function desk(name: string): Desk {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-deleted-summit-bundle-'));
  const db = openScratchDatabase(path.join(folder, 'store.sqlite'));
  return { db, keys: ensureDeskKeys(db, name) };
}

/**
 * The sherpa's desk holding the Funafuti summit (with its Tuvalu bilateral and a note on the summit, as asked)
 * and an empty air-gapped desk; `bundle` carries the summit's records, or another selection, from one to the other.
 */
function deskPair(holding: { meeting?: boolean; note?: boolean }) {
  const sherpa = desk('Sherpa office');
  const airGapped = desk('Air-gapped desk');
  sherpa.db.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Smaller Island States Leaders', '2026-08-24', '2026-08-28', 'Pacific/Funafuti');
    ${holding.meeting ? `INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES (1, 1, 'Bilateral with Tuvalu', 'bilateral', '2026-08-24T21:00:00Z', 'Pacific/Funafuti');` : ''}
    ${holding.note ? `INSERT INTO note (summit_id, title, body) VALUES (1, 'Falepili treaty', 'Three paragraphs.');` : ''}
  `);
  const summit = sherpa.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = '1'`).pluck().get() as string;
  const bundle = (from: Desk, to: Desk, selection: BundleSelection = { summit }) =>
    exportBundle(from.db, from.keys, selection, { recipients: [to.keys.card] });
  return { sherpa, airGapped, bundle };
}

/** The work the officer finds: each note with what it is filed under, each meeting with its summit. */
const work = (db: Db) => ({
  notes: db
    .prepare(
      `SELECT N.body, S.title AS summit, M.title AS meeting FROM note AS N LEFT JOIN summit AS S ON S.id = N.summit_id
         LEFT JOIN meeting AS M ON M.id = N.meeting_id WHERE N.deleted_at IS NULL ORDER BY N.body`,
    )
    .all(),
  meetings: db
    .prepare('SELECT M.title, M.points_to_make, S.title AS summit FROM meeting AS M LEFT JOIN summit AS S ON S.id = M.summit_id')
    .all(),
  summits: db.prepare(`SELECT title FROM summit WHERE title LIKE 'Smaller%'`).pluck().all(),
});

describe('a summit deleted by its owner, reaching an air-gapped colleague by bundle', () => {
  it('leaves the colleague’s note, annotation and meeting text on the colleague’s desk, unlinked', () => {
    const { sherpa, airGapped, bundle } = deskPair({ meeting: true });
    importBundle(airGapped.db, airGapped.keys, bundle(sherpa, airGapped), { acceptSigner: true });
    airGapped.db.exec(`
      UPDATE meeting SET points_to_make = 'Thank Tuvalu; our points.';
      INSERT INTO note (summit_id, title, body) SELECT id, 'Falepili treaty', 'Three paragraphs.' FROM summit WHERE title LIKE 'Smaller%';
      INSERT INTO note (meeting_id, title, body) SELECT id, 'Ask', 'Raise the climate mobility visas.' FROM meeting;
    `);
    importBundle(sherpa.db, sherpa.keys, bundle(airGapped, sherpa), { acceptSigner: true });

    sherpa.db.transaction(() => deleteRecord(sherpa.db, 'summit', 1, false))();
    importBundle(airGapped.db, airGapped.keys, bundle(sherpa, airGapped));

    const kept = {
      notes: [
        { body: 'Raise the climate mobility visas.', summit: null, meeting: 'Bilateral with Tuvalu' },
        { body: 'Three paragraphs.', summit: null, meeting: null },
      ],
      meetings: [{ title: 'Bilateral with Tuvalu', points_to_make: 'Thank Tuvalu; our points.', summit: null }],
      summits: [],
    };
    expect(work(sherpa.db)).toEqual(kept);
    expect(work(airGapped.db)).toEqual(kept);
    expect(rowsMatchWinners(airGapped.db, syncedEntities)).toBe(true);
    // The summit's next bundle changes nothing.
    importBundle(airGapped.db, airGapped.keys, bundle(sherpa, airGapped));
    expect(work(airGapped.db)).toEqual(kept);
  });

  it('edited by the colleague while its owner deletes the summit: the edits are current on both desks, which hold the same', () => {
    const { sherpa, airGapped, bundle } = deskPair({ meeting: true, note: true });
    importBundle(airGapped.db, airGapped.keys, bundle(sherpa, airGapped), { acceptSigner: true });
    importBundle(sherpa.db, sherpa.keys, bundle(airGapped, sherpa), { acceptSigner: true });

    // Both at once, neither having heard of the other's change.
    airGapped.db.exec(`
      UPDATE meeting SET points_to_make = 'Thank Tuvalu; our points.';
      UPDATE note SET body = 'Three paragraphs, and a fourth on the sea-level clause.';
    `);
    const fromAirGapped = bundle(airGapped, sherpa);
    sherpa.db.transaction(() => deleteRecord(sherpa.db, 'summit', 1, false))();
    importBundle(airGapped.db, airGapped.keys, bundle(sherpa, airGapped));
    importBundle(sherpa.db, sherpa.keys, fromAirGapped);
    importBundle(airGapped.db, airGapped.keys, bundle(sherpa, airGapped));

    const onSherpa = work(sherpa.db);
    expect(onSherpa.notes.map((note) => (note as { body: string }).body)).toEqual([
      'Three paragraphs, and a fourth on the sea-level clause.',
    ]);
    expect(onSherpa.meetings.map((meeting) => (meeting as { points_to_make: string }).points_to_make)).toEqual([
      'Thank Tuvalu; our points.',
    ]);
    expect(work(airGapped.db)).toEqual(onSherpa);
    for (const each of [sherpa, airGapped]) expect(rowsMatchWinners(each.db, syncedEntities)).toBe(true);
  });

  it('deleted on both desks at once: each desk’s unlink of the note meets the other’s, and the note stays', () => {
    const { sherpa, airGapped, bundle } = deskPair({ note: true });
    const all = (from: Desk, to: Desk) => bundle(from, to, 'everything');
    importBundle(airGapped.db, airGapped.keys, all(sherpa, airGapped), { acceptSigner: true });
    importBundle(sherpa.db, sherpa.keys, all(airGapped, sherpa), { acceptSigner: true });
    for (const each of [sherpa, airGapped]) each.db.transaction(() => deleteRecord(each.db, 'summit', 1, false))();
    const fromAirGapped = all(airGapped, sherpa);
    importBundle(airGapped.db, airGapped.keys, all(sherpa, airGapped));
    importBundle(sherpa.db, sherpa.keys, fromAirGapped);
    importBundle(airGapped.db, airGapped.keys, all(sherpa, airGapped));

    const kept = { notes: [{ body: 'Three paragraphs.', summit: null, meeting: null }], meetings: [], summits: [] };
    expect(work(sherpa.db)).toEqual(kept);
    expect(work(airGapped.db)).toEqual(kept);
    // The same version of it on both: neither unlink closed the other's, which would have ended the note's
    // every branch but a copy one desk alone wrote.
    const winners = (db: Db) => db.prepare(`SELECT doc_id, rev FROM sync_doc WHERE entity = 'note'`).all();
    expect(winners(airGapped.db)).toEqual(winners(sherpa.db));
    for (const each of [sherpa, airGapped]) expect(rowsMatchWinners(each.db, syncedEntities)).toBe(true);
  });

  it('a meeting deleted by its owner leaves the colleague’s annotation on it on the colleague’s desk, unlinked', () => {
    const { sherpa, airGapped, bundle } = deskPair({ meeting: true });
    importBundle(airGapped.db, airGapped.keys, bundle(sherpa, airGapped), { acceptSigner: true });
    airGapped.db.exec(`INSERT INTO note (meeting_id, title, body) SELECT id, 'Ask', 'Raise the climate mobility visas.' FROM meeting`);
    importBundle(sherpa.db, sherpa.keys, bundle(airGapped, sherpa), { acceptSigner: true });

    sherpa.db.transaction(() => deleteRecord(sherpa.db, 'meeting', 1, false))();
    importBundle(airGapped.db, airGapped.keys, bundle(sherpa, airGapped));

    const kept = {
      notes: [{ body: 'Raise the climate mobility visas.', summit: null, meeting: null }],
      meetings: [],
      summits: ['Smaller Island States Leaders'],
    };
    expect(work(sherpa.db)).toEqual(kept);
    expect(work(airGapped.db)).toEqual(kept);
    expect(rowsMatchWinners(airGapped.db, syncedEntities)).toBe(true);
  });
});
