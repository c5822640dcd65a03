import { DeleteBlockedError, type DeletionRecord, deleteRecord, recordExists, referencesTo, undoDeletion } from '../../../db/deletions.ts';
import { followUps } from '../../../db/followUps.ts';
import { meetings } from '../../../db/meetings.ts';
import { packsListingMeeting } from '../../../db/packs.ts';
import { countries, people, sources } from '../../../db/people.ts';
import { programmes, sectorEntries, sectors } from '../../../db/sectors.ts';
import { summits } from '../../../db/summits.ts';
import { withClosingsFirst } from '../../../db/sync/closingsFirst.ts';
import { timelineEvents } from '../../../db/timeline.ts';
import { type ChangedEntity, type Channel, type Entities, type EntityName, entityNames, type Touched } from '../../../shared/contract.ts';
import { type GuardedSave, movedFields } from '../../../shared/guard.ts';
import { entityBlanks, entityFields, entityRules } from '../schemas.ts';
import { describeIssue } from '../validation.ts';
import { acceptMarking } from './acceptMarking.ts';
import { closeOtherVersions, otherVersionsOf } from './otherVersions.ts';
import { RecentDeletions } from './recentDeletions.ts';
import { type ChangeLog, type HandlerDeps, type Handlers, UserError } from './types.ts';

const tables = {
  summit: summits,
  meeting: meetings,
  person: people,
  country: countries,
  source: sources,
  programme: programmes,
  sector: sectors,
  sectorEntry: sectorEntries,
  timelineEvent: timelineEvents,
  followUp: followUps,
};

/** Each record's table in the store, where the schema's foreign keys say what refers to it. */
const storeTables: Record<EntityName, string> = {
  summit: 'summit',
  meeting: 'meeting',
  person: 'person',
  country: 'country',
  source: 'source',
  programme: 'programme',
  sector: 'sector',
  sectorEntry: 'sector_entry',
  timelineEvent: 'timeline_event',
  followUp: 'follow_up',
};

/** The name a user knows a record by, for "Restored: …". */
function nameOf(record: object): string {
  const fields = record as Record<string, unknown>;
  for (const field of ['title', 'name', 'description'])
    if (typeof fields[field] === 'string' && fields[field] !== '') return String(fields[field]);
  return '';
}

/** The table each link field points into, so a link to a record that is gone is refused at its field. */
const linkTables: Record<string, string> = {
  summitId: 'summit',
  meetingId: 'meeting',
  countryId: 'country',
  partnerId: 'country',
  sourceId: 'source',
  counterpartId: 'person',
  programmeId: 'programme',
  sectorId: 'sector',
};

/**
 * Which record each table's rows belong to, for telling windows what a delete
 * took along: a participant row changes its meeting, a revision its note.
 */
const ownerOfRow: Record<string, { entity: ChangedEntity; column: string }> = {
  summit: { entity: 'summit', column: 'id' },
  meeting: { entity: 'meeting', column: 'id' },
  meeting_participant: { entity: 'meeting', column: 'meeting_id' },
  person: { entity: 'person', column: 'id' },
  country: { entity: 'country', column: 'id' },
  source: { entity: 'source', column: 'id' },
  programme: { entity: 'programme', column: 'id' },
  sector: { entity: 'sector', column: 'id' },
  sector_entry: { entity: 'sectorEntry', column: 'id' },
  timeline_event: { entity: 'timelineEvent', column: 'id' },
  follow_up: { entity: 'followUp', column: 'id' },
  note: { entity: 'note', column: 'id' },
  note_revision: { entity: 'note', column: 'note_id' },
};

