/**
 * Twenty searches a desk officer types: Latin and Hangul, single words while
 * typing (prefixes), several words, and "quoted phrases"; common words that
 * match tens of thousands of rows and rare names that match a handful.
 */
export const benchmarkSearches: readonly string[] = [
  'cyber',
  'minis',
  'working group',
  '"working group"',
  '"table-top exercise"',
  'terms of reference',
  'Arden',
  'Velmora maritime',
  'Lindqvist',
  'Kestrel',
  'second expert',
  'ex',
  '"press line"',
  '실무그룹',
  '실무',
  '"합동 도상훈련"',
  '김민준',
  '대사관',
  '예산 확보',
  '후속',
];
