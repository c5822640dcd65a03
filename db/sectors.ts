import type { ListStart, Programme, Sector, SectorEntry, SectorEntryWithCount, SectorSummary } from '../shared/domain.ts';
import type { Db } from './open.ts';
import { statement, table } from './sql.ts';

export const programmes = table<Programme>({
  table: 'programme',
  kind: 'programme',
  touch: false,
  columns: {
    id: 'id',
    code: 'code',
    name: 'name',
    partnerId: 'partner_id',
    signedOn: 'signed_on',
    sectorCount: 'sector_count',
    description: 'description',
    sourceId: 'source_id',
    classification: 'classification',
  },
});

export const sectors = table<Sector>({
  table: 'sector',
  kind: 'sector',
  touch: false,
  columns: {
    id: 'id',
    programmeId: 'programme_id',
    name: 'name',
    position: 'position',
    summary: 'summary',
    ourPosition: 'our_position',
    classification: 'classification',
    sourceId: 'source_id',
  },
});

export const sectorEntries = table<SectorEntry>({
  table: 'sector_entry',
  kind: 'sector entry',
  touch: true,
  columns: {
    id: 'id',
    sectorId: 'sector_id',
    occurredOn: 'occurred_on',
    title: 'title',
    body: 'body',
    sourceId: 'source_id',
    sourceExcerpt: 'source_excerpt',
    classification: 'classification',
  },
});

export function listProgrammes(db: Db): Programme[] {
  return programmes.all(db, 'ORDER BY signed_on DESC, code');
}

export function listSectors(db: Db, programmeId: number): SectorSummary[] {
  return statement(
    db,
    `SELECT ${sectorColumns}, (SELECT count(*) FROM sector_entry e WHERE e.sector_id = s.id) AS entryCount
     FROM sector s WHERE s.programme_id = ? ORDER BY s.position, s.id`,
  ).all(programmeId) as SectorSummary[];
}

/** Sectors "in play" at a summit: those with an entry dated within its days. */
export function listSectorsActiveBetween(db: Db, from: string, to: string): SectorSummary[] {
  return statement(
    db,
    `SELECT ${sectorColumns}, (SELECT count(*) FROM sector_entry e WHERE e.sector_id = s.id) AS entryCount
     FROM sector s WHERE s.id IN (SELECT e.sector_id FROM sector_entry e WHERE e.occurred_on BETWEEN ? AND ?)
     ORDER BY s.position, s.id`,
  ).all(from, to) as SectorSummary[];
}

/**
 * How many sectors have an entry dated within the days, and the first `shown`
 * of them in programme order: what a summit view paints first. Both read only
 * that window's entries (sector_entry_by_date), not each sector's whole history.
 */
export function sectorsActiveBetweenStart(db: Db, from: string, to: string, shown: number): ListStart<Sector> {
  const { total } = statement(db, 'SELECT count(DISTINCT sector_id) AS total FROM sector_entry WHERE occurred_on BETWEEN ? AND ?').get(
    from,
    to,
  ) as { total: number };
  const first = sectors.all(
    db,
    'WHERE id IN (SELECT sector_id FROM sector_entry WHERE occurred_on BETWEEN ? AND ?) ORDER BY position, id LIMIT ?',
    from,
    to,
    shown,
  );
  return { total, first };
}

const sectorColumns = `s.id, s.programme_id AS programmeId, s.name, s.position, s.summary,
  s.our_position AS ourPosition, s.classification, s.source_id AS sourceId`;

/** A sector's dated entries, newest first, each with how many live annotations it has. */
export function listSectorEntries(db: Db, sectorId: number): SectorEntryWithCount[] {
  return statement(
    db,
    `SELECT e.id, e.sector_id AS sectorId, e.occurred_on AS occurredOn, e.title, e.body, e.source_id AS sourceId,
       e.source_excerpt AS sourceExcerpt, e.classification,
       (SELECT count(*) FROM note n WHERE n.sector_entry_id = e.id AND n.deleted_at IS NULL) AS annotationCount
     FROM sector_entry e WHERE e.sector_id = ? ORDER BY e.occurred_on DESC, e.id DESC`,
  ).all(sectorId) as SectorEntryWithCount[];
}
