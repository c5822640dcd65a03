import path from 'node:path';
import type { Db } from '../db/open.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../db/testing.ts';
import { storeFileName } from '../main/store.ts';
import { exportBundle, importBundle } from '../main/sync/bundle.ts';
import { ensureDeskKeys } from '../main/sync/deskKeys.ts';

// Two desks that really diverged: desk A (the store the harness will open)
// and desk B (a scratch store) share the sample through a signed bundle, both
// edit the same records while apart, and B's bundle comes back to A. A then
// holds CouchDB's winner of each record with the other desk's version kept.

interface Edits {
  meetingTitle: [string, string];
  noteBody: [string, string];
}

export interface SeededConflict {
  meetingId: number;
  noteId: number;
  /** The meeting title A shows after the exchange, and the one kept beside it. */
  shownTitle: string;
  otherTitle: string;
  /** The portion mark of the version shown: desk B's version is marked higher. */
  shownMark: string;
}

const rowOf = (db: Db, docId: string) => Number(db.prepare('SELECT row_key FROM sync_doc WHERE doc_id = ?').pluck().get(docId));
const docOf = (db: Db, entity: string, rowId: number) =>
  db.prepare('SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, String(rowId)) as string;

export function seedConflicts(dataDir: string, edits: Edits): SeededConflict {
  const a = openScratchDatabase(path.join(dataDir, storeFileName));
  const b = openScratchDatabase();
  try {
    loadSampleIfEmpty(a);
    const deskA = ensureDeskKeys(a, 'Country desk');
    const deskB = ensureDeskKeys(b, 'Sherpa office');
    importBundle(b, deskB, exportBundle(a, deskA, 'everything', { recipients: [deskB.card] }), { acceptSigner: true });

    const meetingId = a.prepare(`SELECT id FROM meeting WHERE title LIKE '%Stoltenberg%' ORDER BY id LIMIT 1`).pluck().get() as number;
    a.prepare(`INSERT INTO note (title, body, classification) VALUES ('Seating plan', 'Agreed seating', 'NATO UNCLASSIFIED')`).run();
    const noteId = a.prepare('SELECT max(id) FROM note').pluck().get() as number;
    importBundle(b, deskB, exportBundle(a, deskA, 'everything', { recipients: [deskB.card] }));
    const meetingDoc = docOf(a, 'meeting', meetingId);
    const noteDoc = docOf(a, 'note', noteId);

    // Desk B also raises the marking and both add a point: the merge has a marking and a long text to settle.
    a.prepare(`UPDATE meeting SET title = ?, points_to_make = points_to_make || ? WHERE id = ?`).run(
      edits.meetingTitle[0],
      '\n- Welcome the opening of the Korean mission to NATO (November 2022).',
      meetingId,
    );
    b.prepare(`UPDATE meeting SET title = ?, classification = 'NATO RESTRICTED', points_to_make = points_to_make || ? WHERE id = ?`).run(
      edits.meetingTitle[1],
      '\n- Thank the Republic of Korea for its support to Ukraine.',
      rowOf(b, meetingDoc),
    );
    a.prepare('UPDATE note SET body = ? WHERE id = ?').run(edits.noteBody[0], noteId);
    b.prepare(`UPDATE note SET body = ?, classification = 'NATO RESTRICTED' WHERE id = ?`).run(edits.noteBody[1], rowOf(b, noteDoc));

    importBundle(a, deskA, exportBundle(b, deskB, 'everything', { recipients: [deskA.card] }), { acceptSigner: true });
    const shown = a.prepare('SELECT title, classification FROM meeting WHERE id = ?').get(meetingId) as {
      title: string;
      classification: string;
    };
    const shownTitle = shown.title;
    const otherTitle = edits.meetingTitle.find((title) => title !== shownTitle) ?? '';
    a.pragma('wal_checkpoint(TRUNCATE)');
    return { meetingId, noteId, shownTitle, otherTitle, shownMark: shown.classification === 'NATO RESTRICTED' ? '(NR)' : '(NU)' };
  } finally {
    a.close();
    b.close();
  }
}