/** Tells windows about every row a delete (or its undo) touched: the record, what went with it, what was unlinked or trashed. */
function recordDeletion(changes: ChangeLog, entity: EntityName, record: DeletionRecord, undone: boolean): void {
  changes.record(entity, undone ? 'created' : 'deleted', [record.id]);
  for (const { table, row } of record.removed) {
    const owner = ownerOfRow[table];
    if (!owner) continue;
    const id = Number(row[owner.column]);
    if (owner.entity === entity && id === record.id) continue;
    // A row that belongs to another record (a participant, a revision) changes that record; it is not deleted.
    const how: Touched['how'] = owner.column !== 'id' ? 'updated' : undone ? 'created' : 'deleted';
    changes.record(owner.entity, how, [id]);
  }
  for (const link of record.unlinked) {
    const owner = ownerOfRow[link.table];
    if (owner?.column === 'id') changes.record(owner.entity, 'updated', [link.id]);
  }
  if (record.trashed.length > 0) changes.record('note', 'updated', record.trashed);
  // A pack that listed a removed record lost it (or, on undo, got it back): an open builder must refresh its sections.
  if (record.packs.length > 0)
    changes.record(
      'pack',
      'updated',
      record.packs.map((pack) => pack.id),
    );
}

/**
 * A pack draws only from its own summit. Moving a meeting a pack lists to
 * another summit is refused, naming the packs, rather than taking it out of
 * them unasked: a desk officer moving a meeting may not know a pack relies on
 * it, and a pack quietly losing a meeting is found out only in the car.
 */
function checkMeetingStaysInItsPacks(db: HandlerDeps['db'], id: number, patch: Record<string, unknown>): void {
  if (!('summitId' in patch)) return;
  const listing = packsListingMeeting(db, id).filter((pack) => pack.definition.summitId !== patch.summitId);
  if (listing.length === 0) return;
  const names = listing.map((pack) => `“${pack.name}”`).join(', ');
  // 'constraint' with a field: the value is fine, a rule between records refuses it (the renderer says which).
  throw new UserError(
    'constraint',
    `summitId: this meeting is in the briefing pack${listing.length > 1 ? 's' : ''} ${names} of its present summit; take it out of ${listing.length > 1 ? 'them' : 'it'} first, then move the meeting`,
    'meeting_in_packs',
    'summitId',
    listing.map((pack) => pack.name),
  );
}

/** Checks the complete record (after an update is merged) against the field and cross-field rules. */
function checkRecord(db: HandlerDeps['db'], entity: EntityName, record: Record<string, unknown>): void {
  const parsed = entityFields[entity].safeParse(record);
  if (!parsed.success) {
    const issue = describeIssue(parsed.error);
    throw new UserError('invalid_request', issue.message, issue, issue.field);
  }
  const broken = entityRules[entity]?.(record);
  if (broken) throw new UserError('invalid_request', broken.message, broken.reason, broken.field);
  for (const [field, table] of Object.entries(linkTables)) {
    const linked = record[field];
    if (typeof linked !== 'number') continue;
    if (!recordExists(db, table, linked)) {
      throw new UserError('invalid_request', `${field}: refers to a record that no longer exists`, 'no_such_record', field);
    }
  }
}

type EntityHandlers = Pick<
  Handlers,
  (`${EntityName}.${'get' | 'create' | 'update' | 'delete' | 'references'}` & Channel) | 'deletion.undo'
>;

