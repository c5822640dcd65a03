import type { TFunction } from 'i18next';
import type { ClassificationScheme } from '../../../shared/contract.ts';
import { acceptedMarking, highestMarking, markingOf } from '../../../shared/markings.ts';
import { bannerWords } from '../markings/bannerWords.ts';

/**
 * The highest marking of what a bundle carries, in the words of the window's
 * banner (bannerWords): the highest level, then markings of no level of this
 * scheme by name (never counted as unmarked), then unmarked material, which
 * is never taken for the lowest level.
 */
export function highestText(t: TFunction, scheme: ClassificationScheme, given: readonly string[]): string {
  // Each as the import stores it (db/markings.ts receivedMarking): "nato restricted", or a colleague's "ΑΠΟΡΡΗΤΟ" for
  // this desk's "Απόρρητο", is that level here, not material marked outside the scheme.
  const markings = given.map((marking) => acceptedMarking(scheme, marking) || marking);
  const { level } = highestMarking(scheme, markings);
  const outside = markings.filter((marking) => markingOf(scheme, marking).kind === 'unknown');
  const words = bannerWords(
    t,
    level?.name ?? null,
    outside,
    markings.some((marking) => markingOf(scheme, marking).kind === 'unmarked'),
  );
  return words !== '' ? words : t('exchange.noMarkings');
}

/** A file's bytes as base64, in slices: one spread of a megabyte would overflow the call stack. */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
