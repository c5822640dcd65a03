import { describe, expect, it } from 'vitest';
import { errorCodes, type RefusalReason, refusalReasons } from '../../../shared/refusals.ts';
import { BridgeError } from '../bridge/index.ts';
import { en } from '../i18n/en.ts';
import { i18n } from '../i18n/index.ts';
import { ko } from '../i18n/ko.ts';
import { refusalText } from './refusalText.ts';

// Every refusal the store can give reaches the user as a sentence in their
// language: a code or reason added without its English and Korean words fails here.

const hangul = /[\uac00-\ud7a3]/;
const listsRecords = (reason: RefusalReason) =>
  (refusalReasons[reason] as readonly string[]).includes('names') && reason !== 'unknown_fields';
const sentenceKeys = (reason: RefusalReason) => (listsRecords(reason) ? [`${reason}_one`, `${reason}_other`] : [reason]);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]);

describe('every store refusal has words in both languages', () => {
  it.each(errorCodes)('code %s', (code) => {
    expect(en.refusals.codes[code]).toMatch(/\w/);
    expect(ko.refusals.codes[code]).toMatch(hangul);
  });

  it.each(Object.keys(refusalReasons) as RefusalReason[])('reason %s, using only the values the store sends', (reason) => {
    const sentences = { en: en.refusals.reasons, ko: ko.refusals.reasons } as Record<'en' | 'ko', Record<string, string>>;
    for (const key of sentenceKeys(reason)) {
      const english = sentences.en[key];
      const korean = sentences.ko[key];
      expect(english, `en ${key}`).toMatch(/\w/);
      expect(korean, `ko ${key}`).toMatch(hangul);
      const sent: readonly string[] = refusalReasons[reason];
      for (const text of [english ?? '', korean ?? '']) for (const name of placeholders(text)) expect(sent).toContain(name);
    }
  });

  it('has no sentence for a reason the store never gives', () => {
    const known = new Set((Object.keys(refusalReasons) as RefusalReason[]).flatMap(sentenceKeys));
    expect(Object.keys(en.refusals.reasons).filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('a refusal is worded, never shown as the store wrote it', () => {
  const tooLong = new BridgeError({
    code: 'invalid_request',
    message: 'tags.0: must be at most 60 characters',
    field: 'tags.0',
    reason: 'too_long',
    params: { max: 60, length: 75 },
  });

  it('names the field by its label, how long the text is and the limit, in English and Korean', () => {
    expect(refusalText(i18n.getFixedT('en'), tooLong)).toBe('“Tags”: Too long: 75 characters, at most 60. Nothing was saved.');
    const korean = refusalText(i18n.getFixedT('ko'), tooLong);
    expect(korean).toBe('“태그”: 너무 깁니다: 75자이며 최대 60자입니다. 아무것도 저장되지 않았습니다.');
    expect(korean).not.toContain('must be');
  });

  it('says the limit alone where the store could not count the text', () => {
    const uncounted = new BridgeError({
      code: 'invalid_request',
      message: 'id: too big',
      field: 'tags',
      reason: 'too_long',
      params: { max: 200 },
    });
    expect(refusalText(i18n.getFixedT('en'), uncounted)).toBe('“Tags”: Too long: at most 200 characters. Nothing was saved.');
    expect(refusalText(i18n.getFixedT('ko'), uncounted)).toBe('“태그”: 너무 깁니다. 최대 200자입니다. 아무것도 저장되지 않았습니다.');
  });

  it('says every reason and code without a key or a placeholder left in it', () => {
    for (const language of ['en', 'ko']) {
      const t = i18n.getFixedT(language);
      for (const reason of Object.keys(refusalReasons) as RefusalReason[]) {
        const params = Object.fromEntries(refusalReasons[reason].map((name) => [name, name === 'count' ? 2 : `<${name}>`]));
        const text = refusalText(t, new BridgeError({ code: 'invalid_request', message: 'English', reason, params, names: ['A', 'B'] }));
        expect(text).not.toMatch(/refusals\.|\{\{|English/);
      }
      for (const code of errorCodes)
        expect(refusalText(t, new BridgeError({ code, message: 'English' }))).not.toMatch(/refusals\.|English/);
      // Not a refusal at all (a bug, a lost connection): never its raw text either.
      expect(refusalText(t, new TypeError('Cannot read properties of undefined'))).not.toMatch(/Cannot read/);
    }
  });
});
