import type { Db } from '../../../db/open.ts';
import { NotFoundError, statement } from '../../../db/sql.ts';
import { kindOf, listConflictSummaries, recordConflict } from '../../../db/sync/conflictDetail.ts';
import { ConflictChoiceError, ConflictLowersMarkingError, ConflictMovedOnError, resolveConflict } from '../../../db/sync/conflicts.ts';
import { currentBody, docState, type SyncedEntity } from '../../../db/sync/history.ts';
import { deleteRestored, keepRestored, listRestorations, RestorationMovedOnError } from '../../../db/sync/restorations.ts';
import { unmarked } from '../../../shared/markings.ts';
import { changedEntityOf } from '../../sync/pulledChanges.ts';
import { readSettings } from './settings.ts';
import { type ChangeLog, type HandlerDeps, type HandlerGroup, UserError } from './types.ts';

type ConflictChannel = 'conflict.list' | 'conflict.get' | 'conflict.resolve' | 'conflict.restorations' | 'conflict.settleRestoration';

/** Tells every window what a resolution changed: the record's row, and the list of conflicts. */
function announce(db: Db, changes: ChangeLog, entity: SyncedEntity, rowKey: string | null): void {
  changes.record('conflict', 'deleted', []);
  if (rowKey === null) return;
  // A participant's key is `meeting:person`, a meeting's own biography has its own id: their meeting's brief shows them.
  const rowId =
    entity === 'meeting_biography'
      ? (statement(db, 'SELECT meeting_id FROM meeting_biography WHERE id = ?').pluck().get(Number(rowKey)) as number | undefined)
      : Number(rowKey.split(':')[0]);
  if (rowId !== undefined) changes.record(changedEntityOf(entity), 'updated', [rowId]);
}

export function conflictHandlers({ db, clock }: HandlerDeps): HandlerGroup<ConflictChannel> {
  const levels = () => readSettings(db).classificationScheme.levels.map((level) => level.name);
  return {
    'conflict.list': () => listConflictSummaries(db),
    'conflict.get': ({ id }) => {
      const conflict = recordConflict(db, id, levels());
      if (!conflict) throw new NotFoundError('conflict', id);
      return conflict;
    },
    'conflict.resolve': (resolution, changes) => {
      const before = docState(db, resolution.id);
      if (!before) throw new NotFoundError('record', resolution.id);
      try {
        const { rev, others } = resolveConflict(db, resolution, { levels: levels(), now: clock().toISOString() });
        const after = docState(db, resolution.id);
        const rowKey = after?.row_key ?? null;
        if (resolution.action === 'keep' || resolution.action === 'dismiss') changes.record('conflict', 'deleted', []);
        else announce(db, changes, before.entity, rowKey);
        return {
          id: resolution.id,
          kind: kindOf(before.entity, currentBody(db, resolution.id) ?? null),
          rowId:
            rowKey === null || before.entity === 'meeting_participant' || before.entity === 'meeting_biography' ? null : Number(rowKey),
          rev,
          others,
        };
      } catch (error) {
        if (error instanceof ConflictMovedOnError) throw new UserError('conflict', error.message, 'conflict_moved_on', 'winnerRev');
        if (error instanceof ConflictLowersMarkingError)
          throw new UserError(
            'invalid_request',
            error.message,
            { reason: 'lowers_marking', params: { higher: error.lowered.higher || unmarked, lower: error.lowered.lower || unmarked } },
            'lowersMarkingTo',
            [error.lowered.higher, error.lowered.lower],
          );
        if (error instanceof ConflictChoiceError) throw new UserError('invalid_request', error.message, 'invalid', error.field);
        throw error;
      }
    },
    'conflict.restorations': () => listRestorations(db),
    'conflict.settleRestoration': (settlement, changes) => {
      try {
        if (settlement.action === 'keep') {
          keepRestored(db, settlement.id, settlement.deletion);
          changes.record('conflict', 'deleted', []);
          return { id: settlement.id, action: 'keep', deleted: 0 };
        }
        const deleted = deleteRestored(db, settlement.id, settlement.deletion, settlement.referrers);
        changes.record('conflict', 'deleted', []);
        // A meeting's own biography goes with its meeting (its row, and so its meeting's id, is gone): the meeting's own line says it.
        for (const { entity, rowKey } of deleted.filter((row) => row.entity !== 'meeting_biography'))
          changes.record(changedEntityOf(entity), entity === 'meeting_participant' ? 'updated' : 'deleted', [Number(rowKey.split(':')[0])]);
        return { id: settlement.id, action: 'delete', deleted: deleted.length };
      } catch (error) {
        if (error instanceof RestorationMovedOnError) throw new UserError('conflict', error.message, 'conflict_moved_on', 'deletion');
        throw error;
      }
    },
  };
}
