import type { ClassificationScheme } from '../shared/contract.ts';
import type { SearchHit, SearchKind } from '../shared/domain.ts';
import { acceptedMarking, markingKey, presetSchemes } from '../shared/markings.ts';
import type { Db } from './open.ts';
import { statement } from './sql.ts';
import { revisionsMark, sameRevisionsOnEveryDesk } from './sync/carriedRevisions.ts';

/** The desk's scheme as last read, by the settings' stored text: a merge asks for every record it writes. */
let lastScheme: { stored: string | undefined; scheme: ClassificationScheme } | null = null;

/**
 * A marking received from another desk (sync or a bundle) as this desk's scheme spells
 * the level it reads as: lower case, stray spaces or a decomposed "NON PROTÉGÉ" are the
 * level, as they are when typed here (acceptedMarking). A level the scheme lacks is kept
 * as it came, to be shown by its name, never dropped.
 */
export function receivedMarking<T>(db: Db, given: T): T {
  return receivingMarkings(db)(given);
}

/**
 * receivedMarking for the records of one merged slice: the scheme is read once, not once a record (a first
 * pull asked the settings 22,000 times on the quick store). Nothing writes the settings while a slice is merged.
 */
export function receivingMarkings(db: Db): <T>(given: T) => T {
  const scheme = deskScheme(db);
  // A slice's records carry a handful of markings: each is read once (a Unicode normalisation, and the scheme's
  // levels keyed afresh, since a scheme read from the settings is not frozen), not once a record.
  const read = new Map<string, string>();
  return <T>(given: T): T => {
    if (typeof given !== 'string' || given === '') return given;
    let marking = read.get(given);
    if (marking === undefined) {
      marking = acceptedMarking(scheme, given) || given;
      read.set(given, marking);
    }
    return marking as T;
  };
}

/** The desk's scheme as its settings hold it, read again only when they change. */
function deskScheme(db: Db): ClassificationScheme {
  const stored = statement(db, `SELECT value FROM setting WHERE key = 'settings'`).pluck().get() as string | undefined;
  if (lastScheme === null || lastScheme.stored !== stored) {
    const saved = stored === undefined ? undefined : (JSON.parse(stored) as { classificationScheme?: ClassificationScheme });
    const scheme = saved?.classificationScheme;
    // Settings never saved (or holding no scheme) mean the default scheme, NATO's, as the settings handler reads them.
    lastScheme = { stored, scheme: Array.isArray(scheme?.levels) ? scheme : presetSchemes.nato };
  }
  return lastScheme.scheme;
}

/** The desk's levels, lowest first: what a marking is ranked by. */
export function deskLevels(db: Db): string[] {
  return deskScheme(db).levels.map((level) => level.name);
}

/**
 * The table holding each kind of record searched. Every kind carries a marking (summits, timeline events and
 * follow-ups since 0260, countries and programmes since 1020): a kind left out here showed its hits unmarked,
 * a summit among marked meetings and people.
 */
const markedTables: Record<SearchKind, string> = {
  summit: 'summit',
  meeting: 'meeting',
  person: 'person',
  sector: 'sector',
  sectorEntry: 'sector_entry',
  annotation: 'note',
  note: 'note',
  source: 'source',
  timelineEvent: 'timeline_event',
  followUp: 'follow_up',
  country: 'country',
  programme: 'programme',
  // Its own marking, never its meeting's: a biography may be marked above the meeting it was written for (2970).
  meetingBiography: 'meeting_biography',
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
    idsByTable.set(table, [...(idsByTable.get(table) ?? []), hit.id]);
  }
  for (const [table, ids] of idsByTable) {
    const rows = statement(db, `SELECT id, classification FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as { id: number; classification: string }[];
    for (const row of rows) marked.set(`${table} ${row.id}`, row.classification);
  }
  return hits.map((hit) => ({ ...hit, classification: marked.get(`${markedTables[hit.kind]} ${hit.id}`) ?? '' }));
}

/**
 * Every column a marking is stored in, and whether its table stamps `updated_at`
 * on an edit. A change here is an edit like any other: the replication triggers
 * write each record's new revision, for other desks to pull.
 */
const markingColumns = [
  { table: 'summit', touch: true },
  { table: 'meeting', touch: true },
  // Answered as its meeting: a meeting's biographies change with it.
  { table: 'meeting_biography', touch: false, returning: 'meeting_id' },
  { table: 'person', touch: true },
  { table: 'country', touch: false },
  { table: 'source', touch: true },
  { table: 'programme', touch: false },
  { table: 'sector', touch: false },
  { table: 'sector_entry', touch: true },
  { table: 'timeline_event', touch: false },
  { table: 'follow_up', touch: true },
  // A note keeps its version: an edit queued in another window still saves (as linkNote leaves it).
  { table: 'note', touch: true },
] as const;

/**
 * How many records carry each of `levels` (meetings, notes, people and the rest, each
 * once): Settings say it before a scheme drops or renames a level.
 */
export function countMarkedRecords(db: Db, levels: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(levels.map((level) => [level, 0]));
  if (levels.length === 0) return counts;
  const union = markingColumns
    .map(({ table }) => `SELECT classification FROM ${table} WHERE classification IN (SELECT value FROM json_each(?))`)
    .join(' UNION ALL ');
  const rows = statement(db, `SELECT classification, count(*) AS records FROM (${union}) GROUP BY classification`).all(
    ...markingColumns.map(() => JSON.stringify(levels)),
  ) as { classification: string; records: number }[];
  for (const row of rows) counts[row.classification] = row.records;
  return counts;
}

export type MarkedTable = (typeof markingColumns)[number]['table'] | 'briefing_pack';

/**
 * Carries everything marked `from` to `to`: each record, each note and its
 * earlier revisions (the same level, now named otherwise), and the marking a
 * pack chose for its own biographies. Answers the rows changed, by table.
 * Run in the caller's transaction, with the scheme that names `to`.
 */
export function carryMarking(db: Db, from: string, to: string): Map<MarkedTable, number[]> {
  const changed = new Map<MarkedTable, number[]>();
  const mark = revisionsMark(db);
  for (const column of markingColumns) {
    const { table, touch } = column;
    const returning = 'returning' in column ? column.returning : 'id';
    const ids = statement(
      db,
      `UPDATE ${table} SET classification = ?${touch ? `, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ')` : ''}
         WHERE classification = ? RETURNING ${returning}`,
    )
      .pluck()
      .all(to, from) as number[];
    if (ids.length > 0) changed.set(table, ids);
  }
  statement(db, 'UPDATE note_revision SET classification = ? WHERE classification = ?').run(to, from);
  // Every desk of the team renames the level in its own Settings: the same carry gives the same revisions.
  sameRevisionsOnEveryDesk(db, mark, `marking carried from ${markingKey(from)} to ${markingKey(to)}`);
  const packs = statement(db, `SELECT id, definition FROM briefing_pack WHERE instr(definition, ?) > 0`).all(JSON.stringify(from)) as {
    id: number;
    definition: string;
  }[];
  for (const pack of packs) {
    const definition = JSON.parse(pack.definition) as { sections: { biographies?: { classification?: string }[] }[] };
    let carried = false;
    for (const section of definition.sections)
      for (const biography of section.biographies ?? [])
        if (biography.classification === from) {
          biography.classification = to;
          carried = true;
        }
    if (!carried) continue;
    statement(db, `UPDATE briefing_pack SET definition = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ?`).run(
      JSON.stringify(definition),
      pack.id,
    );
    changed.set('briefing_pack', [...(changed.get('briefing_pack') ?? []), pack.id]);
  }
  return changed;
}
