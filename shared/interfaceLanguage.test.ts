import { describe, expect, it } from 'vitest';
import { interfaceLanguageOf } from './interfaceLanguage.ts';

describe('the interface language of a locale', () => {
  it('is Korean for a Korean computer or browser, English for any other', () => {
    expect(['ko-KR', 'ko', 'KO_kr', 'ko-KP'].map(interfaceLanguageOf)).toEqual(['ko', 'ko', 'ko', 'ko']);
    // Kokborok and Konkani are not Korean; a locale ICU could not name ('und') is no language.
    expect(['en-GB', 'kok-IN', 'kos', 'und', ''].map(interfaceLanguageOf)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });
});
