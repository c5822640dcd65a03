// What the search index's prefix indexes cost and what they buy, on a copy of an upgraded benchmark store:
//   node scripts/bench/searchPrefixes.ts --db STORE.sqlite [--prefixes '1 2 3 4 5 6,,1 2 5 6'] [--runs 7] [--index-rows 40000]
// For each prefix set (',' between sets; an empty one is no prefix index), in turn:
// - indexing: the store's first N search rows into fresh tables shaped as migration 1900's (automerge 8, as 2800
//   sets), 200 rows a transaction as the search catch-up writes them during a pull, in a scratch file beside the
//   store; CPU seconds of this process and the index's size. The rows are read first, so only FTS5's work is timed.
// - search: both tables of a copy of the store rebuilt with that set (the time a migration would take on it), then
//   the benchmark's searches and typed prefixes through db/search.ts, each `runs` times after one untimed run.
// Prints one JSON line per set. FTS5 answers a prefix it has no index for by merging the lists of every word
// that begins with it before returning one row, so what a smaller set saves in indexing it pays in the searches of
// the lengths it dropped, in proportion to the store.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { search } from '../../db/search.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { benchmarkSearches } from './searchQueries.ts';
import { quantile, round } from './stats.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    prefixes: { type: 'string', default: '1 2 3 4 5 6,,1 2,1 2 3,1 2 5 6,1 2 6' },
    runs: { type: 'string', default: '7' },
    'index-rows': { type: 'string', default: '40000' },
  },
});
if (!values.db) {
  console.error("Usage: node scripts/bench/searchPrefixes.ts --db STORE.sqlite [--prefixes 'SET,SET'] [--runs N] [--index-rows N]");
  process.exit(2);
}
const store = values.db;
const runs = Number(values.runs);
const prefixSets = (values.prefixes ?? '').split(',').map((set) => set.trim());

/** As-you-type prefixes of words the benchmark store holds, from one letter to the whole word, Latin and Hangul. */
const typedPrefixes = 's m a mi de mar del sec mari dele marit deleg delega delegation 실 김'.split(' ');

interface SearchRow {
  id: number;
  title: string | null;
  body: string | null;
  title_cjk: string | null;
  body_cjk: string | null;
  title_fold: string | null;
  body_fold: string | null;
  kind: string;
  ref_id: number;
  summit_id: number | null;
  sector_id: number | null;
}

const prefixOption = (set: string) => (set === '' ? '' : `, prefix = '${set}'`);
const textTable = (name: string, set: string) => `CREATE VIRTUAL TABLE ${name} USING fts5(
    title, body, title_cjk, body_cjk, title_fold, body_fold,
    kind UNINDEXED, ref_id UNINDEXED, summit_id UNINDEXED, sector_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'${prefixOption(set)});
  INSERT INTO ${name} (${name}, rank) VALUES ('automerge', 8);`;
const titleTable = (name: string, set: string) => `CREATE VIRTUAL TABLE ${name} USING fts5(
    title, title_cjk, title_fold, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'${prefixOption(set)});
  INSERT INTO ${name} (${name}, rank) VALUES ('automerge', 8);`;

const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return round((used.user + used.system) / 1e6, 2);
};
const removeStore = (file: string) => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
};

const source = new Database(store, { readonly: true });
const rows = source
  .prepare(
    `SELECT rowid AS id, title, body, title_cjk, body_cjk, title_fold, body_fold, kind, ref_id, summit_id, sector_id
     FROM search_text ORDER BY rowid LIMIT ?`,
  )
  .all(Number(values['index-rows'])) as SearchRow[];
source.close();

/** FTS5's own work indexing `rows` with this prefix set, as the catch-up does it (slices of 200, WAL, synchronous FULL). */
function indexing(set: string) {
  const file = `${store}.prefixes-index.sqlite`;
  removeStore(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  db.exec(`${textTable('search_text', set)} ${titleTable('search_title', set)}`);
  const text = db.prepare(
    `INSERT INTO search_text (rowid, title, body, title_cjk, body_cjk, title_fold, body_fold, kind, ref_id, summit_id, sector_id)
     VALUES (@id, @title, @body, @title_cjk, @body_cjk, @title_fold, @body_fold, @kind, @ref_id, @summit_id, @sector_id)`,
  );
  const title = db.prepare('INSERT INTO search_title (rowid, title, title_cjk, title_fold) VALUES (@id, @title, @title_cjk, @title_fold)');
  const started = process.cpuUsage();
  for (let at = 0; at < rows.length; at += 200) {
    const slice = rows.slice(at, at + 200);
    db.transaction(() => {
      for (const row of slice) {
        text.run(row);
        title.run(row);
      }
    })();
  }
  const cpu = cpuSeconds(started);
  db.close();
  const indexMb = round(fs.statSync(file).size / 1e6, 1);
  removeStore(file);
  return { rows: rows.length, cpuSeconds: cpu, indexMb };
}

/** Both tables of a copy of the store rebuilt with this set, keeping every rowid, then searched. */
function searching(set: string) {
  const file = `${store}.prefixes-search.sqlite`;
  removeStore(file);
  fs.copyFileSync(store, file);
  const db = openScratchDatabase(file);
  const started = process.cpuUsage();
  const startedAt = performance.now();
  db.transaction(() =>
    db.exec(`
      CREATE TEMP TABLE search_text_before AS
        SELECT rowid AS id, title, body, title_cjk, body_cjk, title_fold, body_fold, kind, ref_id, summit_id, sector_id FROM search_text;
      DROP TABLE search_text;
      ${textTable('search_text', set)}
      INSERT INTO search_text (rowid, title, body, title_cjk, body_cjk, title_fold, body_fold, kind, ref_id, summit_id, sector_id)
        SELECT id, title, body, title_cjk, body_cjk, title_fold, body_fold, kind, ref_id, summit_id, sector_id
        FROM temp.search_text_before ORDER BY id;
      DROP TABLE temp.search_text_before;
      DROP TABLE search_title;
      ${titleTable('search_title', set)}
      INSERT INTO search_title (rowid, title, title_cjk, title_fold)
        SELECT rowid, title, title_cjk, title_fold FROM search_text ORDER BY rowid;
    `),
  )();
  const rebuild = { seconds: round((performance.now() - startedAt) / 1000, 1), cpuSeconds: cpuSeconds(started) };
  const perQuery: Record<string, { medianMs: number; p95Ms: number; hits: number }> = {};
  const benchmark: number[] = [];
  const typed: number[] = [];
  for (const text of [...benchmarkSearches, ...typedPrefixes]) {
    let hits = search(db, { text, limit: 50 }).length;
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const at = performance.now();
      hits = search(db, { text, limit: 50 }).length;
      samples.push(performance.now() - at);
    }
    perQuery[text] = { medianMs: round(quantile(samples, 0.5), 2), p95Ms: round(quantile(samples, 0.95), 2), hits };
    (benchmarkSearches.includes(text) ? benchmark : typed).push(...samples);
  }
  db.close();
  removeStore(file);
  const timing = (samples: number[]) => ({ medianMs: round(quantile(samples, 0.5), 2), p95Ms: round(quantile(samples, 0.95), 2) });
  return { rebuild, benchmarkSearches: timing(benchmark), typedPrefixes: timing(typed), perQuery };
}

for (const set of prefixSets) {
  const loadAverage = round(os.loadavg()[0] ?? 0, 2);
  console.log(JSON.stringify({ prefixes: set, loadAverage, indexing: indexing(set), search: searching(set) }));
}
