import { cjkPhrase, hasCjk, highlightEnd, highlightStart, queryMarker, splitScripts } from '../shared/cjk.ts';
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

export { highlightEnd, highlightStart };

/** A typed word as FTS5 terms: its non-CJK parts by prefix, its CJK runs inside compounds (shared/cjk.ts). */
function wordTerms(word: string, prefix: boolean): string[] {
  const { cjk, other } = splitScripts(word);
  return [...other.map((part) => `"${part}"${prefix ? '*' : ''}`), ...cjk.map((run) => `{title_cjk body_cjk} : ${cjkPhrase(run)}`)];
}

/**
 * Turns what a person types into an FTS5 query: every word is a prefix match
 * (results while typing), a "quoted phrase" matches as a phrase, a Korean,
 * Japanese or Chinese word matches anywhere inside a compound, and FTS5
 * syntax characters are neutralised so no input can make the query fail.
 */
export function toMatchExpression(text: string): string | null {
  const terms: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of text.normalize('NFC').matchAll(pattern)) {
    const phrase = match[1];
    if (phrase !== undefined) {
      const words = phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      // A CJK word has no whole-word tokens to put in a phrase: its words are then each required.
      if (words.some(hasCjk)) terms.push(...words.flatMap((word) => wordTerms(word, false)));
      else if (words.length > 0) terms.push(`"${words.join(' ')}"`);
      continue;
    }
    for (const word of (match[2] ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean)) terms.push(...wordTerms(word, true));
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

// A query with CJK words gets its snippets cut from the body in toHits, so FTS5's are not made for it.
const columns = `kind, ref_id AS id, title,
       CASE WHEN @cjk THEN '' ELSE snippet(search_text, 1, '${highlightStart}', '${highlightEnd}', '…', 16) END AS snippet,
       summit_id AS summitId, sector_id AS sectorId, CASE WHEN @cjk THEN body END AS body`;
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
    // Through search_index, a view since 0250 that adds the CJK columns: the same statements then
    // also fill a store at an older schema (the benchmark generates one to time the upgrade).
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

interface IndexedHit extends SearchHit {
  /** The whole body, read only when the query has CJK words. */
  readonly body: string | null;
}

/** FTS5's snippet marks whole words only: a hit found inside a CJK compound gets its snippet cut and marked here. */
function toHits(hits: IndexedHit[], text: string): SearchHit[] {
  const marker = hasCjk(text) ? queryMarker(text) : null;
  return hits.map(({ body, ...hit }) => (marker === null || body === null ? hit : { ...hit, snippet: marker.snippet(body) }));
}

export function search(db: Db, query: SearchQuery): SearchHit[] {
  const match = toMatchExpression(query.text);
  if (match === null) return [];
  indexPendingNotes(db);
  const kinds = query.kinds && query.kinds.length > 0 ? JSON.stringify(query.kinds) : null;
  const cjk = hasCjk(query.text) ? 1 : 0;
  const params = { match, kinds, cjk, summitId: query.summitId ?? null, sectorId: query.sectorId ?? null, limit: query.limit };
  const broad = statement(
    db,
    `SELECT 1 FROM search_text WHERE search_text MATCH @match AND ${filters} ORDER BY rowid DESC LIMIT 1 OFFSET ${rankedMatchLimit}`,
  ).get(params);
  if (!broad) {
    const ranked = statement(
      db,
      `SELECT ${columns} FROM search_text WHERE search_text MATCH @match AND ${filters}
       ORDER BY bm25(search_text, 10.0, 1.0, 10.0, 1.0) LIMIT @limit`,
    ).all(params) as IndexedHit[];
    return toHits(ranked, query.text);
  }
  const newest = (expression: string, limit: number) =>
    statement(db, `SELECT ${columns} FROM search_text WHERE search_text MATCH @match AND ${filters} ORDER BY rowid DESC LIMIT @limit`).all({
      ...params,
      match: expression,
      limit,
    }) as IndexedHit[];
  const inTitle = newest(`{title title_cjk} : (${match})`, query.limit);
  const seen = new Set(inTitle.map((hit) => `${hit.kind}:${hit.id}`));
  // Title hits come back among the newest matches too: ask for enough to fill the page without them.
  const elsewhere =
    inTitle.length < query.limit ? newest(match, query.limit + inTitle.length).filter((hit) => !seen.has(`${hit.kind}:${hit.id}`)) : [];
  return toHits([...inTitle, ...elsewhere].slice(0, query.limit), query.text);
}
