import type { Migration } from './index.ts';
import { searchFoldedAgain } from './searchFoldedAgain.ts';

// A new desk's trial on the keyboard alone (round 34) looked for Novak Đoković as "Djokovic", as English and German
// newspapers and a passport's machine-readable line write him, and found nothing: search read đ as d only
// ("Dokovic"). The index now holds a word with đ written dj too (shared/searchFold.ts djWrittenOut), and a Serbian
// Cyrillic word with ђ in its Latin written so (Ђорђе as "djordje"): rows holding either letter are folded again.
export const searchFindsDjForSerboCroatianDj: Migration = {
  version: 3550,
  name: 'search finds Serbo-Croatian đ (and Serbian Cyrillic ђ) written dj',
  up(db) {
    searchFoldedAgain(db, /[đĐђЂ]/u);
  },
};
