import { cjkPhrase, hasCjk, highlightEnd, highlightStart, initialsPhrase, queryMarker, queryWords, splitScripts } from '../shared/cjk.ts';
import type { SearchHit, SearchKind } from '../shared/domain.ts';
import { withoutConsonantsAlone } from '../shared/hangul.ts';
import { indexedWord, keepWordsWhole, readThroughInWords, searchFold, searchFoldedText, typedSpellings } from '../shared/searchFold.ts';
import type { Db } from './open.ts';
import { statement } from './sql.ts';
import { writePendingNoteRevisions } from './sync/pendingNotes.ts';
import { refusesWrites } from './writeRefusal.ts';

export interface SearchQuery {
  text: string;
  kinds?: readonly SearchKind[];
  summitId?: number;
  sectorId?: number;
  limit: number;
}

export { highlightEnd, highlightStart };

/** The longest prefix the index keeps (migration 0070: prefix = '1 2 3 4 5 6'), in characters. */
export const longestIndexedPrefix = 6;

/** What a search asks of the index: FTS5 terms, each required, and the long words whose matches are checked. */
export interface MatchTerms {
  readonly terms: string[];
  /** Typed words longer than longestIndexedPrefix: matched by their first six characters, then checked whole. */
  readonly longWords: string[];
  /** Whether a term is one only the titles' index holds: Hangul initials typed alone (ㅇㅅㅇ), found in titles only. */
  titlesOnly: boolean;
}

/**
 * A typed word as FTS5 terms: its non-CJK parts by prefix, its CJK, Thai, Lao, Khmer and Burmese runs inside
 * compounds and sentences (shared/cjk.ts).
 * A part longer than the index's prefixes goes by its first six characters (see db/wordStarts.ts).
 */
