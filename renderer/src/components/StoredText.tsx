import { hasDirectionOverride, withDirectionOverridesShown } from '../../../shared/fieldRules.ts';

/**
 * A record's text as it is stored. This desk's forms refuse a direction override, but a record received from
 * another desk may hold one ("\u202Eksed luoeS" shows as "Seoul desk"): it is named where it stands, never
 * obeyed, as the pack prints it. Display only: the record itself stays as sent, the same on every desk.
 */
export function StoredText({ text }: { text: string }) {
  return <bdi>{withDirectionOverridesShown(text)}</bdi>;
}

/** Whether any text field of a record holds a character that turns text round. */
export const turnsTextRound = (record: object) =>
  Object.values(record).some((value) => typeof value === 'string' && hasDirectionOverride(value));
