import type {
  ConflictField,
  ConflictKind,
  ConflictPage,
  ConflictSide,
  ConflictSummary,
  FieldValue,
  RecordConflict,
} from '../../shared/conflicts.ts';
import { briefSections } from '../../shared/domain.ts';
import { recordKindOfTable } from '../../shared/recordKinds.ts';
import { recordName } from '../../shared/recordNames.ts';
import type { RecordBody } from '../../shared/sync.ts';
import { meetings } from '../meetings.ts';
import type { Db } from '../open.ts';
import {
  type ConflictVersion,
  conflictOf,
  higherMarking,
  type RecordConflict as KeptConflict,
  listConflicts as keptConflicts,
} from './conflicts.ts';
import { columnsOf, currentBody, docState, foreignKeys, isSyncedEntity, type SyncedEntity } from './history.ts';

// What the conflicts screen shows of a kept conflict: the record named as a
// person knows it (its kind, its title, its marking, the page it is on), and
// each version's fields side by side, references shown by name.

/** Kept in a record's history but not compared: every save changes them, and the side's "saved" time shows them. */
const bookkeeping = new Set(['updated_at', 'created_at']);

/** Columns holding prose: a merge may edit the combined text. A meeting's are its brief's sections. */
const proseColumns = new Set([
  'body',
  'note',
  'description',
  'biography',
  'summary',
  'our_position',
  'source_excerpt',
  ...briefSections.map((section) => meetings.columns[section]),
]);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The record's row here, for a live record with a numeric key. */
function rowIdOf(db: Db, docId: unknown): number | null {
  if (typeof docId !== 'string') return null;
  const state = docState(db, docId);
  if (!state || state.deleted === 1 || state.row_key === null || state.entity === 'meeting_participant') return null;
  return Number(state.row_key);
}

/** How a person names a record at one of its versions. */
export function nameIn(db: Db, entity: string, body: RecordBody | null): string {
  if (!isSyncedEntity(entity)) return '';
  return recordName(entity, body, (docId) => nameOf(db, docId));
}

/** A referenced record's name, as it is now here. */
function nameOf(db: Db, docId: unknown): string {
  if (typeof docId !== 'string') return '';
  const state = docState(db, docId);
  return state ? nameIn(db, state.entity, currentBody(db, docId) ?? null) : '';
}

export function kindOf(entity: SyncedEntity, body: RecordBody | null): ConflictKind {
  if (entity === 'note' && body?.meeting_id) return 'meetingAnnotation';
  if (entity === 'note' && body?.sector_entry_id) return 'entryAnnotation';
  return recordKindOfTable[entity];
}

export function pageOf(db: Db, entity: SyncedEntity, rowId: number | null, body: RecordBody | null): ConflictPage | null {
  const via = (view: 'meeting' | 'sectors', docId: unknown): ConflictPage | null => {
    const id = rowIdOf(db, docId);
    return id === null ? null : { view, id };
  };
  switch (entity) {
    case 'meeting_participant':
    case 'meeting_biography':
    case 'follow_up':
      return via('meeting', body?.meeting_id);
    case 'sector_entry':
      return via('sectors', body?.sector_id);
    case 'timeline_event':
      return { view: 'timeline' };
    case 'source':
      return { view: 'sources' };
    case 'country':
      return { view: 'people' };
    case 'programme':
      return { view: 'sectors' };
    default:
      break;
  }
  if (rowId === null) return null;
  const views = { meeting: 'meeting', summit: 'summit', person: 'people', sector: 'sectors', note: 'notes' } as const;
  return { view: views[entity], id: rowId };
}

function summaryOf(db: Db, kept: KeptConflict): ConflictSummary {
  const entity = kept.entity as SyncedEntity;
  const state = docState(db, kept.id);
  const rowId = state && entity !== 'meeting_participant' && state.row_key !== null ? Number(state.row_key) : null;
  const body = kept.winner.body;
  return {
    id: kept.id,
    kind: kindOf(entity, body),
    rowId,
    page: pageOf(db, entity, rowId, body),
    title: nameIn(db, entity, body),
    classification: text(body?.classification),
    otherMarkings: [
      ...new Set(kept.losers.flatMap((loser) => (typeof loser.body?.classification === 'string' ? [loser.body.classification] : []))),
    ],
    winnerRev: kept.winner.rev,
    others: kept.losers.length,
  };
}

/** Every record with losing versions kept beside the one shown, titles in order. */
export function listConflictSummaries(db: Db): ConflictSummary[] {
  return keptConflicts(db)
    .map((kept) => summaryOf(db, kept))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** One kept conflict, field by field; undefined when the record has none (left). */
export function recordConflict(db: Db, docId: string, levels: readonly string[], kept?: KeptConflict): RecordConflict | undefined {
  const conflict = kept ?? conflictOf(db, docId);
  if (!conflict || conflict.losers.length === 0) return undefined;
  const entity = conflict.entity as SyncedEntity;
  const references = foreignKeys(db, entity);
  const sideOf = ({ rev, body, author }: ConflictVersion): ConflictSide => {
    const values: Record<string, FieldValue> = {};
    const shown: Record<string, string> = {};
    for (const [name, value] of Object.entries(body ?? {})) {
      if (bookkeeping.has(name)) continue;
      values[name] = value;
      if (references.has(name) && value !== null) shown[name] = nameOf(db, value) || String(value);
    }
    return {
      rev,
      savedAt: typeof body?.updated_at === 'string' ? body.updated_at : null,
      author,
      classification: text(body?.classification),
      values,
      shown,
    };
  };
  const winner = sideOf(conflict.winner);
  const losers = conflict.losers.map(sideOf);
  const sides = [winner, ...losers];
  const names = new Set(sides.flatMap((side) => Object.keys(side.values)));
  const ordered = [
    ...columnsOf(db, entity).filter((name) => names.has(name)),
    ...[...names].filter((name) => !columnsOf(db, entity).includes(name)),
  ];
  const fields: ConflictField[] = ordered.map((name) => {
    const values = sides.map((side) => side.values[name] ?? null);
    return {
      name,
      differs: values.some((value) => value !== values[0]),
      long:
        !references.has(name) &&
        (proseColumns.has(name) || values.some((value) => typeof value === 'string' && (value.includes('\n') || value.length > 120))),
    };
  });
  return {
    summary: summaryOf(db, conflict),
    winner,
    losers,
    fields,
    mergeMarking: higherMarking(
      sides.map((side) => side.classification),
      levels,
    ),
  };
}
