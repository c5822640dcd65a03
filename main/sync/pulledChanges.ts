import type { Db } from '../../db/open.ts';
import { recordsChangedAfter } from '../../db/sync/account.ts';
import { isSyncedEntity, type SyncedEntity } from '../../db/sync/history.ts';
import { syncStatement } from '../../db/sync/pendingNotes.ts';
import type { ChangedEntity, Touched } from '../../shared/contract.ts';
import { recordKindOfTable } from '../../shared/recordKinds.ts';

// Records a merge wrote into their tables are news for every open window, as
// a save is: the same change event, so a view refetches just what it shows.

/** The entity windows know a synced table's rows by: a participant or a meeting's own biography is part of its meeting's brief. */
export function changedEntityOf(table: SyncedEntity): ChangedEntity {
  return table === 'meeting_participant' || table === 'meeting_biography' ? 'meeting' : recordKindOfTable[table];
}

/** A record's row and winner; for a meeting's own biography, its meeting's row, named in its global id (`meeting_biography:<meeting>.<person>`). */
export type RowKeys = Map<string, { entity: string; rowKey: string | null; rev: string; meetingRowKey?: string | null }>;

/** The records' rows and winners, read in one statement (a merged slice's, before and after it). */
export function rowKeysOf(db: Db, docIds: readonly string[]): RowKeys {
  const unique = [...new Set(docIds)];
  const rows = syncStatement(
    db,
    `SELECT D.doc_id AS docId, D.entity, D.row_key AS rowKey, D.rev,
       CASE D.entity WHEN 'meeting_biography' THEN (SELECT M.row_key FROM sync_doc AS M
         WHERE M.doc_id = 'meeting:' || substr(D.doc_id, 19, instr(D.doc_id, '.') - 19)) END AS meetingRowKey
     FROM sync_doc AS D WHERE D.doc_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(unique)) as { docId: string; entity: string; rowKey: string | null; rev: string; meetingRowKey: string | null }[];
  const known = new Map(rows.map(({ docId, ...row }) => [docId, row]));
  const keys: RowKeys = new Map();
  for (const docId of unique) keys.set(docId, known.get(docId) ?? { entity: docId.slice(0, docId.indexOf(':')), rowKey: null, rev: '' });
  return keys;
}

/** What changed in the tables between two readings of the same records. */
export function touchedBetween(before: RowKeys, after: RowKeys): Touched[] {
  const touched: Touched[] = [];
  const add = (entity: ChangedEntity, how: Touched['how'], id: number) => {
    const same = touched.find((entry) => entry.entity === entity && entry.how === how);
    if (!same) touched.push({ entity, how, ids: [id] });
    else if (!same.ids.includes(id)) same.ids.push(id);
  };
  for (const [docId, then] of before) {
    const now = after.get(docId);
    const entity = isSyncedEntity(then.entity) ? changedEntityOf(then.entity) : undefined;
    if (!now || !entity || then.rev === now.rev) continue;
    const idOf = (rowKey: string) => Number(then.entity === 'meeting_participant' ? rowKey.split(':')[0] : rowKey);
    if (then.entity === 'meeting_participant') {
      const key = now.rowKey ?? then.rowKey;
      if (key !== null) add('meeting', 'updated', idOf(key));
      continue;
    }
    if (then.entity === 'meeting_biography') {
      const meeting = now.meetingRowKey ?? then.meetingRowKey ?? null;
      if (meeting !== null) add('meeting', 'updated', Number(meeting));
      continue;
    }
    if (then.rowKey === null && now.rowKey !== null) add(entity, 'created', idOf(now.rowKey));
    else if (then.rowKey !== null && now.rowKey === null) add(entity, 'deleted', idOf(then.rowKey));
    else if (now.rowKey !== null) add(entity, 'updated', idOf(now.rowKey));
  }
  return touched;
}

/**
 * Records a merge wrote that the server did not send: a summit or meeting a colleague's edit kept alive comes
 * back here by this desk's own revision (its id derived from the deletion), which no server sends to the desk
 * that wrote it. Their rows before are not read (the merge found them), so each is told as joining or leaving:
 * a list that shows it reads again, one read more than needed at most.
 */
export function writtenBesides(db: Db, since: number, merged: ReadonlySet<string>): Touched[] {
  const besides = recordsChangedAfter(db, since).filter((docId) => !merged.has(docId));
  const touched: Touched[] = [];
  const add = (entity: ChangedEntity, how: Touched['how'], id: number | undefined) => {
    const same = touched.find((entry) => entry.entity === entity && entry.how === how);
    if (!same) touched.push({ entity, how, ids: id === undefined ? [] : [id] });
    else if (id !== undefined && !same.ids.includes(id)) same.ids.push(id);
  };
  for (const [, now] of besides.length > 0 ? rowKeysOf(db, besides) : []) {
    if (!isSyncedEntity(now.entity)) continue;
    if (now.entity === 'meeting_participant' || now.entity === 'meeting_biography') {
      const meeting = now.entity === 'meeting_participant' ? now.rowKey?.split(':')[0] : now.meetingRowKey;
      if (meeting) add('meeting', 'updated', Number(meeting));
      continue;
    }
    add(changedEntityOf(now.entity), now.rowKey === null ? 'deleted' : 'created', now.rowKey === null ? undefined : Number(now.rowKey));
  }
  return touched;
}
