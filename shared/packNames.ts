import { printsAsNothing } from './searchFold.ts';

/**
 * A pack's name as a person reads it: a name copied from a document or an e-mail carries a non-breaking space, a
 * space at its end or an accent written decomposed. Two packs whose names read the same are one pack to the desk:
 * the builder saved "Abuja pack" typed with a non-breaking space beside "Abuja pack" as a second pack, and the
 * export could then not tell which one was asked for. Case is kept: "Abuja Pack" is seen to differ.
 */
export const packNameAsRead = (name: string) =>
  name
    .normalize('NFC')
    .replace(printsAsNothing, '')
    .replace(/[\s\p{Zs}]+/gu, ' ')
    .trim();

/** Whether two pack names read the same (see packNameAsRead). */
export const readsAsSamePackName = (a: string, b: string) => packNameAsRead(a) === packNameAsRead(b);
