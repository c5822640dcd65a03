import { serbianOrMacedonianLetter } from '../../shared/serbianLatin.ts';
import type { Migration } from './index.ts';
import { searchFoldedAgain, titlesIndexedAgain } from './searchFoldedAgain.ts';

const hangulSyllable = /[\uac00-\ud7a3]/u;

// Two gaps new-user trials found in search (round 33), each needing stored rows indexed again:
// - The EU–Western Balkans summit in Tirana (r33-trial): a record saved only as "Милојко Спајић" was not found by
//   "Spajic". Serbian, Montenegrin and Macedonian Cyrillic are now also indexed in their Latin (shared/
//   serbianLatin.ts): rows holding a letter only these alphabets write are given their folded text again.
// - A Korean desk (r33-korean) looked for 윤석열 by its initial consonants, ㅇㅅㅇ, as Korean apps and a phone's
//   contacts find a name, and found nothing. The titles' own index (0660) now holds the initials of a title's Hangul
//   beside its pieces (shared/cjk.ts titlePieces), written by the index's writer, whose trigger (1900's) is made again
//   to call it; titles indexed before with Hangul in them are given theirs. search_text holds no initials: rewriting
//   its rows, bodies and all, for a title's initials cost 4.7 s of CPU on the benchmark's full store.
export const searchReadsSerbianLatinAndHangulInitials: Migration = {
  version: 3510,
  name: 'search reads Serbian Cyrillic in Latin and finds titles by the initials of their Hangul',
  up(db) {
    searchFoldedAgain(db, serbianOrMacedonianLetter);
    db.exec(`
      DROP TRIGGER search_index_insert;
      CREATE TRIGGER search_index_insert INSTEAD OF INSERT ON search_index BEGIN
        INSERT INTO search_text (rowid, title, body, title_cjk, body_cjk, title_fold, body_fold, kind, ref_id, summit_id, sector_id)
        VALUES (NEW.rowid, NEW.title, NEW.body, cjk_bigrams(NEW.title), cjk_bigrams(NEW.body),
                search_folded(NEW.title), search_folded(NEW.body), NEW.kind, NEW.ref_id, NEW.summit_id, NEW.sector_id);
        INSERT INTO search_title (rowid, title, title_cjk, title_fold)
        VALUES (NEW.rowid, NEW.title, title_pieces(NEW.title), search_folded(NEW.title));
      END;
    `);
    titlesIndexedAgain(db, hangulSyllable);
  },
};
