import type { SearchHit, SearchKind } from '../shared/domain.ts';
import type { Db } from './open.ts';
import { statement } from './sql.ts';

export interface SearchQuery {
  text: string;
  kinds?: readonly SearchKind[];
  summitId?: number;
  sectorId?: number;
  limit: number;
}

export const highlightStart = '\uE000';
export const highlightEnd = '\uE001';

/**
 * Turns what a person types into an FTS5 query: every word is a prefix match
 * (results while typing), a "quoted phrase" matches as a phrase, and FTS5
 * syntax characters are neutralised so no input can make the query fail.
 */
export function toMatchExpression(text: string): string | null {
  const terms: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of text.normalize('NFC').matchAll(pattern)) {
    const phrase = match[1];
    if (phrase !== undefined) {
      const words = phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (words.length > 0) terms.push(`"${words.join(' ')}"`);
      continue;
    }
    for (const word of (match[2] ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean)) terms.push(`"${word}"*`);
  }
  return terms.length === 0 ? null : terms.join(' AND ');
}

/**
 * Above this many matches a search is "broad" (a word in most notes, a
 * two-letter prefix while typing): ranking every match by bm25 then costs
 * tens of milliseconds on a desk-sized store, so broad searches list title
 * matches first, then the newest matches.
 */
export const rankedMatchLimit = 1_000;

const columns = `kind, ref_id AS id, title,
       snippet(search_index, 1, '${highlightStart}', '${highlightEnd}', '…', 16) AS snippet,
       summit_id AS summitId, sector_id AS sectorId`;
const filters = `(@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
       AND (@summitId IS NULL OR summit_id = @summitId)
       AND (@sectorId IS NULL OR sector_id = @sectorId)`;

/**
 * Hits over everything indexed. Up to `rankedMatchLimit` matches are ranked by
 * bm25 with titles weighing ten times the body; a broader search shows title
 * matches, then body matches, each newest first (FTS5 walks its rowids in
 * order, so only the rows shown are read).
 */
/**
 * Brings the index up to date with notes saved since the last search (see
 * migration 0080), in one transaction. Returns how many notes it indexed.
 */
export function indexPendingNotes(db: Db): number {
  if (!statement(db, 'SELECT 1 FROM note_search_pending LIMIT 1').get()) return 0;
  // A read-only store cannot catch up; it is searched as it stands.
  if (db.readonly) return 0;
  return db.transaction(() => {
    statement(db, 'DELETE FROM search_index WHERE rowid IN (SELECT note_id * 16 + 6 FROM note_search_pending)').run();
    statement(
      db,
      `INSERT INTO search_index (rowid, title, body, kind, ref_id, summit_id, sector_id)
       SELECT rowid, title, body, kind, ref_id, summit_id, sector_id FROM note_search_row
       WHERE ref_id IN (SELECT note_id FROM note_search_pending)`,
    ).run();
    return statement(db, 'DELETE FROM note_search_pending').run().changes;
  })();
}

export function search(db: Db, query: SearchQuery): SearchHit[] {
  const match = toMatchExpression(query.text);
  if (match === null) return [];
  indexPendingNotes(db);
  const kinds = query.kinds && query.kinds.length > 0 ? JSON.stringify(query.kinds) : null;
  const params = { match, kinds, summitId: query.summitId ?? null, sectorId: query.sectorId ?? null, limit: query.limit };
  const broad = statement(
    db,
    `SELECT 1 FROM search_index WHERE search_index MATCH @match AND ${filters} ORDER BY rowid DESC LIMIT 1 OFFSET ${rankedMatchLimit}`,
  ).get(params);
  if (!broad) {
    return statement(
      db,
      `SELECT ${columns} FROM search_index WHERE search_index MATCH @match AND ${filters}
       ORDER BY bm25(search_index, 10.0, 1.0) LIMIT @limit`,
    ).all(params) as SearchHit[];
  }
  const newest = (expression: string, limit: number) =>
    statement(
      db,
      `SELECT ${columns} FROM search_index WHERE search_index MATCH @match AND ${filters} ORDER BY rowid DESC LIMIT @limit`,
    ).all({
      ...params,
      match: expression,
      limit,
    }) as SearchHit[];
  const inTitle = newest(`{title} : (${match})`, query.limit);
  const seen = new Set(inTitle.map((hit) => `${hit.kind}:${hit.id}`));
  // Title hits come back among the newest matches too: ask for enough to fill the page without them.
  const elsewhere =
    inTitle.length < query.limit ? newest(match, query.limit + inTitle.length).filter((hit) => !seen.has(`${hit.kind}:${hit.id}`)) : [];
  return [...inTitle, ...elsewhere].slice(0, query.limit);
}
