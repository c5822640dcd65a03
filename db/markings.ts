import type { SearchHit, SearchKind } from '../shared/domain.ts';
import type { Db } from './open.ts';
import { statement } from './sql.ts';

/** The table holding each kind of record that carries a marking; the other kinds carry none. */
const markedTables: Partial<Record<SearchKind, string>> = {
  meeting: 'meeting',
  person: 'person',
  sector: 'sector',
  sectorEntry: 'sector_entry',
  annotation: 'note',
  note: 'note',
};

/**
 * Search hits with each record's marking, so results show portion marks.
 * Looked up after the search, one query per kind, rather than carried
 * through the search index, which holds text only.
 */
export function withMarkings(db: Db, hits: Omit<SearchHit, 'classification'>[]): SearchHit[] {
  const marked = new Map<string, string>();
  const idsByTable = new Map<string, number[]>();
  for (const hit of hits) {
    const table = markedTables[hit.kind];
    if (table) idsByTable.set(table, [...(idsByTable.get(table) ?? []), hit.id]);
  }
  for (const [table, ids] of idsByTable) {
    const rows = statement(db, `SELECT id, classification FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as { id: number; classification: string }[];
    for (const row of rows) marked.set(`${table} ${row.id}`, row.classification);
  }
  return hits.map((hit) => {
    const table = markedTables[hit.kind];
    return { ...hit, classification: table ? (marked.get(`${table} ${hit.id}`) ?? '') : null };
  });
}
