import type { Migration } from './index.ts';

// A desk's first pull writes most of a store in slices of 100 records, and
// each slice's search rows, written row by row by the triggers of 0020, were
// flushed by FTS5 as small segments at every commit and merged again and again
// (45% of the merge's CPU, measured alone on 30,000 reference records). A row
// written by a merge (listed in `sync_applying`, as every merge's write is)
// is now only marked in `search_pending`, as notes have been since 0080, and
// db/search.ts indexes the marked rows in set-based slices: at the end of a
// replication round, after a bundle's import, and before any search, so a
// search never misses what is in the store. An edit made here is indexed by
// its trigger at once, as before; deletions still leave the index at once.

interface IndexedTable {
  readonly table: string;
  /** The kind's code in the index's rowid (id × 16 + code), as 0020 gave it. */
  readonly code: number;
  readonly kind: string;
  /** The entry's columns, `R` being the row, as 0020's triggers write them today. */
  readonly title: string;
  readonly body: string;
  readonly summitId: string;
  readonly sectorId: string;
}

const joined = (...columns: string[]) => columns.map((column) => `coalesce(R.${column}, '')`).join(` || char(10) || `);

// Frozen here: a later migration that changes what a kind's entry holds replaces its triggers and its view.
const indexedTables: readonly IndexedTable[] = [
  { table: 'summit', code: 1, kind: 'summit', title: 'R.title', body: joined('city', 'description'), summitId: 'R.id', sectorId: 'NULL' },
  {
    table: 'meeting',
    code: 2,
    kind: 'meeting',
    title: 'R.title',
    body: joined(
      'venue',
      'purpose',
      'objectives',
      'their_asks',
      'points_to_make',
      'lines_to_take',
      'defensive_points',
      'background',
      'sensitivities',
      'protocol_notes',
      'press_line',
      'outcome',
    ),
    summitId: 'R.summit_id',
    sectorId: 'NULL',
  },
  {
    table: 'person',
    code: 3,
    kind: 'person',
    title: `R.name || ' ' || R.native_name`,
    body: joined('title', 'biography'),
    summitId: 'NULL',
    sectorId: 'NULL',
  },
  {
    table: 'sector',
    code: 4,
    kind: 'sector',
    title: 'R.name',
    body: joined('summary', 'our_position'),
    summitId: 'NULL',
    sectorId: 'R.id',
  },
  {
    table: 'sector_entry',
    code: 5,
    kind: 'sectorEntry',
    title: 'R.title',
    body: joined('body', 'source_excerpt'),
    summitId: 'NULL',
    sectorId: 'R.sector_id',
  },
  { table: 'source', code: 7, kind: 'source', title: 'R.title', body: joined('publisher', 'note'), summitId: 'NULL', sectorId: 'NULL' },
  {
    table: 'timeline_event',
    code: 8,
    kind: 'timelineEvent',
    title: 'R.title',
    body: joined('description', 'source_excerpt'),
    summitId: 'R.summit_id',
    sectorId: 'NULL',
  },
  {
    table: 'follow_up',
    code: 9,
    kind: 'followUp',
    title: 'R.description',
    body: joined('owner'),
    summitId: '(SELECT summit_id FROM meeting WHERE id = R.meeting_id)',
    sectorId: 'NULL',
  },
  {
    table: 'country',
    code: 10,
    kind: 'country',
    title: `R.name || ' ' || R.native_name`,
    body: joined('note'),
    summitId: 'NULL',
    sectorId: 'NULL',
  },
  {
    table: 'programme',
    code: 11,
    kind: 'programme',
    title: `R.code || ' ' || R.name`,
    body: joined('description'),
    summitId: 'NULL',
    sectorId: 'NULL',
  },
];

/** The entry's values in the index's column order, for the row `R`. */
const entryOf = (spec: IndexedTable) =>
  `R.id * 16 + ${spec.code}, ${spec.title}, ${spec.body}, '${spec.kind}', R.id, ${spec.summitId}, ${spec.sectorId}`;

function deferred(spec: IndexedTable): string {
  const { table, code } = spec;
  const merged = `EXISTS (SELECT 1 FROM sync_applying WHERE entity = '${table}' AND row_key = CAST(NEW.id AS TEXT))`;
  const insert = `INSERT INTO search_index (rowid, title, body, kind, ref_id, summit_id, sector_id)
    SELECT ${entryOf(spec).replace(/\bR\./g, 'NEW.')};`;
  const mark = `INSERT OR IGNORE INTO search_pending (rowid) VALUES (NEW.id * 16 + ${code});`;
  return `
    CREATE VIEW ${table}_search_row (rowid, title, body, kind, ref_id, summit_id, sector_id) AS
      SELECT ${entryOf(spec)} FROM ${table} AS R;
    DROP TRIGGER ${table}_search_insert;
    DROP TRIGGER ${table}_search_update;
    CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} WHEN NOT ${merged} BEGIN ${insert} END;
    CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} WHEN NOT ${merged} BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 16 + ${code}; ${insert}
    END;
    CREATE TRIGGER ${table}_search_insert_merged AFTER INSERT ON ${table} WHEN ${merged} BEGIN ${mark} END;
    CREATE TRIGGER ${table}_search_update_merged AFTER UPDATE ON ${table} WHEN ${merged} BEGIN ${mark} END;`;
}

export const mergedRecordsIndexedInBatches: Migration = {
  version: 1600,
  name: 'records written by a merge are indexed for search in batches',
  up(db) {
    // The index's rowid of each row to (re)index: its entry is read afresh from the row, or dropped if the row is gone.
    db.exec('CREATE TABLE search_pending (rowid INTEGER PRIMARY KEY);');
    for (const table of indexedTables) db.exec(deferred(table));
  },
};
