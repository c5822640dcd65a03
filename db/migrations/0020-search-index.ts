import type { Migration } from './index.ts';

interface IndexedTable {
  readonly table: string;
  /** Small number folded into the FTS rowid, so a row's entry is found without a scan. */
  readonly code: number;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly summitId: string;
  readonly sectorId: string;
  readonly when?: string;
}

const joined = (...columns: string[]) => columns.map((column) => `coalesce(R.${column}, '')`).join(` || char(10) || `);

// `R.` stands for the row (NEW in triggers, the table itself in the backfill).
const indexedTables: readonly IndexedTable[] = [
  { table: 'summit', code: 1, kind: `'summit'`, title: 'R.title', body: joined('city', 'description'), summitId: 'R.id', sectorId: 'NULL' },
  {
    table: 'meeting',
    code: 2,
    kind: `'meeting'`,
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
    kind: `'person'`,
    title: `R.name || ' ' || R.native_name`,
    body: joined('title', 'biography'),
    summitId: 'NULL',
    sectorId: 'NULL',
  },
  {
    table: 'sector',
    code: 4,
    kind: `'sector'`,
    title: 'R.name',
    body: joined('summary', 'our_position'),
    summitId: 'NULL',
    sectorId: 'R.id',
  },
  {
    table: 'sector_entry',
    code: 5,
    kind: `'sectorEntry'`,
    title: 'R.title',
    body: joined('body', 'source_excerpt'),
    summitId: 'NULL',
    sectorId: 'R.sector_id',
  },
  {
    table: 'note',
    code: 6,
    kind: `CASE WHEN R.sector_entry_id IS NULL AND R.meeting_id IS NULL THEN 'note' ELSE 'annotation' END`,
    title: 'R.title',
    body: `R.body || char(10) || (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(R.tags))`,
    summitId: '(SELECT summit_id FROM meeting WHERE id = R.meeting_id)',
    sectorId: '(SELECT sector_id FROM sector_entry WHERE id = R.sector_entry_id)',
    when: 'R.deleted_at IS NULL',
  },
  { table: 'source', code: 7, kind: `'source'`, title: 'R.title', body: joined('publisher', 'note'), summitId: 'NULL', sectorId: 'NULL' },
  {
    table: 'timeline_event',
    code: 8,
    kind: `'timelineEvent'`,
    title: 'R.title',
    body: joined('description', 'source_excerpt'),
    summitId: 'R.summit_id',
    sectorId: 'NULL',
  },
  {
    table: 'follow_up',
    code: 9,
    kind: `'followUp'`,
    title: 'R.description',
    body: joined('owner'),
    summitId: '(SELECT summit_id FROM meeting WHERE id = R.meeting_id)',
    sectorId: 'NULL',
  },
  {
    table: 'country',
    code: 10,
    kind: `'country'`,
    title: `R.name || ' ' || R.native_name`,
    body: joined('note'),
    summitId: 'NULL',
    sectorId: 'NULL',
  },
  {
    table: 'programme',
    code: 11,
    kind: `'programme'`,
    title: `R.code || ' ' || R.name`,
    body: joined('description'),
    summitId: 'NULL',
    sectorId: 'NULL',
  },
];

/** In a trigger the row is NEW and there is no FROM; in the backfill it is every row of the table. */
function insertSql(spec: IndexedTable, from: 'trigger' | 'backfill'): string {
  const sql = `INSERT INTO search_index (rowid, title, body, kind, ref_id, summit_id, sector_id)
    SELECT R.id * 16 + ${spec.code}, ${spec.title}, ${spec.body}, ${spec.kind}, R.id, ${spec.summitId}, ${spec.sectorId}
    ${from === 'backfill' ? `FROM ${spec.table} AS R` : ''} ${spec.when ? `WHERE ${spec.when}` : ''};`;
  return from === 'trigger' ? sql.replace(/\bR\./g, 'NEW.') : sql;
}

function triggers(spec: IndexedTable): string {
  const drop = `DELETE FROM search_index WHERE rowid = OLD.id * 16 + ${spec.code};`;
  const insert = insertSql(spec, 'trigger');
  return `
    CREATE TRIGGER ${spec.table}_search_insert AFTER INSERT ON ${spec.table} BEGIN ${insert} END;
    CREATE TRIGGER ${spec.table}_search_update AFTER UPDATE ON ${spec.table} BEGIN ${drop} ${insert} END;
    CREATE TRIGGER ${spec.table}_search_delete AFTER DELETE ON ${spec.table} BEGIN ${drop} END;`;
}

/** One full-text index over everything a user would search, kept in step by triggers. */
export const searchIndex: Migration = {
  version: 20,
  name: 'full-text search index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index USING fts5(
        title, body,
        kind UNINDEXED, ref_id UNINDEXED, summit_id UNINDEXED, sector_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );`);
    for (const spec of indexedTables) {
      db.exec(triggers(spec));
      db.exec(insertSql(spec, 'backfill'));
    }
  },
};
