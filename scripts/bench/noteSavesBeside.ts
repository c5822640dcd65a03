import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { openDatabase } from '../../db/open.ts';
import type { createDispatch, Dispatch } from '../../main/ipc/dispatch.ts';
import type { createHandlers } from '../../main/ipc/handlers/index.ts';
import { quantile, round } from './stats.ts';

// Note saves of two checkouts side by side in one process, for a change whose gain is smaller than the spread between
// two runs on a shared machine: each checkout opens its own copy of one store (its own migrations, WAL and dispatch),
// their saves alternate one for one (the order swapped every note), and a bare commit follows each save, so both
// meet the same disk, load and neighbours. Wall clock at load is the disk's; the CPU of a save is what compares.
//   node scripts/bench/noteSavesBeside.ts --db STORE.sqlite --before DIR [--saves 1000]
//   → one JSON line: per side the ratio to the bare commits beside it, save and bare p50/p95, CPU means

const { values } = parseArgs({
  options: { db: { type: 'string' }, before: { type: 'string' }, saves: { type: 'string', default: '1000' } },
});
if (!values.db || !values.before) throw new Error('--db and --before are required');
const store = values.db;
const trees = { before: path.resolve(values.before), after: path.resolve(import.meta.dirname, '../..') };

interface Side {
  readonly name: keyof typeof trees;
  readonly file: string;
  readonly db: Database.Database;
  readonly dispatch: Dispatch;
  readonly versions: Map<number, number>;
  readonly timings: { save: number[]; saveCpu: number[]; bare: number[]; bareCpu: number[] };
}

async function open(name: keyof typeof trees): Promise<Side> {
  const tree = trees[name];
  const file = path.join(path.dirname(store), `${path.basename(store, '.sqlite')}.${name}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(store, file);
  const { openDatabase: open } = (await import(path.join(tree, 'db/open.ts'))) as { openDatabase: typeof openDatabase };
  const { createDispatch: dispatchOf } = (await import(path.join(tree, 'main/ipc/dispatch.ts'))) as {
    createDispatch: typeof createDispatch;
  };
  const { createHandlers: handlersOf } = (await import(path.join(tree, 'main/ipc/handlers/index.ts'))) as {
    createHandlers: typeof createHandlers;
  };
  const db = open(file);
  const dispatch = dispatchOf({ db, handlers: handlersOf({ db, clock: () => new Date('2026-06-01T09:00:00Z') }) });
  return { name, file, db, dispatch, versions: new Map(), timings: { save: [], saveCpu: [], bare: [], bareCpu: [] } };
}

const sides = [await open('before'), await open('after')] as const;
const noteIds = (
  sides[0].db
    .prepare('SELECT id FROM note WHERE deleted_at IS NULL AND sector_entry_id IS NOT NULL ORDER BY id LIMIT ?')
    .all(Number(values.saves)) as { id: number }[]
).map((row) => row.id);
// Each note is read through the dispatch first, as the editor has it open before a save (noteSaves.ts does the same).
for (const side of sides)
  for (const id of noteIds) {
    const opened = await side.dispatch('note.get', { id });
    if (!opened.ok) throw new Error(`note.get failed: ${opened.error.message}`);
    side.versions.set(id, (opened.value as { version: number }).version);
  }
const bareFile = path.join(path.dirname(store), 'bare-commits-beside.sqlite');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(bareFile + suffix, { force: true });
const bare = new Database(bareFile);
bare.pragma('journal_mode = WAL');
bare.pragma('synchronous = FULL');
bare.exec('CREATE TABLE line (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
const insert = bare.prepare('INSERT INTO line (body) VALUES (?)');

const cpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};
const loadAverage = () => Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
const loadAtStart = loadAverage();
let line = 0;
for (const [index, id] of noteIds.entries()) {
  const body = `Spoke to the embassy again (edit ${index}): the reply on the working group is expected next week. 대사관 회신 예정.`;
  for (const side of index % 2 === 0 ? sides : [sides[1], sides[0]]) {
    let cpu = cpuMs();
    let started = performance.now();
    const result = await side.dispatch('note.save', {
      id,
      baseVersion: side.versions.get(id),
      title: 'After the call',
      body,
      tags: ['follow-up', '확인필요'],
      classification: '',
    });
    side.timings.save.push(performance.now() - started);
    side.timings.saveCpu.push(cpuMs() - cpu);
    if (!result.ok || (result.value as { status: string }).status !== 'saved')
      throw new Error(`note.save failed: ${JSON.stringify(result)}`);
    cpu = cpuMs();
    started = performance.now();
    insert.run(`line ${line++}`);
    side.timings.bare.push(performance.now() - started);
    side.timings.bareCpu.push(cpuMs() - cpu);
  }
}
bare.close();
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(bareFile + suffix, { force: true });

const sum = (samples: readonly number[]) => samples.reduce((total, sample) => total + sample, 0);
const mean = (samples: readonly number[]) => sum(samples) / samples.length;
const p50p95 = (samples: readonly number[]) => `${round(quantile(samples, 0.5))}/${round(quantile(samples, 0.95))}`;
const summary = Object.fromEntries(
  sides.map(({ name, timings }) => [
    name,
    {
      ratio: round(sum(timings.bare) / sum(timings.save), 3),
      saveMs: p50p95(timings.save),
      bareMs: p50p95(timings.bare),
      saveCpuMs: round(mean(timings.saveCpu)),
      bareCpuMs: round(mean(timings.bareCpu)),
    },
  ]),
);
for (const side of sides) {
  side.db.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(side.file + suffix, { force: true });
}
process.stdout.write(`${JSON.stringify({ saves: noteIds.length, load: [loadAtStart, loadAverage()], ...summary })}\n`);
