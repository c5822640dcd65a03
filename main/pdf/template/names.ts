import { createElement as h, type ReactNode } from 'react';

const hangul = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/** A name in its own script after the romanised one, e.g. "Yoon Suk Yeol (윤석열)", marked up with its language. */
export function NativeName({ person }: { person: { nativeName: string } }): ReactNode {
  if (!person.nativeName) return null;
  return h('span', null, ' (', h('span', { lang: hangul.test(person.nativeName) ? 'ko' : undefined }, person.nativeName), ')');
}
