import { carryMarking, countMarkedRecords, type MarkedTable, withMarkings } from '../../../db/markings.ts';
import { withBiographyPlaces } from '../../../db/meetingBiographies.ts';
import { search } from '../../../db/search.ts';
import { readSetting, readSettingText, writeSetting } from '../../../db/settings.ts';
import type { ChangedEntity, ClassificationScheme, LevelRename, Settings } from '../../../shared/contract.ts';
import { interfaceLanguageOf } from '../../../shared/interfaceLanguage.ts';
import { acceptedMarking, presetSchemes, schemeChanges, validDefaultMarking, validRenames } from '../../../shared/markings.ts';
import { defaultBackupsToKeep } from '../../backups.ts';
import { settingsFields, storedScheme } from '../schemas.ts';
import { type HandlerDeps, type HandlerGroup, UserError } from './types.ts';

export const natoScheme: Settings['classificationScheme'] = presetSchemes.nato;

/**
 * What a store holds before the user chooses: the computer's zone and, until a language is chosen, the computer's
 * language (a desk on a Korean computer opened Sherpa in English and had to find Settings among English words).
 */
export function defaultSettings(computerLocale = Intl.DateTimeFormat().resolvedOptions().locale): Settings {
  return {
    homeTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    theme: 'system',
    language: interfaceLanguageOf(computerLocale),
    classificationScheme: natoScheme,
    defaultMarking: '',
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
      if (key === 'classificationScheme') settings.classificationScheme = schemeKeptFrom(stored);
      else if (settingsFields.shape[key as keyof Settings]?.safeParse(value).success) Object.assign(settings, { [key]: value });
    }
  }
  // A default the scheme does not have (the scheme was changed) would mark new records with a foreign level.
  return { ...settings, defaultMarking: validDefaultMarking(settings.classificationScheme, settings.defaultMarking) };
}

/** The stored settings' scheme when it still has a scheme's shape (see storedScheme), else NATO's. */
function schemeKeptFrom(stored: unknown): ClassificationScheme {
  if (!stored || typeof stored !== 'object' || !Object.hasOwn(stored, 'classificationScheme')) return natoScheme;
  const value = (stored as { classificationScheme: unknown }).classificationScheme;
  return storedScheme.safeParse(value).success ? (value as ClassificationScheme) : natoScheme;
}

// The settings' text the scheme below was last read from, and that scheme.
let schemeRead: { readonly text: string | undefined; readonly scheme: ClassificationScheme } | undefined;

/**
 * The desk's classification scheme, as readSettings gives it: every marking
 * given with a save is checked against it, autosave's on each pause in typing.
 * It is read alone and parsed again only when the stored settings' text
 * changed: readSettings also works out the system's time zone (building an
 * Intl.DateTimeFormat) and checks every stored field, a third of a note save's
 * own CPU. A stored scheme is frozen, as every later caller shares it.
 */
export function classificationSchemeOf(db: HandlerDeps['db']): ClassificationScheme {
  const text = readSettingText(db, 'settings');
  if (schemeRead === undefined || schemeRead.text !== text) {
    const scheme = text === undefined ? natoScheme : schemeKeptFrom(JSON.parse(text));
    if (scheme !== natoScheme) for (const part of [...scheme.levels, scheme.levels, scheme]) Object.freeze(part);
    schemeRead = { text, scheme };
  }
  return schemeRead.scheme;
}

/**
 * The levels renamed in Settings, oldest first: an edit queued before a rename (a note's autosave
 * in another window) still names the old level, and is taken as the level it became.
 */
export function renamedLevelsOf(db: HandlerDeps['db']): LevelRename[] {
  const stored = readSetting(db, 'renamedLevels');
  return Array.isArray(stored)
    ? stored.filter((rename): rename is LevelRename => typeof rename?.from === 'string' && typeof rename?.to === 'string')
    : [];
}

/** What windows are told changed when a table's markings are carried to a renamed level. */
const changedBy: Record<MarkedTable, ChangedEntity> = {
  summit: 'summit',
  meeting: 'meeting',
  meeting_biography: 'meeting',
  person: 'person',
  country: 'country',
  source: 'source',
  programme: 'programme',
  sector: 'sector',
  sector_entry: 'sectorEntry',
  timeline_event: 'timelineEvent',
  follow_up: 'followUp',
  note: 'note',
  briefing_pack: 'pack',
};

/**
 * A level removed from the scheme while records carry it leaves them marked with a name the scheme
 * lacks, to be marked again: done only when the request says the desk was told and chose it (the
 * Markings panel's second press of Apply), as the panel itself asks. Checked in the update's own
 * transaction, so records marked meanwhile in another window are counted too.
 */
