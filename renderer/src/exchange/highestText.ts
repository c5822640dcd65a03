import type { TFunction } from 'i18next';
import type { ClassificationScheme } from '../../../shared/contract.ts';
import { highestMarking } from '../../../shared/markings.ts';

/**
 * The highest marking of what a bundle carries, as the window's banner words
 * it: unmarked material is never taken for the lowest level, it is named.
 */
export function highestText(t: TFunction, scheme: ClassificationScheme, markings: readonly string[]): string {
  const { level, unmarkedCount } = highestMarking(scheme, markings);
  if (level && unmarkedCount > 0) return t('markings.bannerWithUnmarked', { level: level.name });
  if (level) return level.name;
  // A marking the scheme lacks could be anything: it is named rather than ranked.
  const foreign = markings.filter((marking) => marking !== '' && !scheme.levels.some((each) => each.name === marking));
  if (foreign.length > 0) return markings.includes('') ? `${foreign.join(', ')} + ${t('exchange.onlyUnmarked')}` : foreign.join(', ');
  return unmarkedCount > 0 ? t('exchange.onlyUnmarked') : t('exchange.noMarkings');
}

/** A file's bytes as base64, in slices: one spread of a megabyte would overflow the call stack. */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
