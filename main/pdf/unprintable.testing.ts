import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { parseFontCharsets } from './fontCoverage.ts';

/** A machine's fonts that draw Latin, punctuation and Hangul (the sample's Korean names), and no other script. */
export const latinAndHangul = parseFontCharsets('20-7e a0-24f 2000-206f 20ac 2190-21ff 1100-11ff 3131-318e ac00-d7a3');

/** The bundled sample in a fresh store for each test of the file; the function gives the current test's store. */
export function sampleStoreEachTest(): () => Db {
  let db: Db;
  beforeEach(() => {
    db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
  });
  afterEach(() => db.close());
  return () => db;
}