function wordTerms(word: string, prefix: boolean, into: MatchTerms, typed: string): void {
  const { cjk, other } = splitScripts(word);
  // Folded as the index folds (shared/searchFold.ts): "Đặng" and "Dang" ask for the same term. A word typed with
  // Tajik Ҷ asks for either of its spellings, Дж or Ч, and one in Serbian Cyrillic for its Latin too (typedSpellings).
  for (const spellings of other.map((part) => typedSpellings(part, typed).filter(Boolean))) {
    if (spellings.length === 0) continue;
    const terms = spellings.map((part) => {
      const characters = Array.from(part);
      // A South Asian word keeps its vowel signs, which the index holds as letters (indexedWord); checked whole as folded.
      if (!prefix) return `"${indexedWord(part)}"`;
      if (characters.length <= longestIndexedPrefix) return `"${indexedWord(part)}"*`;
      return `"${indexedWord(characters.slice(0, longestIndexedPrefix).join(''))}"*`;
    });
    into.terms.push(terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' OR ')})`);
    // Checked whole where longer than the index's prefixes: a word begins with one of the spellings (wordStarts.ts).
    if (prefix && spellings.some((part) => Array.from(part).length > longestIndexedPrefix)) into.longWords.push(spellings.join(' '));
  }
  for (const run of cjk) {
    // Initials alone find titles: the titles' index alone holds them (shared/hangul.ts, migration 3510).
    const initials = prefix ? initialsPhrase(run) : null;
    if (initials !== null) {
      into.terms.push(`{title_cjk} : ${initials}`);
      into.titlesOnly = true;
      continue;
    }
    const phrase = cjkPhrase(run, prefix);
    if (phrase !== '') into.terms.push(`${cjkColumns} : ${phrase}`);
  }
}

/** Between typed words: a mark (tashkeel, a Thai vowel sign) belongs to its word, as a letter does. */
const wordSeparators = /[^\p{L}\p{M}\p{N}]+/u;

/**
 * Turns what a person types into an FTS5 query: every word is a prefix match
 * (results while typing), a "quoted phrase" matches as a phrase, a Korean,
 * Japanese or Chinese word matches anywhere inside a compound, and FTS5
 * syntax characters are neutralised so no input can make the query fail.
 */
export function toMatchExpression(text: string): string | null {
  const { terms } = toMatchTerms(text);
  return terms.length === 0 ? null : terms.join(' AND ');
}

/** The FTS5 terms of what a person typed, each required (toMatchExpression joins them with AND). */
export function toMatchTerms(text: string): MatchTerms {
  const matchTerms: MatchTerms = { terms: [], longWords: [], titlesOnly: false };
  const { terms } = matchTerms;
  const pattern = /"([^"]*)"|(\S+)/g;
  // What prints as nothing (a soft hyphen pasted with a name) is not typed: "Wira\u00adnto" asks for "wiranto";
  // nor is an Armenian mark inside a word: "Երևա՞ն" asks for "երեվան".
  for (const match of keepWordsWhole(text.normalize('NFC').replace(readThroughInWords, '')).matchAll(pattern)) {
    const phrase = match[1];
    if (phrase !== undefined) {
      const words = phrase.split(wordSeparators).filter(Boolean);
      // A CJK word has no whole-word tokens to put in a phrase: its words are then each required.
      if (words.some(hasCjk)) for (const word of words) wordTerms(word, false, matchTerms, text);
      else {
        // A phrase typed with Tajik Ҷ is asked for with Дж, and with Ч, throughout; one typed with an umlaut, with it
        // read as its vowel and written out (typedSpellings).
        const spellings = words.map((word) => typedSpellings(word, text).filter(Boolean));
        const asTyped = spellings.flatMap((word) => word.slice(0, 1)).map(indexedWord);
        const otherwise = spellings.flatMap((word) => word.slice(-1)).map(indexedWord);
        if (asTyped.length === 0) continue;
        const phrases = [...new Set([asTyped.join(' '), otherwise.join(' ')])].map((phrase) => `"${phrase}"`);
        terms.push(phrases.length === 1 ? (phrases[0] ?? '') : `(${phrases.join(' OR ')})`);
      }
      continue;
    }
    for (const word of (match[2] ?? '').split(wordSeparators).filter(Boolean)) wordTerms(word, true, matchTerms, text);
  }
  return matchTerms;
}

/**
 * Above this many matches a search is "broad" (a word in most notes, a
 * two-letter prefix while typing): ranking every match by bm25 then costs
 * tens of milliseconds on a desk-sized store, so broad searches list title
 * matches first, then the newest matches.
 */
export const rankedMatchLimit = 1_000;

/**
 * A search is broad too when one of its words is in more rows than this,
 * however few rows match the whole search: bm25 weighs each word by how many
 * rows hold it, and FTS5 counts them by reading every one of them, so ranking
 * "Velmora maritime" (139 matches) read all rows with "maritime" and cost ten
 * times as much on a store ten times larger (the growth benchmark). Checking a
 * word reads at most this many rows, whatever the size of the store.
 */
export const rankedWordLimit = 2_000;

// A query with CJK words gets its snippets cut from the body in toHits, so FTS5's are not made for it. A body
// may have matched only as indexed folded ("weissenfels" in "Weißenfels"), where FTS5's snippet marks nothing:
// the body comes along, for toHits to cut and mark when that happens.
const columns = `kind, ref_id AS id, title,
       CASE WHEN @cjk THEN '' ELSE snippet(search_text, 1, '${highlightStart}', '${highlightEnd}', '…', 16) END AS snippet,
       summit_id AS summitId, sector_id AS sectorId, body, 1 AS byItsWords`;
const filters = `(@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
       AND (@summitId IS NULL OR summit_id = @summitId)
       AND (@sectorId IS NULL OR sector_id = @sectorId)`;
// The rows listed hold each long word whole (the index matched its first six characters).
const wholeWords = `(@longWords IS NULL OR has_words_starting_with(title || char(10) || body, @longWords))`;

// Title matches, read through the titles' own index (S is the row in search_text); their snippets are cut in toHits.
const titleColumns = `S.kind AS kind, S.ref_id AS id, S.title AS title, '' AS snippet,
       S.summit_id AS summitId, S.sector_id AS sectorId, S.body AS body, 0 AS byItsWords`;
const titleFilters = `(@kinds IS NULL OR S.kind IN (SELECT value FROM json_each(@kinds)))
       AND (@summitId IS NULL OR S.summit_id = @summitId)
       AND (@sectorId IS NULL OR S.sector_id = @sectorId)`;
const titleWholeWords = `(@longWords IS NULL OR has_words_starting_with(S.title, @longWords))`;
/** The columns a CJK term searches in search_text; search_title has only the title's. */
const cjkColumns = '{title_cjk body_cjk}';

/** The kinds whose rows a merge marks in `search_pending` (migration 1600): each row's code and its view. */
const pendingKinds = [
  { code: 1, view: 'summit_search_row' },
  { code: 2, view: 'meeting_search_row' },
  { code: 3, view: 'person_search_row' },
  { code: 4, view: 'sector_search_row' },
  { code: 5, view: 'sector_entry_search_row' },
  { code: 7, view: 'source_search_row' },
  { code: 8, view: 'timeline_event_search_row' },
  { code: 9, view: 'follow_up_search_row' },
  { code: 10, view: 'country_search_row' },
  { code: 11, view: 'programme_search_row' },
  // Since 2970: a store at an older schema (the benchmark generates one) has no such view, nor such rows pending.
  { code: 12, view: 'meeting_biography_search_row' },
] as const;

/** Connections whose store has each view of pendingKinds, once found (a store's schema only grows while open). */
const pendingViewsFound = new WeakMap<Db, Set<string>>();

function hasPendingView(db: Db, view: string): boolean {
  const found = pendingViewsFound.get(db) ?? new Set<string>();
  pendingViewsFound.set(db, found);
  if (found.has(view)) return true;
  if (statement(db, `SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?`).get(view) === undefined) return false;
  found.add(view);
  return true;
}

const entryColumns = 'rowid, title, body, kind, ref_id, summit_id, sector_id';

/** Whether rows wait to be indexed: notes saved (0080, 2100) or records merged (1600) since the last catch-up. */
export function searchPending(db: Db, leaveDeferred = false): boolean {
  return (
    (!leaveDeferred && hasSearchDeferred(db) && statement(db, 'SELECT 1 FROM search_deferred LIMIT 1').get() !== undefined) ||
    statement(db, 'SELECT 1 FROM note_search_pending LIMIT 1').get() !== undefined ||
    (hasSavesMarkedForSearch(db) &&
      statement(db, 'SELECT 1 FROM sync_note_pending WHERE search_pending = 1 LIMIT 1').get() !== undefined) ||
    (findsSavesByTime(db) &&
      statement(db, 'SELECT 1 FROM note WHERE updated_at > (SELECT search FROM note_saves_after) LIMIT 1').get() !== undefined) ||
    (hasSearchPending(db) && statement(db, 'SELECT 1 FROM search_pending LIMIT 1').get() !== undefined)
  );
}

/** Notes marked for replication that a search leaves waiting for a replication read; beyond it, it writes their revisions. */
export const marksKeptBeforeSearch = 500;

/** Connections whose store marks a save for search on its replication mark (2100). */
const savesMarkedForSearch = new WeakSet<Db>();

function hasSavesMarkedForSearch(db: Db): boolean {
  if (savesMarkedForSearch.has(db)) return true;
  const marked = statement(db, `SELECT 1 FROM pragma_table_info('sync_note_pending') WHERE name = 'search_pending'`).get() !== undefined;
  if (marked) savesMarkedForSearch.add(db);
  return marked;
}

/** Connections whose store finds the notes saved here by their time (migration 2700), not by a mark. */
const savesByTime = new WeakSet<Db>();

function findsSavesByTime(db: Db): boolean {
  if (savesByTime.has(db)) return true;
  const found = statement(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'note_saves_after'`).get() !== undefined;
  if (found) savesByTime.add(db);
  return found;
}

