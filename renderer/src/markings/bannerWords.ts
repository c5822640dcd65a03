import type { TFunction } from 'i18next';

/**
 * A banner's words, as the window's banner and a pack's "Will print" both say
 * them: the highest level of the scheme, then markings of no level of it
 * (named, never ranked, never taken for unmarked), then unmarked material.
 * Empty when nothing on it carries or lacks a marking.
 */
export function bannerWords(t: TFunction, level: string | null, outsideScheme: readonly string[], unmarked: boolean): string {
  const parts = [
    ...(level ? [level] : []),
    ...(outsideScheme.length > 0 ? [t('markings.bannerOutsideScheme', { levels: outsideScheme.join(', ') })] : []),
    ...(unmarked ? [level || outsideScheme.length > 0 ? t('markings.bannerUnmarkedMaterial') : t('markings.unmarked')] : []),
  ];
  return parts.join(' + ');
}
