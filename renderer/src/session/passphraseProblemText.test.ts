import { describe, expect, it } from 'vitest';
import { maxPassphrase, minPassphrase } from '../../../shared/passphrase.ts';
import { i18n } from '../i18n/index.ts';
import { passphraseProblemText } from './passphraseProblemText.ts';

// The lock screen and the lock settings word the shared rule's refusals with the rule's own numbers.
describe('a passphrase the shared rule refuses', () => {
  it('says the rule’s own numbers, in English and in Korean', () => {
    expect(passphraseProblemText('too_short', i18n.getFixedT('en'))).toBe(
      `The passphrase needs at least ${minPassphrase} characters, not counting spaces round it.`,
    );
    expect(passphraseProblemText('too_short', i18n.getFixedT('ko'))).toContain(`${minPassphrase}자`);
    expect(passphraseProblemText('too_long', i18n.getFixedT('en'))).toContain(maxPassphrase.toLocaleString('en'));
    expect(passphraseProblemText('empty', i18n.getFixedT('ko'))).toBe('암호 문구를 입력하십시오.');
  });
});
