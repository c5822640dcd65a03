import type { BriefingPack, PackDefinition } from '../shared/domain.ts';
import { compareNames } from '../shared/sortKey.ts';
import type { Db } from './open.ts';
import { readSetting, writeSetting } from './settings.ts';
import { NotFoundError, nextId, statement } from './sql.ts';

const columns = `id, name, definition, created_at AS createdAt, updated_at AS updatedAt`;
type PackRow = Omit<BriefingPack, 'definition'> & { definition: string };
const fromRow = (row: PackRow): BriefingPack => ({ ...row, definition: JSON.parse(row.definition) as PackDefinition });

export function listPacks(db: Db): BriefingPack[] {
  // A handful of packs: sorted here, as a reader expects (SQLite alone puts "Élysée visit" after "Zagreb").
  return (statement(db, `SELECT ${columns} FROM briefing_pack ORDER BY id`).all() as PackRow[])
    .map(fromRow)
    .sort((a, b) => compareNames(a.name, b.name));
}

export function findPack(db: Db, id: number): BriefingPack | undefined {
  const row = statement(db, `SELECT ${columns} FROM briefing_pack WHERE id = ?`).get(id) as PackRow | undefined;
  return row && fromRow(row);
}

export function getPack(db: Db, id: number): BriefingPack {
  const pack = findPack(db, id);
  if (!pack) throw new NotFoundError('briefing pack', id);
  return pack;
}

export function findPackByName(db: Db, name: string): BriefingPack | undefined {
  const row = statement(db, `SELECT ${columns} FROM briefing_pack WHERE name = ?`).get(name) as PackRow | undefined;
  return row && fromRow(row);
}

/** Creates the pack, or replaces the definition of the pack with this name: the name is what users know a pack by. */
export function savePack(db: Db, name: string, definition: PackDefinition): BriefingPack {
  statement(
    db,
    `INSERT INTO briefing_pack (id, name, definition) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ')`,
  ).run(nextId(db, 'briefing_pack'), name, JSON.stringify(definition));
  return findPackByName(db, name) as BriefingPack;
}

/** The saved packs whose sections list this meeting. */
export function packsListingMeeting(db: Db, meetingId: number): BriefingPack[] {
  return listPacks(db).filter((pack) =>
    pack.definition.sections.some((section) => section.kind === 'meeting' && section.meetingId === meetingId),
  );
}

export function deletePack(db: Db, id: number): BriefingPack {
  const pack = getPack(db, id);
  statement(db, 'DELETE FROM briefing_pack WHERE id = ?').run(id);
  return pack;
}

export interface IssuedCopy {
  copyNumber: number;
  recipient: string;
  issuedAt: string;
}

// The register of issued copies lives under a setting key per pack name, so it
// outlives a deleted or re-created definition, as a document control register does.
const copyRegisterKey = (packName: string) => `packCopies/${packName}`;

export function listIssuedCopies(db: Db, packName: string): IssuedCopy[] {
  const stored = readSetting(db, copyRegisterKey(packName));
  return Array.isArray(stored) ? (stored as IssuedCopy[]) : [];
}

/** The number the next issued copy of this pack gets (1 for the first). */
export function nextCopyNumber(db: Db, packName: string): number {
  return listIssuedCopies(db, packName).reduce((highest, copy) => Math.max(highest, copy.copyNumber), 0) + 1;
}

/** Records a copy once it has been written: a failed export issues nothing. */
export function registerIssuedCopy(db: Db, packName: string, copy: IssuedCopy): void {
  db.transaction(() => {
    const register = listIssuedCopies(db, packName).filter((issued) => issued.copyNumber !== copy.copyNumber);
    writeSetting(db, copyRegisterKey(packName), [...register, copy]);
  })();
}
