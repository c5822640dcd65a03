import { type Dependent, dependentsOf } from '../../../db/dependents.ts';
import { followUps } from '../../../db/followUps.ts';
import { meetings } from '../../../db/meetings.ts';
import { countries, people, sources } from '../../../db/people.ts';
import { programmes, sectorEntries, sectors } from '../../../db/sectors.ts';
import { summits } from '../../../db/summits.ts';
import { timelineEvents } from '../../../db/timeline.ts';
import { type ChangedEntity, type Channel, type Entities, type EntityName, entityNames, type Touched } from '../../../shared/contract.ts';
import { entityFields, entityRules } from '../schemas.ts';
import { describeIssue } from '../validation.ts';
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

function recordTakenAlong(changes: ChangeLog, deleted: { entity: EntityName; id: number }, dependents: Dependent[]): void {
  for (const { table, how, rows } of dependents) {
    const owner = ownerOfRow[table];
    if (!owner) continue;
    // A row that belongs to another record (a participant, a revision) changes that record; it is not deleted.
    const ownerHow: Touched['how'] = owner.column === 'id' ? how : 'updated';
    const ids = rows.map((row) => Number(row[owner.column])).filter((id) => !(owner.entity === deleted.entity && id === deleted.id));
    if (ids.length > 0) changes.record(owner.entity, ownerHow, ids);
  }
}

/** Checks the complete record (after an update is merged) against the field and cross-field rules. */
function checkRecord(entity: EntityName, record: Record<string, unknown>): void {
  const parsed = entityFields[entity].safeParse(record);
  if (!parsed.success) {
    const issue = describeIssue(parsed.error);
    throw new UserError('invalid_request', issue.message, issue.field);
  }
  const broken = entityRules[entity]?.(record);
  if (broken) throw new UserError('invalid_request', broken.message, broken.field);
}

type EntityHandlers = Pick<Handlers, `${EntityName}.${'get' | 'create' | 'update' | 'delete'}` & Channel>;

/** Get, create, update and delete for every record a form edits; writes run inside the dispatch's transaction. */
export function entityHandlers({ db }: HandlerDeps): EntityHandlers {
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
    handlers[`${entity}.create`] = (input: Record<string, unknown>, changes: ChangeLog) => {
      checkRecord(entity, input);
      const id = records.insert(db, input);
      changes.record(entity, 'created', [id]);
      return records.get(db, id);
    };
    handlers[`${entity}.update`] = ({ id, patch }: { id: number; patch: Record<string, unknown> }, changes: ChangeLog) => {
      const { id: _id, ...current } = records.get(db, id) as unknown as Record<string, unknown>;
      checkRecord(entity, { ...current, ...patch });
      records.update(db, id, patch);
      changes.record(entity, 'updated', [id]);
      return records.get(db, id);
    };
    handlers[`${entity}.delete`] = ({ id }: { id: number }, changes: ChangeLog) => {
      const deleted = records.get(db, id);
      const takenAlong = dependentsOf(db, records.table, id);
      records.remove(db, id);
      changes.record(entity, 'deleted', [id]);
      recordTakenAlong(changes, { entity, id }, takenAlong);
      return { deleted };
    };
  }
  return handlers as unknown as EntityHandlers;
}
