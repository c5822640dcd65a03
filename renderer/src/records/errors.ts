import type { TFunction } from 'i18next';
import { BridgeError } from '../bridge/index.ts';
import { refusalText } from '../refusals/refusalText.ts';

/**
 * What to tell the user when the store refuses something: the field by its
 * label, in the interface language. The store's own text is English and
 * technical, so it never reaches the screen.
 */
export function refusalMessage(t: TFunction, error: unknown, fieldLabel?: string): string {
  // The one rule between records refused at a field: a meeting a briefing pack lists cannot move to another summit.
  if (error instanceof BridgeError && error.code === 'constraint' && error.field === 'summitId')
    return t('records.meetingInPacks', namedIn(error));
  // The store said why (shared/refusals.ts): say that, at the field, rather than a guess at what might be wrong.
  if (error instanceof BridgeError && error.reason) return refusalText(t, error, fieldLabel);
  if (error instanceof BridgeError && error.field && fieldLabel) return t('records.fieldRefused', { field: fieldLabel });
  // A code without words of its own (the lock's, say) still gets a sentence in the user's language, never its key.
  return t(`records.errors.${error instanceof BridgeError ? error.code : 'internal'}`, { defaultValue: t('records.errors.internal') });
}

/** The records a refusal names (the user's own names, quoted), for a translated sentence: `count` picks its plural. */
export function namedIn(error: BridgeError): { count: number; names: string } {
  return { count: error.names?.length ?? 0, names: (error.names ?? []).map((name) => `“${name}”`).join(', ') };
}
