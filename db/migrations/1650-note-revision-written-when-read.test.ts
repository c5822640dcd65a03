import { describe, expect, it } from 'vitest';
import { createNote, saveNote, trashNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { summits } from '../summits.ts';
import { syncPrepare, writePendingNoteRevisions } from '../sync/pendingNotes.ts';
import { openScratchDatabase, treesANoteSaveWrites } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1650);
const content = { title: 'After the call', body: 'The reply is expected next week.', tags: ['follow-up'], classification: '' };

function storeAt(list: typeof migrations): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, list);
  return db;
}

/** Each record's revision tree with the random part of each id left out, and the author's desk, read as replication reads it. */
function trees(db: Db) {
  const generation = (rev: string | null) => (rev === null || rev === '' ? null : Number.parseInt(rev, 10));
  const docs = syncPrepare(db, 'SELECT doc_id, entity, row_key, rev, deleted FROM sync_doc ORDER BY entity, row_key').all() as {
    doc_id: string;
    entity: string;
    row_key: string | null;
    rev: string;
    deleted: number;
  }[];
  return docs.map((doc) => {
    const revisions = syncPrepare(db, 'SELECT rev, parent, deleted, body, author FROM sync_rev WHERE doc_id = ? ORDER BY seq').all(
      doc.doc_id,
    ) as { rev: string; parent: string | null; deleted: number; body: string | null; author: string | null }[];
    // The summit's own id is random: its kind is compared.
    const home = syncPrepare(db, "SELECT substr(home, 1, instr(home || ':', ':')) FROM sync_home WHERE doc_id = ?").pluck().get(doc.doc_id);
    return {
      record: `${doc.entity}/${doc.row_key}`,
      deleted: doc.deleted,
      winner: generation(doc.rev),
      winnerIsLast: revisions.at(-1)?.rev === doc.rev,
      home,
      revisions: revisions.map((revision) => ({
        generation: generation(revision.rev),
        parentKnown: revision.parent === null || revisions.some((other) => other.rev === revision.parent),
        deleted: revision.deleted,
        text: revision.body === null ? null : (JSON.parse(revision.body).body ?? JSON.parse(revision.body).title),
        authored: revision.author === null ? null : Object.keys(JSON.parse(revision.author)).sort(),
      })),
    };
  });
}

/** A summit and notes written, saved, written without a change, trashed and deleted; `read` runs between saves. */
function write(db: Db, round: number, read: () => void): void {
  const summitId = summits.insert(db, {
    title: `Maritime dialogue ${round}`,
    city: '',
    countryId: null,
    startDate: '2024-01-01',
    endDate: '2024-01-01',
    timeZone: 'UTC',
    description: '',
    sourceId: null,
    classification: '',
  });
  summits.update(db, summitId, { city: 'Busan' });
  const kept = createNote(db, { sectorEntryId: null, meetingId: null }, { ...content, title: `Kept ${round}` });
  let version = kept.version;
  for (const body of ['Second thoughts', 'Third thoughts']) {
    version = saveNote(db, kept.id, version, { ...content, body }).version;
    read();
  }
  db.prepare('UPDATE note SET version = version, summit_id = ? WHERE id = ?').run(summitId, kept.id);
  read();
  db.prepare('UPDATE note SET version = version WHERE id = ?').run(kept.id);
  read();
  const binned = createNote(db, { sectorEntryId: null, meetingId: null }, { ...content, title: `Binned ${round}` });
  trashNote(db, binned.id);
  db.prepare('DELETE FROM note WHERE id = ?').run(binned.id);
}

describe('migration 1650', () => {
  it('a store with data migrates, and with revisions read after each save, writes leave the same trees, homes and authors as before', () => {
    const [old, migrated] = [storeAt(before), storeAt(before)];
    for (const db of [old, migrated]) write(db, 1, () => {});
    // Not past 2750, which gives summits' own records a home of their own on purpose.
    migrate(
      migrated,
      migrations.filter((migration) => migration.version < 2750),
    );
    expect(migrated.prepare('SELECT count(*) FROM sync_note_pending').pluck().get()).toBe(0);
    for (const db of [old, migrated]) db.transaction(() => write(db, 2, () => writePendingNoteRevisions(db)))();

    expect(trees(migrated)).toEqual(trees(old));
    const kept = trees(migrated).find((tree) => tree.record === 'note/3');
    // Made, saved twice, moved to the summit, written once without a change: four revisions, the last one winning.
    expect(kept?.revisions.map((revision) => revision.text)).toEqual([
      'The reply is expected next week.',
      'Second thoughts',
      'Third thoughts',
      'Third thoughts',
    ]);
    expect(kept?.winnerIsLast).toBe(true);
  });

  it('a save writes the note, its history and two marks, and none of the replication tables', () => {
    const written = treesANoteSaveWrites(storeAt(migrations.filter((migration) => migration.version <= 1650)));
    expect(treesANoteSaveWrites(storeAt(before))).toEqual(expect.arrayContaining(['sync_rev', 'sync_home', 'sync_doc']));
    expect(written).toEqual(expect.arrayContaining(['note', 'note_search_pending', 'sync_note_pending']));
    expect(written.filter((tree) => /^sync_(rev|doc|home)|^sqlite_autoindex_sync|^sqlite_sequence$/.test(tree))).toEqual([]);
  });
});
