import type { ReferenceGroup, ReferenceName, ReferenceNamePart } from '../shared/domain.ts';
import { shortened } from '../shared/shortened.ts';
import { compareNames } from '../shared/sortKey.ts';
import type { Db } from './open.ts';
import { NotFoundError, statement } from './sql.ts';

// Deleting a record touches more than its own row: the schema's foreign keys
// delete some rows with it (a meeting's participants), unlink others (a
// note keeps its words when what it annotates goes) and refuse while others
// still cite it (a source cited by entries). This module works that out from
// the schema itself, so a new table is covered without a list to keep up, and
// keeps every touched row whole so an undo puts back the same rows, same ids.

type Row = Record<string, unknown>;

/** Everything a delete did, enough to undo it exactly. */
export interface DeletionRecord {
  table: string;
  id: number;
  /** Parent first, so they go back in the order the foreign keys need. */
  removed: { table: string; row: Row }[];
  unlinked: { table: string; id: number; column: string; value: unknown }[];
  /** Notes the delete moved to the trash. */
  trashed: number[];
  /** Briefing packs that listed a removed record, with their definitions as they were. */
  packs: { id: number; definition: string }[];
}

interface ForeignKey {
  child: string;
  column: string;
  parentColumn: string;
  onDelete: string;
}

const foreignKeyCache = new WeakMap<Db, Map<string, ForeignKey[]>>();

