/**
 * The interface language for a locale, a computer's ("ko-KR", from LANG=ko_KR.UTF-8) or a browser's ("ko"): Korean
 * for Korean, English for anything else, the two languages Sherpa speaks.
 */
export function interfaceLanguageOf(locale: string): 'en' | 'ko' {
  return /^ko(?:[-_]|$)/i.test(locale) ? 'ko' : 'en';
}
