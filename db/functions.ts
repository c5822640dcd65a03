import { cjkBigrams } from '../shared/cjk.ts';
import type { Db } from './open.ts';

/**
 * SQL functions the schema itself calls (the search index's triggers since
 * migration 0250): every connection that may write registers them, which
 * openDatabase and migrate do.
 */
export function registerSqlFunctions(db: Db): void {
  db.function('cjk_bigrams', { deterministic: true }, (text: unknown) => cjkBigrams(typeof text === 'string' ? text : null));
}