/** The foreign keys pointing at each table, read from the schema once per connection. */
function foreignKeysTo(db: Db, table: string): ForeignKey[] {
  let byParent = foreignKeyCache.get(db);
  if (!byParent) {
    byParent = new Map();
    const tables = statement(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      const keys = statement(
        db,
        'SELECT "table" AS parent, "from" AS column, "to" AS parentColumn, on_delete AS onDelete FROM pragma_foreign_key_list(?)',
      ).all(name) as { parent: string; column: string; parentColumn: string | null; onDelete: string }[];
      for (const key of keys) {
        const list = byParent.get(key.parent) ?? [];
        list.push({ child: name, column: key.column, parentColumn: key.parentColumn ?? 'id', onDelete: key.onDelete });
        byParent.set(key.parent, list);
      }
    }
    foreignKeyCache.set(db, byParent);
  }
  return byParent.get(table) ?? [];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface Plan extends DeletionRecord {
  blockers: { table: string; row: Row }[];
  /** Per referring row, what happens to it, for the summary. */
  effects: { table: string; row: Row; effect: ReferenceGroup['effect'] }[];
}

/**
 * What deleting one record would do. With `takeAlong`, rows that would block
 * the delete are deleted with it, and live annotations go to the trash rather
 * than staying behind unlinked.
 */
function plan(db: Db, table: string, id: number, takeAlong: boolean): Plan {
  const root = statement(db, `SELECT * FROM ${quote(table)} WHERE id = ?`).get(id) as Row | undefined;
  if (!root) throw new NotFoundError(table.replaceAll('_', ' '), id);
  const result: Plan = { table, id, removed: [], unlinked: [], trashed: [], packs: [], blockers: [], effects: [] };
  const seen = new Set<string>();
  const visit = (rowTable: string, row: Row) => {
    const key = `${rowTable} ${row.id ?? JSON.stringify(row)}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.removed.push({ table: rowTable, row });
    for (const foreignKey of foreignKeysTo(db, rowTable)) {
      const children = statement(db, `SELECT * FROM ${quote(foreignKey.child)} WHERE ${quote(foreignKey.column)} = ?`).all(
        row[foreignKey.parentColumn],
      ) as Row[];
      for (const child of children) {
        if (foreignKey.onDelete === 'CASCADE') {
          result.effects.push({ table: foreignKey.child, row: child, effect: 'deleted' });
          visit(foreignKey.child, child);
        } else if (foreignKey.onDelete === 'SET NULL') {
          const trash = takeAlong && foreignKey.child === 'note' && child.deleted_at === null;
          if (trash) result.trashed.push(Number(child.id));
          result.effects.push({ table: foreignKey.child, row: child, effect: trash ? 'trashed' : 'unlinked' });
          result.unlinked.push({
            table: foreignKey.child,
            id: Number(child.id),
            column: foreignKey.column,
            value: row[foreignKey.parentColumn],
          });
        } else if (takeAlong) {
          result.effects.push({ table: foreignKey.child, row: child, effect: 'deleted' });
          visit(foreignKey.child, child);
        } else {
          result.effects.push({ table: foreignKey.child, row: child, effect: 'blocks' });
          result.blockers.push({ table: foreignKey.child, row: child });
        }
      }
    }
  };
  visit(table, root);
  for (const pack of packsListing(db, result.removed)) {
    result.packs.push({ id: pack.id, definition: pack.definition });
    result.effects.push({ table: 'briefing_pack', row: { id: pack.id, name: pack.name }, effect: 'unlinked' });
  }
  return result;
}

// A pack's definition names records by id in JSON, out of the foreign keys'
// sight: a pack listing a deleted meeting could no longer be exported, so the
// delete takes the record out of the pack, and Undo puts the definition back.
type Removed = Record<'meeting' | 'sector' | 'person' | 'summit', Set<number>>;
interface DefinitionRefs {
  summitId?: number | null;
  principalId?: number | null;
  sections?: { meetingId?: number; sectorId?: number; personIds?: number[] }[];
}

function removedIds(removed: DeletionRecord['removed']): Removed {
  const ids: Removed = { meeting: new Set(), sector: new Set(), person: new Set(), summit: new Set() };
  for (const { table, row } of removed) if (table in ids) ids[table as keyof Removed].add(Number(row.id));
  return ids;
}

/** The definition without the removed records, or null when it named none of them. */
function pruned(definition: DefinitionRefs, ids: Removed): DefinitionRefs | null {
  let changed = false;
  const drop = (set: Set<number>, id: number | null | undefined) => id !== null && id !== undefined && set.has(id);
  const next: DefinitionRefs = { ...definition };
  if (drop(ids.summit, definition.summitId)) {
    next.summitId = null;
    changed = true;
  }
  if (drop(ids.person, definition.principalId)) {
    next.principalId = null;
    changed = true;
  }
  next.sections = (definition.sections ?? []).flatMap((section) => {
    if (drop(ids.meeting, section.meetingId) || drop(ids.sector, section.sectorId)) {
      changed = true;
      return [];
    }
    if (section.personIds?.some((personId) => ids.person.has(personId))) {
      changed = true;
      return [{ ...section, personIds: section.personIds.filter((personId) => !ids.person.has(personId)) }];
    }
    return [section];
  });
  return changed ? next : null;
}

function packsListing(db: Db, removed: DeletionRecord['removed']): { id: number; name: string; definition: string }[] {
  const ids = removedIds(removed);
  if (Object.values(ids).every((set) => set.size === 0)) return [];
  const packs = (
    statement(db, 'SELECT id, name, definition FROM briefing_pack ORDER BY id').all() as {
      id: number;
      name: string;
      definition: string;
    }[]
  ).sort((a, b) => compareNames(a.name, b.name));
  return packs.filter((pack) => pruned(JSON.parse(pack.definition) as DefinitionRefs, ids) !== null);
}

/**
 * The name a user knows a row by, part by part, each with the marking of the record it comes from. A person's
 * `title` is a job title, so people go by name; a participant (or a biography written for a meeting) is
 * "person — meeting", so a person's two meetings do not read as the same name twice, and the person's mark and the
 * meeting's each stand beside their own part. A biography adds its own text, beside its own mark.
 */
function nameOf(db: Db, table: string, row: Row): ReferenceName {
  const own = typeof row.classification === 'string' ? row.classification : null;
  if (table === 'meeting_participant' || table === 'meeting_biography') {
    const person = statement(db, 'SELECT name AS text, classification AS marking FROM person WHERE id = ?').get(row.person_id) as
      | ReferenceNamePart
      | undefined;
    const meeting = statement(db, 'SELECT title AS text, classification AS marking FROM meeting WHERE id = ?').get(row.meeting_id) as
      | ReferenceNamePart
      | undefined;
    const text = typeof row.text === 'string' && row.text.trim() !== '' ? { text: shortened(row.text, 79), marking: own } : undefined;
    return [person, meeting, text].filter((part): part is ReferenceNamePart => part !== undefined && part.text !== '');
  }
  for (const column of table === 'person' ? ['name'] : ['title', 'name', 'description', 'body']) {
    const value = row[column];
    if (typeof value === 'string' && value.trim() !== '') return [{ text: shortened(value, 79), marking: own }];
  }
  return [];
}

/** The group of notes that annotate nothing (linked to a summit or a sector, or to nothing). */
export const freeNoteGroup = 'free_note';

function summarise(db: Db, effects: Plan['effects']): ReferenceGroup[] {
  const groups = new Map<string, ReferenceGroup>();
  for (const { table: rowTable, row, effect } of effects) {
    // Notes and annotations share a table; a note on a summit or sector is named a note, as the notes list names it.
    const table = rowTable === 'note' && row.meeting_id == null && row.sector_entry_id == null ? freeNoteGroup : rowTable;
    const key = `${table} ${effect}`;
    const group = groups.get(key) ?? { table, effect, count: 0, names: [] };
    group.count += 1;
    const name = nameOf(db, table, row);
    if (name.length > 0) group.names.push(name);
    groups.set(key, group);
  }
  // The first few by name, as the lists show them: in the order the rows were found, a source's citing people
  // came as they were entered, and the five shown were not the first five of the list the user knows.
  const textOf = (name: ReferenceName) => name.map((part) => part.text).join(' — ');
  return [...groups.values()].map((group) => ({
    ...group,
    names: group.names.toSorted((a, b) => compareNames(textOf(a), textOf(b))).slice(0, shownNames),
  }));
}

/** Names a delete dialog lists of each group; the count says how many more. */
const shownNames = 5;

/** What refers to a record, and what a delete would do to each, without changing anything. */
export function referencesTo(db: Db, table: string, id: number, takeAlong: boolean): ReferenceGroup[] {
  return summarise(db, plan(db, table, id, takeAlong).effects);
}

export class DeleteBlockedError extends Error {
  readonly references: ReferenceGroup[];
  constructor(references: ReferenceGroup[]) {
    super('Other records still refer to this one.');
    this.name = 'DeleteBlockedError';
    this.references = references;
  }
}

/**
 * Deletes a record and what the schema deletes with it; with `takeAlong`,
 * also what cites it, and moves its annotations to the trash. The caller runs
 * it inside its transaction.
 */
export function deleteRecord(
  db: Db,
  table: string,
  id: number,
  takeAlong: boolean,
): { record: DeletionRecord; references: ReferenceGroup[] } {
  const found = plan(db, table, id, takeAlong);
  if (found.blockers.length > 0)
    throw new DeleteBlockedError(
      summarise(
        db,
        found.effects.filter((effect) => effect.effect === 'blocks'),
      ),
    );
  const ids = removedIds(found.removed);
  for (const pack of found.packs) {
    const next = pruned(JSON.parse(pack.definition) as DefinitionRefs, ids);
    statement(db, 'UPDATE briefing_pack SET definition = ? WHERE id = ?').run(JSON.stringify(next), pack.id);
  }
  const trash = statement(db, `UPDATE note SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ?`);
  for (const noteId of found.trashed) trash.run(noteId);
  // Children first: a row that would block its parent's delete goes before it.
  for (const { table: rowTable, row } of [...found.removed].reverse()) {
    if (row.id !== undefined) statement(db, `DELETE FROM ${quote(rowTable)} WHERE id = ?`).run(row.id);
  }
  const { blockers: _blockers, effects, ...record } = found;
  return { record, references: summarise(db, effects) };
}

/** Puts back exactly what `deleteRecord` took: the same rows with the same ids, links and trash state. */
export function undoDeletion(db: Db, record: DeletionRecord): void {
  // A restored row may point at another restored row inserted after it.
  db.pragma('defer_foreign_keys = ON');
  for (const { table, row } of record.removed) {
    const columns = Object.keys(row);
    statement(
      db,
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
    ).run(row);
  }
  for (const link of record.unlinked) {
    statement(db, `UPDATE ${quote(link.table)} SET ${quote(link.column)} = ? WHERE id = ?`).run(link.value, link.id);
  }
  const restore = statement(db, 'UPDATE note SET deleted_at = NULL WHERE id = ?');
  for (const noteId of record.trashed) restore.run(noteId);
  const putBack = statement(db, 'UPDATE briefing_pack SET definition = ? WHERE id = ?');
  for (const pack of record.packs) putBack.run(pack.definition, pack.id);
}

/** Whether a row with this id exists: a link to a deleted record is refused at its field, not by a foreign key error. */
export function recordExists(db: Db, table: string, id: number): boolean {
  return statement(db, `SELECT 1 FROM ${quote(table)} WHERE id = ?`).get(id) !== undefined;
}
