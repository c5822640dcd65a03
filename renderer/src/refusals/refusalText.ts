import type { TFunction } from 'i18next';
import type { RefusalReason } from '../../../shared/refusals.ts';
import { BridgeError } from '../bridge/index.ts';

/**
 * The store's refusal as a sentence in the interface language, naming the
 * field by the label the user sees. The store's own message is English and
 * technical, so it never reaches the screen: an error that is no refusal
 * (a failed fetch, a bug) is said as "could not complete this".
 */
export function refusalText(t: TFunction, error: unknown, fieldLabel?: string): string {
  if (!(error instanceof BridgeError)) return t('refusals.codes.internal');
  const uncounted = error.reason === 'too_long' && typeof error.params?.length !== 'number';
  const problem = error.reason
    ? t(uncounted ? 'refusals.tooLongUncounted' : `refusals.reasons.${error.reason}`, { ...error.params, ...namesOf(error) })
    : t(`refusals.codes.${error.code}`, { defaultValue: t('refusals.codes.internal') });
  const label =
    error.reason && namesItsSubject.has(error.reason) ? undefined : (fieldLabel ?? (error.field ? labelOf(t, error.field) : undefined));
  return label ? t('refusals.atField', { field: label, problem }) : problem;
}

/** Reasons whose sentence names what it is about (the backup by its name): a field label before it would say it twice. */
const namesItsSubject: ReadonlySet<RefusalReason> = new Set([
  'backup_missing',
  'backup_damaged',
  'backup_not_sherpa',
  'backup_newer',
  'backup_other_key',
  'meeting_not_in_summit',
  'biography_not_in_meetings',
  'summit_database_unknown',
]);

/** The records a refusal is about (the user's own names, quoted), and how many for the plural. */
function namesOf(error: BridgeError): { count?: number; names?: string } {
  if (!error.names) return {};
  return { count: error.names.length, names: error.names.map((name) => `“${name}”`).join(', ') };
}

/**
 * A field the store names (`patch.title`, `definition.sections.2.to`) by a
 * label on screen: its last word that is not a position, looked up among the
 * forms' labels; a field no label knows is shown by its own name.
 */
export function labelOf(t: TFunction, field: string): string {
  const word = field
    .replace(/^patch\./, '')
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .at(-1);
  if (!word) return field;
  return t([`refusals.fields.${word}`, `forms.fields.${word}`, `records.fields.${word}`], { defaultValue: word });
}
