import { BackupError, createBackup, listBackups, restoreBackup } from '../../backups.ts';
import { readSettings } from './settings.ts';
import type { HandlerDeps, HandlerGroup } from './types.ts';
import { UserError } from './types.ts';

/** Backups on demand and "Restore from backup"; automatic ones are scheduled in main/index.ts. */
export function backupHandlers({ db, clock, backups }: HandlerDeps): HandlerGroup<'backup.list' | 'backup.create' | 'backup.restore'> {
  const folder = () => {
    if (!backups) throw new UserError('invalid_request', 'Backups are not available in this window.', 'backups_unavailable');
    return backups.folder;
  };
  const key = () => (backups?.key ? { key: backups.key } : {});
  return {
    'backup.list': () => listBackups(folder()),
    'backup.create': async (_request, changes) => {
      try {
        const backup = await createBackup(db, folder(), { reason: 'manual', now: clock(), keep: readSettings(db).backupsToKeep, ...key() });
        changes.record('backup', 'created', []);
        return backup;
      } catch (error) {
        throw refusedBackup(error);
      }
    },
    'backup.restore': async ({ name }) => {
      try {
        return await restoreBackup(db, folder(), name, { now: clock(), keep: readSettings(db).backupsToKeep, ...key() });
      } catch (error) {
        throw refusedBackup(error, 'name');
      }
    },
  };
}

/** A backup's refusal for the page to word; anything else stays unexpected (logged, answered generically). */
function refusedBackup(error: unknown, field?: string): unknown {
  if (!(error instanceof BackupError)) return error;
  const refusal = error.params ? { reason: error.reason, params: error.params } : error.reason;
  // The chosen backup itself is at fault (missing, damaged): the refusal is about the name picked.
  const atField = (['backup_missing', 'backup_damaged', 'backup_not_sherpa', 'backup_newer', 'backup_other_key'] as const).some(
    (reason) => reason === error.reason,
  )
    ? field
    : undefined;
  return new UserError('invalid_request', error.message, refusal, atField);
}
