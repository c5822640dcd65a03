import type { TFunction } from 'i18next';
import type { PackDefinition, PackSection } from '../../../shared/domain.ts';
import { fitsLength, maxProse, packLimits, textLength } from '../../../shared/fieldRules.ts';
import { BridgeError } from '../bridge/index.ts';
import { namedIn, refusalMessage } from '../records/errors.ts';
import { refusalText } from '../refusals/refusalText.ts';

// What the pack builder says when a pack cannot be saved: the field by the
// label the user sees, in the interface language. The store's refusals are
// English and technical ("definition.sections.0: …"), so only their field
// reaches the screen, never their text.

export interface PackProblem {
  /** The store's name of the field, so the builder can show which input is wrong. */
  field: string;
  message: string;
}

const fieldLabels: Record<string, string> = {
  name: 'packs.name',
  'definition.title': 'packs.packTitle',
  'definition.recipient': 'packs.recipient',
  'definition.summitId': 'packs.summit',
  'definition.principalId': 'packs.principal',
  'definition.paper': 'packs.paper',
  'definition.sections': 'packs.sections',
};
const textFields = new Set(['name', 'definition.title', 'definition.recipient']);

/**
 * What can be told before asking the store, with what is wrong in plain words.
 * `summitMeetingIds` is null while the chosen summit's meetings are loading; `nameOf` names a biography's person.
 */
export function packProblem(
  t: TFunction,
  name: string,
  definition: PackDefinition,
  summitMeetingIds: ReadonlySet<number> | null,
  labelOf: (section: PackSection) => string,
  nameOf: (personId: number) => string | undefined = () => undefined,
): PackProblem | null {
  const empty = (field: string) => ({ field, message: t('packs.refusalEmpty', { field: t(fieldLabels[field] ?? field) }) });
  if (name.trim() === '') return empty('name');
  if (definition.title.trim() === '') return empty('definition.title');
  // Said, never cut: the fields once had a maxLength, which dropped the rest of a pasted title without a word.
  for (const [field, text, max] of [
    ['name', name, packLimits.name],
    ['definition.title', definition.title, packLimits.title],
    ['definition.recipient', definition.recipient, packLimits.recipient],
  ] as const)
    if (!fitsLength(text, max))
      return { field, message: t('packs.refusalTooLong', { field: t(fieldLabels[field] ?? field), length: textLength(text), max }) };
  if (definition.sections.length === 0)
    return { field: 'definition.sections', message: t('packs.refusalNoSections', { field: t('packs.sections') }) };
  for (const [index, section] of definition.sections.entries()) {
    const field = `definition.sections.${index}`;
    if (section.kind === 'timeline' && section.from && section.to && section.to < section.from)
      return {
        field: `${field}.to`,
        message: t('packs.refusalToBeforeFrom', { to: t('packs.timelineTo'), from: t('packs.timelineFrom') }),
      };
    // Said, never cut: the field once had a maxLength of 20,000, a fifth of what the store takes, which dropped the
    // rest of a pasted biography without a word.
    const longBiography =
      section.kind === 'biographies' ? section.biographies?.find((biography) => !fitsLength(biography.text, maxProse)) : undefined;
    if (longBiography) {
      const person = nameOf(longBiography.personId);
      return {
        field: `${field}.biographies`,
        message: t('packs.refusalTooLong', {
          field: person ? `${t('packs.biographyForPack')}: ${person}` : t('packs.biographyForPack'),
          length: textLength(longBiography.text),
          max: maxProse,
        }),
      };
    }
    if (section.kind === 'meeting' && summitMeetingIds !== null && !summitMeetingIds.has(section.meetingId))
      return {
        field,
        message: t('packs.refusalMeetingOfAnotherSummit', { number: index + 1, section: labelOf(section), summit: t('packs.summit') }),
      };
  }
  return null;
}

/** A refusal from the store, told by the field it names; what the store wrote stays out of sight. */
export function packRefusal(
  t: TFunction,
  error: unknown,
  definition: PackDefinition,
  labelOf: (section: PackSection) => string,
): PackProblem {
  const field = error instanceof BridgeError ? (error.field ?? '') : '';
  const range = /^definition\.sections\.(\d+)\.(from|to)$/.exec(field);
  // The "Will print" list asks the store before Save is pressed: a timeline ending before it starts is refused there
  // first, and "choose it again" named no fault in a date that exists.
  if (range && error instanceof BridgeError && error.reason === 'end_before_start')
    return { field, message: t('packs.refusalToBeforeFrom', { to: t('packs.timelineTo'), from: t('packs.timelineFrom') }) };
  if (range)
    return { field, message: t('packs.refusalField', { field: t(range[2] === 'to' ? 'packs.timelineTo' : 'packs.timelineFrom') }) };
  const entries = /^definition\.sections\.(\d+)\.removedEntryIds$/.exec(field);
  const entriesOf = entries ? definition.sections[Number(entries[1])] : undefined;
  if (entries && entriesOf)
    return {
      field,
      message: t('packs.refusalEntryNotInSector', {
        number: Number(entries[1]) + 1,
        section: labelOf(entriesOf),
        field: t('packs.removedEntries'),
      }),
    };
  const inSection = /^definition\.sections\.(\d+)/.exec(field);
  const section = inSection ? definition.sections[Number(inSection[1])] : undefined;
  if (inSection && section)
    return { field, message: t('packs.refusalSection', { number: Number(inSection[1]) + 1, section: labelOf(section) }) };
  const label = fieldLabels[field];
  if (label && textFields.has(field)) return { field, message: t('records.fieldRefused', { field: t(label) }) };
  if (label && error instanceof BridgeError && error.code === 'invalid_request')
    return { field, message: t('packs.refusalField', { field: t(label) }) };
  // The store's reason where it gave one (checking its data file after a crash, a newer Sherpa's data), not a guess
  // from the code alone: a save refused while the store was checked read "the data folder cannot be written to".
  return { field, message: refusalMessage(t, error) };
}

/**
 * Why an export failed, for the builder. Unmarked material is a rule between
 * records: said in the interface language, naming each record. Other failures
 * (a folder that cannot be written) are worded by their reason.
 */
export function exportRefusal(t: TFunction, error: unknown): string {
  if (error instanceof BridgeError && error.code === 'constraint' && error.field === 'classification')
    return t('packs.unmarkedRefused', namedIn(error));
  // The recipient a copy is stamped for is a name printed on every page: its refusal is told in words, not the store's.
  if (error instanceof BridgeError && error.code === 'invalid_request' && error.field === 'copyFor') return t('fieldRules.copyForRefused');
  // Export failures the store words by reason (an unwritable folder, a pack already exporting).
  return refusalText(t, error);
}

/** A copy's recipient longer than the store takes, said before the export is asked for (never cut as typed). */
export function copyForProblem(t: TFunction, copyFor: string): string | null {
  return fitsLength(copyFor, packLimits.copyFor)
    ? null
    : t('packs.copyForTooLong', { field: t('packs.copyFor'), length: textLength(copyFor), max: packLimits.copyFor });
}
