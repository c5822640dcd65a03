import { search } from '../../../db/search.ts';
import { readSetting, writeSetting } from '../../../db/settings.ts';
import type { Settings } from '../../../shared/contract.ts';
import { defaultBackupsToKeep } from '../../backups.ts';
import { settingsFields } from '../schemas.ts';
import type { HandlerDeps, HandlerGroup } from './types.ts';

export const natoScheme: Settings['classificationScheme'] = {
  name: 'NATO',
  levels: [
    { name: 'NATO UNCLASSIFIED', portion: 'NU' },
    { name: 'NATO RESTRICTED', portion: 'NR' },
    { name: 'NATO CONFIDENTIAL', portion: 'NC' },
    { name: 'NATO SECRET', portion: 'NS' },
  ],
};

export function defaultSettings(): Settings {
  return {
    homeTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    theme: 'system',
    language: 'en',
    classificationScheme: natoScheme,
    backupsToKeep: defaultBackupsToKeep,
    autoLockMinutes: 15,
  };
}

/** Stored settings over the defaults; a stored value that no longer parses falls back to its default. */
export function readSettings(db: HandlerDeps['db']): Settings {
  const settings = defaultSettings();
  const stored = readSetting(db, 'settings');
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      const field = settingsFields.shape[key as keyof Settings];
      if (field?.safeParse(value).success) Object.assign(settings, { [key]: value });
    }
  }
  return settings;
}

export function settingsHandlers({ db }: HandlerDeps): HandlerGroup<'settings.get' | 'settings.update' | 'search.query'> {
  return {
    'settings.get': () => readSettings(db),
    'settings.update': (patch) => {
      const settings = { ...readSettings(db), ...patch };
      writeSetting(db, 'settings', settings);
      return settings;
    },
    'search.query': ({ limit, ...query }) => search(db, { ...query, limit: limit ?? 50 }),
  };
}