/** Get, create, update and delete for every record a form edits; writes run inside the dispatch's transaction. */
export function entityHandlers({ db, recentDeletions = new RecentDeletions() }: HandlerDeps): EntityHandlers {
  const handlers: Record<string, (request: never, changes: ChangeLog) => unknown> = {};
  for (const entity of entityNames) {
    const records = tables[entity] as unknown as {
      table: string;
      get(db: HandlerDeps['db'], id: number): Entities[typeof entity];
      insert(db: HandlerDeps['db'], values: object): number;
      update(db: HandlerDeps['db'], id: number, patch: object): void;
      remove(db: HandlerDeps['db'], id: number): void;
    };
    handlers[`${entity}.get`] = ({ id }: { id: number }) => records.get(db, id);
    handlers[`${entity}.create`] = (request: Record<string, unknown>, changes: ChangeLog) => {
      const input = { ...request, ...entityBlanks[entity]?.(request) };
      checkRecord(db, entity, input);
      if (typeof input.classification === 'string')
        input.classification = acceptMarking(db, input.classification, undefined, 'classification');
      const id = records.insert(db, input);
      changes.record(entity, 'created', [id]);
      return records.get(db, id);
    };
    handlers[`${entity}.update`] = (
      { id, patch: request, expected }: { id: number; patch: Record<string, unknown>; expected?: Record<string, unknown> },
      changes: ChangeLog,
    ): GuardedSave<Entities[typeof entity]> => {
      const stored = records.get(db, id);
      const { id: _id, ...current } = stored as unknown as Record<string, unknown>;
      // Read and written in the dispatch's one transaction: nothing can land between this check and the write.
      if (expected && movedFields(current, expected).length > 0) return { status: 'stale', current: stored };
      const patch = { ...request, ...entityBlanks[entity]?.({ ...current, ...request }) };
      checkRecord(db, entity, { ...current, ...patch });
      if (typeof patch.classification === 'string')
        patch.classification = acceptMarking(db, patch.classification, String(current.classification ?? ''), 'classification');
      // A Save with nothing changed (a form saved as opened) writes nothing: a new revision of the same text would
      // replicate to every desk, move the record up "recently edited", and turn a colleague's edit into a conflict.
      if (Object.entries(patch).every(([field, value]) => Object.is(value, current[field]))) return { status: 'saved', saved: stored };
      if (entity === 'meeting') checkMeetingStaysInItsPacks(db, id, patch);
      records.update(db, id, patch);
      changes.record(entity, 'updated', [id]);
      return { status: 'saved', saved: records.get(db, id) };
    };
    handlers[`${entity}.references`] = ({ id }: { id: number }) => ({
      alone: referencesTo(db, storeTables[entity], id, false),
      takeAlong: referencesTo(db, storeTables[entity], id, true),
      otherVersions: otherVersionsOf(db, storeTables[entity], id).length,
    });
    handlers[`${entity}.delete`] = (
      { id, takeAlong = false, withOtherVersions = false }: { id: number; takeAlong?: boolean; withOtherVersions?: boolean },
      changes: ChangeLog,
    ) => {
      const deleted = records.get(db, id);
      closeOtherVersions(db, storeTables[entity], id, withOtherVersions);
      try {
        // What the deletion takes out of a summit's database leaves it ahead of the deletion (closingsFirst.ts).
        const { record, references } = withClosingsFirst(db, () => deleteRecord(db, storeTables[entity], id, takeAlong));
        recordDeletion(changes, entity, record, false);
        const undoId = recentDeletions.remember({ entity, name: nameOf(deleted), record, references });
        return { deleted, undoId, references };
      } catch (error) {
        if (error instanceof DeleteBlockedError) {
          throw new UserError(
            'constraint',
            'Other records still refer to this one; delete them with it, or change them first.',
            'still_referenced',
          );
        }
        throw error;
      }
    };
  }
  handlers['deletion.undo'] = ({ id }: { id: number }, changes: ChangeLog) => {
    const entry = recentDeletions.take(id);
    if (!entry) throw new UserError('invalid_request', 'This delete can no longer be undone.', 'undo_expired');
    try {
      undoDeletion(db, entry.record);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) throw error;
      // The dispatch's transaction rolls back whatever the undo had put back, so the delete stands as it was.
      throw new UserError(
        'constraint',
        `${entry.name ? `"${entry.name}"` : 'This delete'} could not be undone: another record now takes its place. It stays deleted; nothing else was changed.`,
        'undo_taken',
      );
    }
    // A pack is one row that nothing refers to: putting it back touches only the pack list.
    if (entry.entity === 'pack') changes.record('pack', 'created', [entry.record.id]);
    else recordDeletion(changes, entry.entity, entry.record, true);
    return { entity: entry.entity, id: entry.record.id, name: entry.name, references: entry.references };
  };
  return handlers as unknown as EntityHandlers;
}
