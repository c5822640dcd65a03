import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createNote, saveNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { allRecordIds, historiesOf, syncedEntities } from '../../db/sync/history.ts';
import { rowsMatchWinners, storeByRecordIds, storeSnapshot } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { BundleImportError, exportBundle, type ImportProgress, importBundle, importBundleInSlices } from './bundle.ts';
import { sealBundle } from './bundleCrypto.ts';
import { type DeskKeys, ensureDeskKeys } from './deskKeys.ts';

// A large bundle is merged a slice at a time, each its own transaction, so the
// desk answers its officer between slices; every check still comes first.

interface Desk {
  db: Db;
  keys: DeskKeys;
}

function desk(name: string): Desk {
  const db = openScratchDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-slices-')), 'store.sqlite'));
  return { db, keys: ensureDeskKeys(db, name) };
}

/** A summit with a meeting and a dozen notes: enough records for several slices of two. */
function sender(): Desk {
  const a = desk('Desk A');
  a.db.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification)
      VALUES (1, 1, 'Pull-aside with Finland', 'pull-aside', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'NATO CONFIDENTIAL');
  `);
  for (let index = 1; index <= 12; index += 1)
    a.db.prepare('INSERT INTO note (meeting_id, title, body) VALUES (1, ?, ?)').run(`Point ${index}`, `Line to take number ${index}`);
  a.db.prepare('DELETE FROM note WHERE title = ?').run('Point 12');
  return a;
}

const consistent = (db: Db) => {
  expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  expect(rowsMatchWinners(db, syncedEntities)).toBe(true);
};

describe('a bundle imported a slice at a time', () => {
  it('lets a note be saved while it merges, tells how far it is, and ends as an import in one go', async () => {
    const a = sender();
    const b = desk('Desk B');
    const reference = desk('Desk C');
    const file = exportBundle(a.db, a.keys, 'everything', { recipients: [b.keys.card, reference.keys.card] });
    importBundle(reference.db, reference.keys, file, { acceptSigner: true });

    const own = createNote(b.db, { meetingId: null, sectorEntryId: null }, { title: 'Typing', body: '', tags: [], classification: '' });
    const progress: ImportProgress[] = [];
    let savedWhileImporting = false;
    const importing = importBundleInSlices(b.db, b.keys, file, {
      acceptSigner: true,
      perSlice: 2,
      onProgress: (step) => progress.push(step),
    });
    let finished = false;
    void importing.then(() => {
      finished = true;
    });
    // The officer's save, asked for once the import has begun: it must not wait for the import's end.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        saveNote(b.db, own.id, own.version, { title: 'Typing', body: 'typed meanwhile', tags: [], classification: '' });
        savedWhileImporting = !finished;
        resolve();
      }),
    );
    const summary = await importing;
    expect(savedWhileImporting).toBe(true);
    const merging = progress.filter((step) => step.phase === 'merging');
    expect(merging.length).toBeGreaterThan(3);
    expect(merging.at(-1)).toMatchObject({ done: merging[0]?.total, total: merging[0]?.total });
    expect(progress.findIndex((step) => step.phase === 'merging')).toBeGreaterThan(
      progress.findLastIndex((step) => step.phase === 'checking'),
    );
    expect(summary.new).toBe(merging[0]?.total);
    // Desk B's own note aside, it holds what a desk importing in one go holds.
    const ownDoc = b.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = ?`).pluck().get(String(own.id)) as string;
    const { note_revision: _b, ...withOwn } = storeByRecordIds(b.db);
    const atB = Object.fromEntries(Object.entries(withOwn).map(([table, rows]) => [table, rows.filter((row) => !row.includes(ownDoc))]));
    const { note_revision: _r, ...atReference } = storeByRecordIds(reference.db);
    expect(atB).toEqual(atReference);
    // Slices sized from how long the last took (the app's way), starting small: every record still merged once.
    const adaptive = desk('Desk D');
    const again = exportBundle(a.db, a.keys, 'everything', { recipients: [adaptive.keys.card, reference.keys.card] });
    const sliced = await importBundleInSlices(adaptive.db, adaptive.keys, again, { acceptSigner: true, firstSlice: 2 });
    expect(sliced.new).toBe(merging[0]?.total);
    const { note_revision: _d, ...atAdaptive } = storeByRecordIds(adaptive.db);
    expect(atAdaptive).toEqual(atReference);
  });

  it('refuses a bundle whose last record is malformed before writing its first', async () => {
    const a = sender();
    const b = desk('Desk B');
    const records = historiesOf(a.db, allRecordIds(a.db));
    const last = records.at(-1);
    if (!last) throw new Error('no records');
    records[records.length - 1] = { ...last, revisions: last.revisions.map((revision) => ({ ...revision, rev: 'not-a-revision' })) };
    const file = sealBundle(a.keys, zlib.gzipSync(JSON.stringify({ records })), { recipients: [b.keys.card] });
    const before = storeSnapshot(b.db);
    // Refused as the bundle's own refusal, which the page words in the user's language.
    await expect(importBundleInSlices(b.db, b.keys, file, { acceptSigner: true, perSlice: 2 })).rejects.toMatchObject({
      code: 'bad-content',
    });
    expect(storeSnapshot(b.db)).toEqual(before);
  });

  it('leaves a consistent store when stopped part way, completes when imported again, and changes nothing a third time', async () => {
    const a = sender();
    const b = desk('Desk B');
    const reference = desk('Desk C');
    const file = exportBundle(a.db, a.keys, 'everything', { recipients: [b.keys.card, reference.keys.card] });
    importBundle(reference.db, reference.keys, file, { acceptSigner: true });
    let slices = 0;
    await expect(
      importBundleInSlices(b.db, b.keys, file, {
        acceptSigner: true,
        perSlice: 2,
        onProgress: (step) => {
          if (step.phase === 'merging' && ++slices === 3) throw new Error('the desk lost power');
        },
      }),
    ).rejects.toThrow('the desk lost power');
    consistent(b.db);
    expect(b.db.prepare('SELECT count(*) FROM sync_doc').pluck().get()).toBe(6);
    expect(b.db.prepare('SELECT count(*) FROM sync_bundle_received').pluck().get()).toBe(0);

    await importBundleInSlices(b.db, b.keys, file, { perSlice: 2 });
    consistent(b.db);
    expect(storeByRecordIds(b.db)).toEqual(storeByRecordIds(reference.db));
    const after = storeSnapshot(b.db);
    await expect(importBundleInSlices(b.db, b.keys, file, { perSlice: 2 })).rejects.toBeInstanceOf(BundleImportError);
    expect(storeSnapshot(b.db)).toEqual(after);
  });
});
