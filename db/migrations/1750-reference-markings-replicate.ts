import { createHash } from 'node:crypto';
import type { Migration } from './index.ts';

// Migration 1020 gave countries and programmes a marking, after 0400 had
// written each synced table's triggers from its columns: the revisions those
// triggers write never held the marking. A country's note marked NATO
// RESTRICTED reached colleagues (and bundles) unmarked, and a marking changed
// alone wrote no revision at all. The four triggers are rewritten from their
// own text with the marking as the last field of the body, as 0400 would have
// written it; a trigger that does not read as expected stops the migration.
//
// A record already marked here gets one revision carrying its marking, so it
// travels without waiting for its next edit. Its id is derived from the
// record, the revision it follows and its text, not drawn at random: desks
// upgrading the same record with the same marking (the bundled sample's,
// say) write the same revision, and no conflict appears between them.

const markedTables = ['country', 'programme'] as const;

/** The body's last field in 0400's triggers: the source's global id, then the end of json_object. */
const lastField = "'source_id', (SELECT doc_id FROM sync_doc WHERE entity = 'source' AND row_key = CAST(NEW.source_id AS TEXT)))";
const withMarking = `${lastField.slice(0, -1)}, 'classification', NEW.classification)`;

/** How many bodies each trigger builds: an insert writes one, an update also compares one with the winner's. */
const bodiesIn = { insert: 1, update: 2 } as const;

export const referenceMarkingsReplicate: Migration = {
  version: 1750,
  name: "countries' and programmes' markings travel with their revisions",
  up(db) {
    for (const table of markedTables) {
      for (const [event, count] of Object.entries(bodiesIn)) {
        const name = `sync_${table}_${event}`;
        const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined;
        const parts = sql?.split(lastField) ?? [];
        if (sql === undefined || parts.length !== count + 1 || sql.includes("'classification'"))
          throw new Error(`Trigger ${name} does not build its revision's body as migration 0400 wrote it.`);
        db.exec(`DROP TRIGGER ${name}`);
        db.exec(parts.join(withMarking));
      }
      const unsent = db
        .prepare(
          `SELECT D.doc_id AS docId, D.rev AS rev, R.body AS body, T.classification AS marking
             FROM ${table} AS T
             JOIN sync_doc AS D ON D.entity = '${table}' AND D.row_key = CAST(T.id AS TEXT) AND D.deleted = 0
             JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev
            WHERE T.classification <> '' AND R.body IS NOT NULL AND json_type(R.body, '$.classification') IS NULL
            ORDER BY T.id`,
        )
        .all() as { docId: string; rev: string; body: string; marking: string }[];
      const insertRevision = db.prepare('INSERT INTO sync_rev (doc_id, rev, parent, deleted, body) VALUES (?, ?, ?, 0, ?)');
      const makeWinner = db.prepare('UPDATE sync_doc SET rev = ? WHERE doc_id = ?');
      for (const record of unsent) {
        const body = JSON.stringify({ ...(JSON.parse(record.body) as Record<string, unknown>), classification: record.marking });
        const hash = createHash('sha256').update(`sherpa-1750:${record.docId}:${record.rev}:${body}`).digest('hex').slice(0, 32);
        const rev = `${Number.parseInt(record.rev, 10) + 1}-${hash}`;
        insertRevision.run(record.docId, rev, record.rev, body);
        makeWinner.run(rev, record.docId);
      }
    }
  },
};
