import { createElement as h, type ReactNode } from 'react';
import { scriptLanguage } from '../../../shared/scriptLanguage.ts';

/**
 * A name in its own script after the romanised one, e.g. "Yoon Suk Yeol (윤석열)", marked up with its
 * language; isolated, so an Arabic name does not reorder the brackets and text around it.
 */
export function NativeName({ person }: { person: { nativeName: string } }): ReactNode {
  if (!person.nativeName) return null;
  return h('span', null, ' (', h('bdi', { lang: scriptLanguage(person.nativeName) }, person.nativeName), ')');
}