function refuseUnconfirmedDrops(
  db: HandlerDeps['db'],
  saved: ClassificationScheme,
  next: ClassificationScheme,
  renamedLevels: LevelRename[],
  confirmed: string[],
): void {
  // The saved scheme's own spelling: records carry the level as it was named when they were marked.
  const renamedFrom = new Set(renamedLevels.map(({ from }) => from));
  const { dropped } = schemeChanges(saved, next, []);
  const removed = dropped.filter((level) => !renamedFrom.has(level) && !confirmed.includes(level));
  const counts = countMarkedRecords(db, removed);
  const inUse = removed.filter((level) => (counts[level] ?? 0) > 0);
  if (inUse.length === 0) return;
  const records = inUse.reduce((sum, level) => sum + (counts[level] ?? 0), 0);
  throw new UserError(
    'invalid_request',
    `classificationScheme: removes ${inUse.map((level) => `"${level}" (${counts[level]} records)`).join(', ')} still carried by records; name them in droppedLevelsConfirmed to remove them anyway`,
    { reason: 'level_in_use', params: { records } },
    'classificationScheme',
    inUse,
  );
}

/**
 * A level moved below one it ranked above, while records carry it: a page holding both then carries the other's
 * banner, which understates it if the desk did not mean it. Done only when the request names the level (the
 * Markings panel's second press of Apply, after saying which level now ranks below which).
 */
function refuseUnconfirmedLowering(
  db: HandlerDeps['db'],
  saved: ClassificationScheme,
  next: ClassificationScheme,
  renamedLevels: LevelRename[],
  confirmed: string[],
): void {
  const { lowered } = schemeChanges(saved, next, renamedLevels);
  // Records carry the saved scheme's name until a rename carries them: counted by it.
  const savedName = (level: string) => renamedLevels.find(({ to }) => to === level)?.from ?? level;
  const moved = [...new Set(lowered.map(({ level }) => level))].filter((level) => !confirmed.includes(level));
  if (moved.length === 0) return;
  const counts = countMarkedRecords(db, moved.map(savedName));
  const inUse = moved.filter((level) => (counts[savedName(level)] ?? 0) > 0);
  const pairs = lowered.filter(({ level }) => inUse.includes(level));
  const [first] = pairs;
  if (!first) return;
  throw new UserError(
    'invalid_request',
    `classificationScheme: moves ${pairs.map(({ level, below }) => `"${level}" below "${below}"`).join(', ')} while records carry it; name it in loweredLevelsConfirmed to move it anyway`,
    { reason: 'level_moved_down', params: { level: first.level, below: first.below, banner: first.banner } },
    'classificationScheme',
    inUse,
  );
}

export function settingsHandlers({
  db,
}: HandlerDeps): HandlerGroup<'settings.get' | 'settings.update' | 'settings.markingCounts' | 'search.query'> {
  return {
    'settings.get': () => readSettings(db),
    'settings.markingCounts': ({ levels }) => countMarkedRecords(db, levels),
    'settings.update': ({ renamedLevels = [], droppedLevelsConfirmed = [], loweredLevelsConfirmed = [], ...patch }, changes) => {
      const before = readSettings(db);
      const merged = { ...before, ...patch };
      refuseUnconfirmedDrops(db, before.classificationScheme, merged.classificationScheme, renamedLevels, droppedLevelsConfirmed);
      refuseUnconfirmedLowering(db, before.classificationScheme, merged.classificationScheme, renamedLevels, loweredLevelsConfirmed);
      if (renamedLevels.length > 0) {
        if (!validRenames(before.classificationScheme, merged.classificationScheme, renamedLevels))
          throw new UserError(
            'invalid_request',
            'renamedLevels: each must rename a level of the saved scheme to a new level of this one, each name once',
            'level_rename_invalid',
            'renamedLevels',
          );
        // What the desk evidently meant: the same level, named otherwise. Carried in this call's one transaction.
        for (const { from, to } of renamedLevels) {
          for (const [table, ids] of carryMarking(db, from, to)) changes.record(changedBy[table], 'updated', ids);
          if (merged.defaultMarking === from && patch.defaultMarking === undefined) merged.defaultMarking = to;
        }
        writeSetting(db, 'renamedLevels', [...renamedLevelsOf(db), ...renamedLevels].slice(-100));
      }
      // Spelt as its level is, so a twin in another Unicode form or case is taken as the level it reads as.
      if (patch.defaultMarking !== undefined)
        merged.defaultMarking = acceptedMarking(merged.classificationScheme, patch.defaultMarking) ?? patch.defaultMarking;
      const settings = { ...merged, defaultMarking: validDefaultMarking(merged.classificationScheme, merged.defaultMarking) };
      if (patch.defaultMarking !== undefined && merged.defaultMarking !== settings.defaultMarking) {
        throw new UserError(
          'invalid_request',
          'defaultMarking: must be a level of the classification scheme',
          'marking_not_in_scheme',
          'defaultMarking',
        );
      }
      writeSetting(db, 'settings', settings);
      changes.record('settings', 'updated', []);
      return settings;
    },
    'search.query': ({ limit, ...query }) => withBiographyPlaces(db, withMarkings(db, search(db, { ...query, limit: limit ?? 50 }))),
  };
}
