import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openScratchDatabase } from '../testing.ts';
import { settleLocalDeletions } from './merge.ts';

/** The plan of every query settling the desk's deletions asks, as SQLite runs it on this store. */
function settlingPlans(db: Db): { sql: string; steps: string[] }[] {
  const asked = new Set<string>();
  const prepare = db.prepare.bind(db);
  Object.defineProperty(db, 'prepare', {
    configurable: true,
    value: (sql: string) => {
      asked.add(sql);
      return prepare(sql);
    },
  });
  try {
    db.transaction(() => settleLocalDeletions(db))();
  } finally {
    Reflect.deleteProperty(db, 'prepare');
  }
  return [...asked]
    .filter((sql) => /^\s*(SELECT|WITH)\b/i.test(sql))
    .map((sql) => {
      const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name, null]));
      const positional = Array<null>((sql.match(/\?/g) ?? []).length).fill(null);
      const explain = prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const rows = (Object.keys(named).length > 0 ? explain.all(named) : explain.all(...positional)) as { detail: string }[];
      return { sql, steps: rows.map((row) => row.detail) };
    });
}

/** Steps that read every revision, or every record's state (or every meeting's and note's), whatever was deleted. */
function wholeReads({ sql, steps }: { sql: string; steps: string[] }): string[] {
  const aliases = [...sql.matchAll(/\b(sync_rev|sync_doc)\b(?:\s+AS)?\s+(\w+)/gi)].flatMap(([, table, alias]) => [table, alias]);
  return steps.filter((step) => {
    const read = /^(SCAN|SEARCH) (\w+)/.exec(step);
    if (!read?.[2] || !aliases.includes(read[2])) return false;
    return (read[1] === 'SCAN' && !step.includes('sync_doc_deleted')) || step.includes('sqlite_autoindex_sync_doc_2');
  });
}

// Every replication round settles this desk's deletions first, in a write transaction, before it exchanges
// anything: a colleague's edit waited for it, and so did a save. With nothing deleted, moved or branched, it read
// every revision and every record's state all the same: over a second a round on the benchmark's full store.
describe("settling a desk's deletions before a round", () => {
  it('reads the deleted, moved and branched records, never every revision or every record', () => {
    const db = openScratchDatabase();
    const plans = settlingPlans(db);
    expect(plans.length).toBeGreaterThan(4);
    expect(plans.flatMap((plan) => wholeReads(plan).map((step) => `${step} in ${plan.sql.replace(/\s+/g, ' ').slice(0, 80)}`))).toEqual([]);
  });
});
