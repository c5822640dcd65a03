import { createHash } from 'node:crypto';
import { fillPartitionFeed } from '../migrations/0700-sync-partition-feed.ts';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';
import { syncStatement } from './pendingNotes.ts';

// Every desk starts from the same bundled sample. Given random replication
// ids, two desks sharing reference data would each receive the other's copy:
// its people twice, its countries held back as clashes. So the sample's
// records get ids and revisions derived from what they are (the same on
// every desk), and replication finds them already there.

const label = 'sherpa-sample-vilnius-2023';
const hex32 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Renames every record of a store that holds only the sample just loaded (in the caller's transaction). */
export function giveSampleSharedIdentity(db: Db): void {
  const hasSync = statement(db, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_doc'`).pluck().get() === 1;
  if (!hasSync) return;
  const docs = syncStatement(db, 'SELECT doc_id AS docId, entity, row_key AS rowKey FROM sync_doc').all() as {
    docId: string;
    entity: string;
    rowKey: string | null;
  }[];
  const renamed = new Map<string, string>();
  const pairKeyed = new Set(['meeting_participant', 'meeting_biography']);
  for (const doc of docs)
    if (!pairKeyed.has(doc.entity)) renamed.set(doc.docId, `${doc.entity}:${hex32(`${label}:${doc.entity}:${doc.rowKey}`)}`);
  // A participant's id, and a meeting's own biography's (1850), is its meeting's and person's: `meeting_participant:<meeting>.<person>`.
  const uuid = (docId: string) => docId.slice(docId.indexOf(':') + 1);
  for (const doc of docs) {
    if (!pairKeyed.has(doc.entity)) continue;
    const [meeting = '', person = ''] = uuid(doc.docId).split('.');
    const newMeeting = renamed.get(`meeting:${meeting}`);
    const newPerson = renamed.get(`person:${person}`);
    if (newMeeting && newPerson) renamed.set(doc.docId, `${doc.entity}:${uuid(newMeeting)}.${uuid(newPerson)}`);
  }
  const revisions = syncStatement(db, 'SELECT seq, doc_id AS docId, rev, body FROM sync_rev ORDER BY seq').all() as {
    seq: number;
    docId: string;
    rev: string;
    body: string | null;
  }[];
  db.pragma('defer_foreign_keys = ON');
  const newRevs = new Map<string, string>();
  for (const revision of revisions) {
    const docId = renamed.get(revision.docId) ?? revision.docId;
    const position = Number.parseInt(revision.rev, 10);
    const rev = `${position}-${hex32(`${label}:${docId}:${position}`)}`;
    newRevs.set(`${revision.docId} ${revision.rev}`, rev);
    const body =
      revision.body === null
        ? null
        : JSON.stringify(
            Object.fromEntries(
              Object.entries(JSON.parse(revision.body) as Record<string, unknown>).map(([field, value]) => [
                field,
                typeof value === 'string' ? (renamed.get(value) ?? value) : value,
              ]),
            ),
          );
    syncStatement(db, 'UPDATE sync_rev SET doc_id = ?, rev = ?, body = ? WHERE seq = ?').run(docId, rev, body, revision.seq);
  }
  for (const revision of revisions) {
    const docId = renamed.get(revision.docId) ?? revision.docId;
    const position = Number.parseInt(revision.rev, 10);
    if (position > 1)
      syncStatement(db, 'UPDATE sync_rev SET parent = ? WHERE doc_id = ? AND rev = ?').run(
        `${position - 1}-${hex32(`${label}:${docId}:${position - 1}`)}`,
        docId,
        newRevs.get(`${revision.docId} ${revision.rev}`),
      );
  }
  // The sample is the same on every desk: no desk wrote it, whichever loaded it first.
  const hasAuthors = (db.pragma('table_info(sync_rev)') as { name: string }[]).some((column) => column.name === 'author');
  if (hasAuthors) syncStatement(db, 'UPDATE sync_rev SET author = NULL').run();
  for (const doc of docs) {
    const state = syncStatement(db, 'SELECT rev FROM sync_doc WHERE doc_id = ?').pluck().get(doc.docId) as string;
    syncStatement(db, 'UPDATE sync_doc SET doc_id = ?, rev = ? WHERE doc_id = ?').run(
      renamed.get(doc.docId) ?? doc.docId,
      newRevs.get(`${doc.docId} ${state}`) ?? state,
      doc.docId,
    );
  }
  // Where each record replicates follows from its id and the ids its text names: all of them changed.
  if (statement(db, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_home'`).pluck().get() === 1)
    fillPartitionFeedOfAnySchema(db);
}

/**
 * Migration 0700's way of placing every record, on a store of any schema since: from 1350 the feeds' clock
 * is a row of sqlite_sequence, and 0700's statements find it as a temporary table of the old name meanwhile.
 */
function fillPartitionFeedOfAnySchema(db: Db): void {
  if (statement(db, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_feed_clock'`).pluck().get() === 1) {
    fillPartitionFeed(db);
    return;
  }
  db.exec(`
    CREATE TEMP TABLE sync_feed_clock (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
    INSERT INTO temp.sync_feed_clock (id, seq) SELECT 1, seq FROM sqlite_sequence WHERE name = 'sync_feed_clock';
  `);
  try {
    fillPartitionFeed(db);
    // Moves the triggers made meanwhile counted on the row itself: the clock keeps the larger of the two.
    db.exec(`UPDATE sqlite_sequence SET seq = max(seq, (SELECT seq FROM temp.sync_feed_clock)) WHERE name = 'sync_feed_clock'`);
  } finally {
    db.exec('DROP TABLE temp.sync_feed_clock');
  }
}
