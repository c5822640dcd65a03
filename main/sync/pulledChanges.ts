import type { Db } from '../../db/open.ts';
import { isSyncedEntity, type SyncedEntity } from '../../db/sync/history.ts';
import { syncStatement } from '../../db/sync/pendingNotes.ts';
import type { ChangedEntity, Touched } from '../../shared/contract.ts';
import { recordKindOfTable } from '../../shared/recordKinds.ts';

// Records a merge wrote into their tables are news for every open window, as
// a save is: the same change event, so a view refetches just what it shows.

/** The entity windows know a synced table's rows by: a participant is part of its meeting's brief. */
export function changedEntityOf(table: SyncedEntity): ChangedEntity {
  return table === 'meeting_participant' ? 'meeting' : recordKindOfTable[table];
}

export type RowKeys = Map<string, { entity: string; rowKey: string | null; rev: string }>;

/** The records' rows and winners, read in one statement (a merged slice's, before and after it). */
export function rowKeysOf(db: Db, docIds: readonly string[]): RowKeys {
  const unique = [...new Set(docIds)];
  const rows = syncStatement(
    db,
    'SELECT doc_id AS docId, entity, row_key AS rowKey, rev FROM sync_doc WHERE doc_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(unique)) as { docId: string; entity: string; rowKey: string | null; rev: string }[];
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
    if (then.rowKey === null && now.rowKey !== null) add(entity, 'created', idOf(now.rowKey));
    else if (then.rowKey !== null && now.rowKey === null) add(entity, 'deleted', idOf(then.rowKey));
    else if (now.rowKey !== null) add(entity, 'updated', idOf(now.rowKey));
  }
  return touched;
}
