import type { TFunction } from 'i18next';
import { maxPassphrase, minPassphrase, type NewPassphraseProblem } from '../../../shared/passphrase.ts';

/** What the lock screen and the lock settings say of a passphrase the shared rule (shared/passphrase.ts) refuses. */
export function passphraseProblemText(problem: NewPassphraseProblem | 'cannot_be_right', t: TFunction): string {
  switch (problem) {
    case 'empty':
      return t('session.errors.requiredPassphrase');
    case 'too_short':
      return t('session.errors.tooShort', { min: minPassphrase });
    case 'too_long':
      return t('session.errors.tooLong', { max: maxPassphrase.toLocaleString('en') });
    case 'cannot_be_right':
      return t('session.errors.wrongPassphrase');
  }
}