/** Each synced table's code in a search row's id (id * 16 + code), as pendingKinds and note_search_row give it. */
const searchCodes: Readonly<Record<string, number>> = {
  summit: 1,
  meeting: 2,
  person: 3,
  sector: 4,
  sector_entry: 5,
  note: 6,
  source: 7,
  timeline_event: 8,
  follow_up: 9,
  country: 10,
  programme: 11,
  meeting_biography: 12,
};

/** Connections whose store sets aside the rows of records waiting for a link (3250). */
const searchDeferredFound = new WeakSet<Db>();

function hasSearchDeferred(db: Db): boolean {
  if (searchDeferredFound.has(db)) return true;
  const found = statement(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_deferred'`).get() !== undefined;
  if (found) searchDeferredFound.add(db);
  return found;
}

/**
 * Rows a merge just wrote for records that wait for a link (written with it empty): their marks for search are set
 * aside (migration 3250), so the catch-up while the round merges does not index them before the link rewrites
 * them. Any catch-up that does not leave them (a search, the round's end) takes them back first.
 */
export function deferSearchOf(db: Db, entity: string, rowIds: readonly number[]): void {
  const code = searchCodes[entity];
  if (code === undefined || rowIds.length === 0 || !hasSearchDeferred(db)) return;
  const ids = JSON.stringify(rowIds);
  if (code === 6) {
    statement(
      db,
      'INSERT OR IGNORE INTO search_deferred (rowid) SELECT note_id * 16 + 6 FROM note_search_pending WHERE note_id IN (SELECT value FROM json_each(?))',
    ).run(ids);
    statement(db, 'DELETE FROM note_search_pending WHERE note_id IN (SELECT value FROM json_each(?))').run(ids);
    return;
  }
  statement(
    db,
    `INSERT OR IGNORE INTO search_deferred (rowid) SELECT rowid FROM search_pending WHERE rowid IN (SELECT value * 16 + ${code} FROM json_each(?))`,
  ).run(ids);
  statement(db, `DELETE FROM search_pending WHERE rowid IN (SELECT value * 16 + ${code} FROM json_each(?))`).run(ids);
}

/** Rows set aside by deferSearchOf whose records are now linked: marked for search again, to be indexed as they now are. */
export function resumeSearchOf(db: Db, entity: string, rowIds: readonly number[]): void {
  const code = searchCodes[entity];
  if (code === undefined || rowIds.length === 0 || !hasSearchDeferred(db)) return;
  resumeDeferred(db, `rowid IN (SELECT value * 16 + ${code} FROM json_each(?))`, JSON.stringify(rowIds));
}

/** Deferred marks matching `where` moved back to where a catch-up reads them: notes' to note_search_pending. */
function resumeDeferred(db: Db, where: string, ...params: unknown[]): void {
  statement(
    db,
    `INSERT OR IGNORE INTO note_search_pending (note_id) SELECT rowid >> 4 FROM search_deferred WHERE rowid & 15 = 6 AND ${where}`,
  ).run(...params);
  statement(db, `INSERT OR IGNORE INTO search_pending (rowid) SELECT rowid FROM search_deferred WHERE rowid & 15 <> 6 AND ${where}`).run(
    ...params,
  );
  statement(db, `DELETE FROM search_deferred WHERE ${where}`).run(...params);
}

/** A store older than 1600 (the benchmark's generator fills one) has no merged rows pending. */
const hasSearchPending = (db: Db) =>
  statement(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_pending'`).get() !== undefined;

/**
 * Brings the index up to date with notes saved (migration 0080) and records
 * merged (1600) since the last catch-up, at most `most` of each in one
 * transaction, in set-based statements: one a kind, not one a row, and one
 * flush of FTS5's segments for the lot. Returns how many rows it indexed; a
 * caller that must not hold the thread long calls it again until it answers 0.
 * `leaveDeferred`: the rows of records still waiting for a link (deferSearchOf)
 * are left for the link to bring, as the catch-up does while a round merges.
 */
export function indexPendingSearch(db: Db, most = Number.POSITIVE_INFINITY, leaveDeferred = false): number {
  if (!searchPending(db, leaveDeferred)) return 0;
  // A read-only store cannot catch up; it is searched as it stands.
  if (refusesWrites(db)) return 0;
  const limit = Number.isFinite(most) ? most : -1;
  return db.transaction(() => {
    // Rows set aside while their records waited for a link (3250) are indexed as they are now, linked or not.
    if (!leaveDeferred && hasSearchDeferred(db)) resumeDeferred(db, '1');
    // A save marks its note for search on its replication mark (2100), one page a save instead of two: taken here.
    if (hasSavesMarkedForSearch(db)) {
      statement(
        db,
        `INSERT OR IGNORE INTO note_search_pending (note_id) SELECT note_id FROM sync_note_pending WHERE search_pending = 1`,
      ).run();
      statement(db, 'UPDATE sync_note_pending SET search_pending = 0 WHERE search_pending = 1').run();
      // A desk that never replicates reads no revisions, so its marks would pile up and searchPending would
      // read them all before every search (3 ms at 10,000): past a few hundred, their revisions are written now.
      if (statement(db, 'SELECT 1 FROM sync_note_pending LIMIT 1 OFFSET ?').get(marksKeptBeforeSearch) !== undefined)
        writePendingNoteRevisions(db);
    }
    // A save by this desk since the last catch-up is found by its time (2700), in the lists' own index: taken here.
    if (findsSavesByTime(db)) {
      statement(
        db,
        'INSERT OR IGNORE INTO note_search_pending (note_id) SELECT id FROM note WHERE updated_at > (SELECT search FROM note_saves_after)',
      ).run();
      statement(db, 'UPDATE note_saves_after SET search = coalesce((SELECT max(updated_at) FROM note), search)').run();
    }
    // Through search_index, a view since 0250 that adds the CJK columns: the same statements then
    // also fill a store at an older schema (the benchmark generates one to time the upgrade).
    const lastNote = statement(db, 'SELECT max(note_id) FROM (SELECT note_id FROM note_search_pending ORDER BY note_id LIMIT ?)')
      .pluck()
      .get(limit) as number | null;
    const last = hasSearchPending(db)
      ? (statement(db, 'SELECT max(rowid) FROM (SELECT rowid FROM search_pending ORDER BY rowid LIMIT ?)').pluck().get(limit) as
          | number
          | null)
      : null;
    if (lastNote === null && last === null) return 0;
    // Only entries the index holds are dropped (a first pull's rows have none), through search_index's own rows.
    if (lastNote !== null)
      statement(db, 'DELETE FROM search_index WHERE rowid IN (SELECT note_id * 16 + 6 FROM note_search_pending WHERE note_id <= ?)').run(
        lastNote,
      );
    if (last !== null)
      statement(db, 'DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_pending WHERE rowid <= ?)').run(last);
    // Then every kind's rows in one statement, in the order of their rowids. FTS5 holds the words of a transaction in
    // memory and writes them out as one segment at its end, but it writes them out early, as a segment of their own,
    // whenever it is asked to read (a delete looks its rows up) or given a row whose rowid is lower than the last
    // one's: notes first, then each kind in turn, made a segment of each kind a catch-up indexed, all of them merged
    // again later (on the full benchmark store, a first pull's catch-ups were about half of the desk's CPU).
    const kinds = hasSearchPending(db) ? pendingKinds.filter((kind) => hasPendingView(db, kind.view)) : [];
    statement(
      db,
      `INSERT INTO search_index (${entryColumns}) SELECT ${entryColumns} FROM (
         SELECT ${entryColumns} FROM note_search_row WHERE ref_id IN (SELECT note_id FROM note_search_pending WHERE note_id <= @lastNote)
         ${kinds
           .map(
             ({ code, view }) =>
               `UNION ALL SELECT ${entryColumns} FROM ${view}
                 WHERE ref_id IN (SELECT rowid >> 4 FROM search_pending WHERE rowid <= @last AND rowid & 15 = ${code})`,
           )
           .join('\n')}
       ) ORDER BY rowid`,
    ).run(kinds.length > 0 ? { lastNote, last } : { lastNote });
    const indexed = statement(db, 'DELETE FROM note_search_pending WHERE note_id <= ?').run(lastNote).changes;
    if (last === null) return indexed;
    return indexed + statement(db, 'DELETE FROM search_pending WHERE rowid <= ?').run(last).changes;
  })();
}

interface IndexedHit extends SearchHit {
  /** The whole body: toHits cuts the snippet from it where FTS5 made none, or one marking nothing. */
  readonly body: string | null;
  /** 1 when the row was matched by its words, 0 by the titles' index (a match in the title, not the body). */
  readonly byItsWords: 0 | 1;
}

const markedInSnippet = new RegExp(`${highlightStart}([^${highlightEnd}]*)${highlightEnd}`, 'gu');

/**
 * FTS5's snippet marks whole words only: a hit found inside a CJK compound gets its snippet cut and
 * marked here, and so does a title match, read from the titles' index, which makes no snippets, and a
 * body that matched only as folded, whose FTS5 snippet marks nothing (and may show another part of it).
 */
function toHits(hits: IndexedHit[], text: string): SearchHit[] {
  // FTS5 marks the words it matched as written, not one matched only as folded ("dang desk" marked desk, not
  // Đặng): where a body indexed folded too has a snippet leaving a typed word unmarked, it is cut and marked here.
  const typed = queryWords(text).map(searchFold).filter(Boolean);
  const marksEveryWord = (snippet: string) => {
    const marked = Array.from(snippet.matchAll(markedInSnippet), ([, word]) => searchFold(word ?? ''));
    return typed.every((word) => marked.some((each) => each.startsWith(word)));
  };
  const cutHere = (hit: IndexedHit) =>
    hit.body !== null && (!hit.snippet.includes(highlightStart) || (!marksEveryWord(hit.snippet) && searchFoldedText(hit.body) !== ''));
  const marker = hits.some(cutHere) ? queryMarker(text) : null;
  return hits.map((hit) => {
    const { body, byItsWords, ...rest } = hit;
    if (marker === null || body === null || !cutHere(hit)) return rest;
    // Looking for the words as folded costs a pass over the body: only where the body is indexed folded too.
    return { ...rest, snippet: marker.snippet(body, byItsWords === 1 && searchFoldedText(body) !== '') };
  });
}

/** Whether any of the terms is in more than rankedWordLimit rows: read from the newest, stopping there. */
function hasCommonWord(db: Db, terms: readonly string[]): boolean {
  const probe = statement(db, `SELECT 1 FROM search_text WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${rankedWordLimit}`);
  return terms.some((term) => probe.get(term) !== undefined);
}

/**
 * Hits over everything indexed. Up to `rankedMatchLimit` matches, none of
 * whose words is in more than `rankedWordLimit` rows, are ranked by bm25 with
 * titles weighing ten times the body; a broader search shows title matches
 * among its newest `rankedMatchLimit` matches, then body matches, each newest
 * first (FTS5 walks its rowids in order, so only the rows shown are read).
 * Every step reads a bounded number of rows, so a search costs about the same
 * on a store ten times larger.
 */
export function search(db: Db, query: SearchQuery): SearchHit[] {
  const { terms, longWords, titlesOnly } = toMatchTerms(query.text);
  if (terms.length === 0) return [];
  const match = terms.join(' AND ');
  indexPendingSearch(db);
  const kinds = query.kinds && query.kinds.length > 0 ? JSON.stringify(query.kinds) : null;
  const cjk = hasCjk(query.text) ? 1 : 0;
  const params = {
    match,
    kinds,
    cjk,
    summitId: query.summitId ?? null,
    sectorId: query.sectorId ?? null,
    longWords: longWords.length > 0 ? JSON.stringify(longWords) : null,
    limit: query.limit,
  };
  // Titles have an index of their own (migration 0660): its newest matches are read first, whatever
  // share of all matches they are. The snippet then comes from the body here, as for CJK words.
  const inTitle = () =>
    statement(
      db,
      `SELECT ${titleColumns}
       FROM search_title AS T JOIN search_text AS S ON S.rowid = T.rowid
       WHERE search_title MATCH @titleMatch AND ${titleFilters} AND ${titleWholeWords}
       ORDER BY T.rowid DESC LIMIT @limit`,
    ).all({ ...params, titleMatch: terms.map((term) => term.replaceAll(cjkColumns, '{title_cjk}')).join(' AND ') }) as IndexedHit[];
  // Hangul initials typed alone (ㅇㅅㅇ) are held by the titles' index only: such a search lists titles, newest first,
  // and marks nothing they begin in the body, where they found nothing (any three syllables may begin so).
  if (titlesOnly) return toHits(inTitle(), withoutConsonantsAlone(query.text));
  // Counted on the index alone: a long word's near misses count too, which only makes a search broad sooner.
  const newestBeyond = (offset: number) =>
    statement(
      db,
      `SELECT rowid FROM search_text WHERE search_text MATCH @match AND ${filters} ORDER BY rowid DESC LIMIT 1 OFFSET ${offset}`,
    ).get(params) as { rowid: number } | undefined;
  const beyondRanked = newestBeyond(rankedMatchLimit);
  if (beyondRanked === undefined && !hasCommonWord(db, terms)) {
    // Long words are checked on the best ranked only, not on every match: twice the page, or all if too few hold.
    const ranked = (candidates: number) =>
      (
        statement(
          db,
          `SELECT ${columns}, CASE WHEN @longWords IS NULL THEN 1 ELSE has_words_starting_with(title || char(10) || body, @longWords) END AS whole
           FROM search_text WHERE search_text MATCH @match AND ${filters}
           ORDER BY bm25(search_text, 10.0, 1.0, 10.0, 1.0, 10.0, 1.0) LIMIT @candidates`,
        ).all({ ...params, candidates }) as (IndexedHit & { whole: number })[]
      )
        .filter(({ whole }) => whole === 1)
        .map(({ whole: _whole, ...hit }) => hit);
    const candidates = longWords.length > 0 ? query.limit * 2 : query.limit;
    let hits = ranked(candidates);
    if (hits.length < query.limit && candidates < rankedMatchLimit && longWords.length > 0) hits = ranked(rankedMatchLimit);
    return toHits(hits.slice(0, query.limit), query.text);
  }
  const newest = (limit: number) =>
    statement(
      db,
      `SELECT ${columns} FROM search_text WHERE search_text MATCH @match AND ${filters} AND ${wholeWords}
       ORDER BY rowid DESC LIMIT @limit`,
    ).all({ ...params, limit }) as IndexedHit[];
  const titleHits = inTitle();
  const seen = new Set(titleHits.map((hit) => `${hit.kind}:${hit.id}`));
  // Title hits come back among the newest matches too: ask for enough to fill the page without them.
  const elsewhere =
    titleHits.length < query.limit ? newest(query.limit + titleHits.length).filter((hit) => !seen.has(`${hit.kind}:${hit.id}`)) : [];
  return toHits([...titleHits, ...elsewhere].slice(0, query.limit), query.text);
}
