import { asAsciiDigit } from '../../../shared/fieldRules.ts';

// Chromium's date, time and number controls take the digits 0-9 only: a Persian or Arabic keyboard's ۱۲ or ١٢ is
// dropped without a sign, and the form saved what the field held before (the summit's first day, or no duration).
// The form keeps, per field, the digits it dropped, and refuses the field until the field is typed into again.

/**
 * The digits dropped per field after `key` is pressed in the field `name`, or text is put in it (an input method
 * inserts ۱۲ as text, without a key event); the same map where nothing changes.
 */
export function droppedDigitsAfter(dropped: ReadonlyMap<string, string>, name: string, key: string): ReadonlyMap<string, string> {
  const digits = [...key].filter((character) => asAsciiDigit(character) !== null).join('');
  if (digits !== '') return new Map(dropped).set(name, `${dropped.get(name) ?? ''}${digits}`);
  // Typed again in digits the control takes, or cleared: what it holds now is what was typed.
  if (dropped.has(name) && (/^[0-9]$/.test(key) || key === 'Backspace' || key === 'Delete')) {
    const next = new Map(dropped);
    next.delete(name);
    return next;
  }
  return dropped;
}
