import { followUps } from '../../../db/followUps.ts';
import { meetings } from '../../../db/meetings.ts';
import { countries, people, sources } from '../../../db/people.ts';
import { programmes, sectorEntries, sectors } from '../../../db/sectors.ts';
import { summits } from '../../../db/summits.ts';
import { timelineEvents } from '../../../db/timeline.ts';
import { type Channel, type Entities, type EntityName, entityNames } from '../../../shared/contract.ts';
import { entityFields, entityRules } from '../schemas.ts';
import { describeIssue } from '../validation.ts';
import { type HandlerDeps, type Handlers, UserError } from './types.ts';

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

type EntityHandlers = Pick<Handlers, `${EntityName}.${'create' | 'update' | 'delete'}` & Channel>;

/** Create, update and delete for every record a form edits; each runs inside the dispatch's transaction. */
export function entityHandlers({ db }: HandlerDeps): EntityHandlers {
  const handlers: Record<string, (request: never) => unknown> = {};
  for (const entity of entityNames) {
    const records = tables[entity] as unknown as {
      get(db: HandlerDeps['db'], id: number): Entities[typeof entity];
      insert(db: HandlerDeps['db'], values: object): number;
      update(db: HandlerDeps['db'], id: number, patch: object): void;
      remove(db: HandlerDeps['db'], id: number): void;
    };
    handlers[`${entity}.create`] = (input: Record<string, unknown>) => {
      checkRecord(entity, input);
      return records.get(db, records.insert(db, input));
    };
    handlers[`${entity}.update`] = ({ id, patch }: { id: number; patch: Record<string, unknown> }) => {
      const { id: _id, ...current } = records.get(db, id) as unknown as Record<string, unknown>;
      checkRecord(entity, { ...current, ...patch });
      records.update(db, id, patch);
      return records.get(db, id);
    };
    handlers[`${entity}.delete`] = ({ id }: { id: number }) => {
      const deleted = records.get(db, id);
      records.remove(db, id);
      return { deleted };
    };
  }
  return handlers as unknown as EntityHandlers;
}
