import type { Migration } from './index.ts';
import { searchPiecesAgain } from './searchFoldedAgain.ts';

// BIMSTEC in Bangkok, tried as a new desk from Dhaka (r27-bimstec): "ธนากรศรีสุวรรณภูมิ", pasted from a ministry's
// list, did not find a record typed from a card as ธนากร ศรีสุวรรณภูมิ, nor "ကျော်ဇင်ထက်" one spaced ကျော်ဇင် ထက်.
// The index's pieces now run on across white space between two Thai, Lao, Khmer or Burmese letters (shared/cjk.ts
// cjkBigrams): rows indexed before hold a run cut at each such space, so those are given their pieces again.
const spaceBetweenSoutheastAsianLetters =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\s+[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export const searchReadsThaiNamesAcrossASpace: Migration = {
  version: 3260,
  name: 'search reads a Thai, Lao, Khmer or Burmese name with or without its spaces',
  up(db) {
    searchPiecesAgain(db, spaceBetweenSoutheastAsianLetters);
  },
};
