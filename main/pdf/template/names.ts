import { createElement as h, type ReactNode } from 'react';

const scripts: [RegExp, string][] = [
  [/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/, 'ko'],
  [/[\u3040-\u30ff]/, 'ja'],
  [/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/, 'ar'],
  [/[\u4e00-\u9fff]/, 'zh'],
];

/** The language of a name's script, so the printer picks the right font (kanji alone reads as Chinese). */
export function scriptLanguage(text: string): string | undefined {
  return scripts.find(([pattern]) => pattern.test(text))?.[1];
}

/**
 * A name in its own script after the romanised one, e.g. "Yoon Suk Yeol (윤석열)", marked up with its
 * language; isolated, so an Arabic name does not reorder the brackets and text around it.
 */
export function NativeName({ person }: { person: { nativeName: string } }): ReactNode {
  if (!person.nativeName) return null;
  return h('span', null, ' (', h('bdi', { lang: scriptLanguage(person.nativeName) }, person.nativeName), ')');
}
