// Where a desk's thread waits during replication, for one run:
//   node --import ./scripts/bench/requestTrace.ts scripts/bench/sync.ts --db FULL.sqlite --meeting 1 --pull-only
// Every request sent through `fetch` (both desks', which share the process) is timed from sent to answered to read,
// and the main thread's event-loop utilisation is sampled each second. At exit it prints, per kind of request,
// how many and how long they took, and the seconds the thread stood idle per 10 s: on a busy machine the thread
// waiting for a core counts as busy, so idle seconds are what an overlap with the server could still take.
import { performance } from 'node:perf_hooks';

const started = performance.now();
const requests = new Map<string, { count: number; answeredMs: number; readMs: number }>();
const idlePerWindow: number[] = [];

/** The request's method and path, a database's own name and a record's id left out, so like requests add up. */
function kindOf(url: string, method: string): string {
  const { pathname } = new URL(url);
  const [, database = '', endpoint = ''] = pathname.split('/');
  if (database === '') return `${method} server`;
  const place = database.endsWith('-reference') ? 'reference' : 'summit';
  return `${method} ${place} ${endpoint.startsWith('_') ? endpoint : endpoint === '' ? '(database)' : '(record)'}`;
}

const original = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const sent = performance.now();
  const kind = kindOf(input instanceof Request ? input.url : String(input), init?.method ?? 'GET');
  const response = await original(input, init);
  const answeredMs = performance.now() - sent;
  const total = requests.get(kind) ?? { count: 0, answeredMs: 0, readMs: 0 };
  total.count += 1;
  total.answeredMs += answeredMs;
  requests.set(kind, total);
  // Read when the caller reads it: the body's arrival is part of the wait.
  for (const read of ['json', 'text', 'arrayBuffer'] as const) {
    const reader = response[read].bind(response) as () => Promise<unknown>;
    Object.assign(response, {
      [read]: async () => {
        const value = await reader();
        total.readMs += performance.now() - sent;
        return value;
      },
    });
  }
  return response;
};

let previous = performance.eventLoopUtilization();
setInterval(() => {
  const now = performance.eventLoopUtilization();
  const window = Math.floor((performance.now() - started) / 10_000);
  idlePerWindow[window] = (idlePerWindow[window] ?? 0) + (now.idle - previous.idle) / 1000;
  previous = now;
}, 1000).unref();

process.on('exit', () => {
  const lines = [...requests.entries()]
    .sort(([, x], [, y]) => y.readMs - x.readMs)
    .map(
      ([kind, { count, answeredMs, readMs }]) =>
        `  ${kind}: ${count}, answered ${(answeredMs / 1000).toFixed(1)} s, read ${(readMs / 1000).toFixed(1)} s`,
    );
  const idle = idlePerWindow.map((seconds) => (seconds ?? 0).toFixed(1)).join(' ');
  process.stderr.write(
    `requests (summed over every one):\n${lines.join('\n')}\nthe main thread idle, seconds per 10 s from the start: ${idle}\n`,
  );
});
