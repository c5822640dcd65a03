import type { Migration } from './index.ts';
import { namesKeyedAgain } from './namesKeyedAgain.ts';

// Names typed on a Persian keyboard (ی, ک) and on an Arabic one (ي, ى, ك), and Persian ه for Arabic ة, are filed
// as one letter, as search already finds them (shared/sortKey.ts): a list of Persian names sorts the same whichever
// keyboard typed them. Names keyed before hold their letters as typed: those holding any of them are keyed again.
// Search is unchanged, so the index is left as it is.
const keyedAnew = /[یىکة]/u;

export const persianAndArabicKeyboardsSortAsOne: Migration = {
  version: 3050,
  name: 'names typed on a Persian or an Arabic keyboard sort as one',
  up(db) {
    namesKeyedAgain(db, keyedAnew);
  },
};
