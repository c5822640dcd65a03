import { createBackup, listBackups, restoreBackup } from '../../backups.ts';
import { readSettings } from './settings.ts';
import type { HandlerDeps, HandlerGroup } from './types.ts';
import { UserError } from './types.ts';

/** Backups on demand and "Restore from backup"; automatic ones are scheduled in main/index.ts. */
export function backupHandlers({ db, clock, backups }: HandlerDeps): HandlerGroup<'backup.list' | 'backup.create' | 'backup.restore'> {
  const folder = () => {
    if (!backups) throw new UserError('invalid_request', 'Backups are not available in this window.');
    return backups.folder;
  };
  const key = () => (backups?.key ? { key: backups.key } : {});
  return {
    'backup.list': () => listBackups(folder()),
    'backup.create': async (_request, changes) => {
      const backup = await createBackup(db, folder(), { reason: 'manual', now: clock(), keep: readSettings(db).backupsToKeep, ...key() });
      changes.record('backup', 'created', []);
      return backup;
    },
    'backup.restore': async ({ name }) => {
      try {
        return await restoreBackup(db, folder(), name, { now: clock(), keep: readSettings(db).backupsToKeep, ...key() });
      } catch (error) {
        if (error instanceof UserError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        if (/no backup named|is damaged/.test(message)) throw new UserError('invalid_request', message, 'name');
        throw error;
      }
    },
  };
}
