// Each SQL statement's CPU on the thread that ran it, for one store of a run:
//   node --import ./scripts/bench/statementCpu.ts scripts/bench/sync.ts --db QUICK.sqlite --meeting 1 --pull-only
// (SHERPA_STATEMENT_STORE names the store by the end of its file name, b.sqlite by default: desk B's in sync.ts.)
// Wall-clock time per statement on a shared machine is mostly waiting for a core; the thread's CPU is not. At
// exit it prints the total and the 40 statements that used the most, commits told apart by the work they ended.
import Database from 'better-sqlite3';

type Call = (this: Database.Statement, ...args: unknown[]) => unknown;
const store = process.env.SHERPA_STATEMENT_STORE ?? 'b.sqlite';
const used = new Map<string, { ms: number; calls: number }>();
let totalMs = 0;
const cpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};
/** A commit's (or a savepoint's) cost belongs to what it ends: the search catch-up, a merged slice, a save. */
const whatItEnds = () => {
  const stack = new Error().stack ?? '';
  if (stack.includes('indexPendingSearch')) return 'search catch-up';
  if (stack.includes('mergeSlice')) return 'merged slice';
  if (stack.includes('saveNote')) return 'note save';
  return 'other';
};

const probe = new Database(':memory:');
const prototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, Call>;
probe.close();
for (const method of ['run', 'get', 'all', 'iterate']) {
  const original = prototype[method] as Call;
  prototype[method] = function (this: Database.Statement, ...args: unknown[]) {
    if (!this.database.name.endsWith(store)) return original.apply(this, args);
    const started = cpuMs();
    try {
      return original.apply(this, args);
    } finally {
      const ms = cpuMs() - started;
      let key = this.source.replace(/\s+/g, ' ').slice(0, 150);
      if (key === 'COMMIT' || key.startsWith('RELEASE')) key = `${key} (${whatItEnds()})`;
      const entry = used.get(key) ?? { ms: 0, calls: 0 };
      entry.ms += ms;
      entry.calls += 1;
      used.set(key, entry);
      totalMs += ms;
    }
  };
}

process.on('exit', () => {
  process.stderr.write(`statements on ${store}: ${Math.round(totalMs)} ms of the thread's CPU\n`);
  for (const [source, { ms, calls }] of [...used].sort((x, y) => y[1].ms - x[1].ms).slice(0, 40))
    process.stderr.write(`${String(Math.round(ms)).padStart(7)} ms ${String(calls).padStart(7)}× | ${source}\n`);
});
