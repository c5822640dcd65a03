import { maxPassphrase } from './fieldRules.ts';

// The lock's passphrase rules, written once: the lock screen (setting up,
// unlocking, recovering), the lock settings (changing it) and the store's
// keyring and request schemas all ask these, so a screen never lets through
// a passphrase the store refuses, nor refuses one it takes.

/** Fewest characters of a new passphrase, spaces round it not counted, each emoji one character. */
export const minPassphrase = 8;
export { maxPassphrase };

/** Why a new passphrase cannot be set; null when it can. */
export type NewPassphraseProblem = 'empty' | 'too_short' | 'too_long';

/** Characters as a person counts them: an emoji or a Hangul syllable is one (a string's length counts some emoji as two). */
const characters = (text: string) => [...text].length;

/** Longer than any passphrase Sherpa sets. */
export const isPassphraseTooLong = (passphrase: string) => characters(passphrase) > maxPassphrase;

/** A passphrase being set: at least minPassphrase characters without its spaces, at most maxPassphrase. */
export function newPassphraseProblem(passphrase: string): NewPassphraseProblem | null {
  if (passphrase === '') return 'empty';
  if (isPassphraseTooLong(passphrase)) return 'too_long';
  return characters(passphrase.trim()) < minPassphrase ? 'too_short' : null;
}

/** A passphrase typed to prove who one is: longer than any Sherpa sets, it cannot be right, and is not sent. */
export function enteredPassphraseProblem(passphrase: string): 'empty' | 'cannot_be_right' | null {
  if (passphrase === '') return 'empty';
  return isPassphraseTooLong(passphrase) ? 'cannot_be_right' : null;
}

/**
 * Whether a passphrase typed twice is the same passphrase: the key is made from
 * its NFC form, so the same letters typed in another Unicode form (e + accent
 * on one keyboard, é on another) are the same to the store and must be here.
 */
export const sameTypedPassphrase = (first: string, second: string) => first.normalize('NFC') === second.normalize('NFC');

/**
 * Whether a new passphrase starts or ends with spaces. The key is made from
 * the passphrase as typed, spaces included, so such a passphrase opens the
 * store only when typed with them again: the screens say so before it is set
 * (a warning, not a refusal, as passphrases already set this way must keep
 * working).
 */
export const hasSpacesRound = (passphrase: string) => passphrase.trim() !== '' && passphrase.trim() !== passphrase;
