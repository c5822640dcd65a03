// The records desks replicate: each synced table (its name is part of every
// record's global id, `meeting:…`, so every desk and process knows it) and the
// kind of record it holds, as the interface names it. One list, so the store,
// the bundle review, the conflicts screen and the change events agree.

/** Each synced table and its kind of record, parents before children: the order records can be created in on another desk. */
export const recordKindOfTable = {
  source: 'source',
  country: 'country',
  person: 'person',
  summit: 'summit',
  programme: 'programme',
  sector: 'sector',
  sector_entry: 'sectorEntry',
  meeting: 'meeting',
  meeting_participant: 'participant',
  meeting_biography: 'meetingBiography',
  timeline_event: 'timelineEvent',
  follow_up: 'followUp',
  note: 'note',
} as const;
export type SyncedTable = keyof typeof recordKindOfTable;
export type RecordKind = (typeof recordKindOfTable)[SyncedTable];

/** Synced tables, parents before children. */
export const syncedTables = Object.keys(recordKindOfTable) as readonly SyncedTable[];
/** Kinds of record, in the order of their tables. */
export const recordKinds = Object.values(recordKindOfTable) as readonly RecordKind[];

const tableOfKind = Object.fromEntries(syncedTables.map((table) => [recordKindOfTable[table], table])) as Record<RecordKind, SyncedTable>;

/** The table a kind of record is kept in. */
export function tableOf(kind: RecordKind): SyncedTable {
  return tableOfKind[kind];
}
