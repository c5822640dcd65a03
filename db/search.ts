import type { Db } from './open.ts';
import { statement } from './sql.ts';
import type { SearchHit, SearchKind } from './types.ts';

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

/** Ranked hits over everything indexed; titles weigh ten times the body. */
export function search(db: Db, query: SearchQuery): SearchHit[] {
  const match = toMatchExpression(query.text);
  if (match === null) return [];
  const kinds = query.kinds && query.kinds.length > 0 ? JSON.stringify(query.kinds) : null;
  return statement(
    db,
    `SELECT kind, ref_id AS id, title,
       snippet(search_index, 1, '${highlightStart}', '${highlightEnd}', '…', 16) AS snippet,
       summit_id AS summitId, sector_id AS sectorId
     FROM search_index
     WHERE search_index MATCH @match
       AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
       AND (@summitId IS NULL OR summit_id = @summitId)
       AND (@sectorId IS NULL OR sector_id = @sectorId)
     ORDER BY bm25(search_index, 10.0, 1.0)
     LIMIT @limit`,
  ).all({ match, kinds, summitId: query.summitId ?? null, sectorId: query.sectorId ?? null, limit: query.limit }) as SearchHit[];
}
