// Long tasks of a Chromium trace with the main thread's own CPU time in each. A task that lasts 60 ms on the
// clock but holds the main thread's CPU for 3 ms was the page waiting for a core, not the page working: on a
// shared machine the Long Tasks API (scripts/bench/typing.ts) cannot tell the two apart, the trace can.

export interface TraceTask {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of the event, in µs, where the trace records it. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

export interface LongTask {
  /** From the trace's first task on the page's main thread. */
  readonly atMs: number;
  readonly wallMs: number;
  /** The main thread's CPU time in the task; NaN where the trace has none. */
  readonly cpuMs: number;
}

const ms = (microseconds: number) => Math.round(microseconds / 100) / 10;

/** The page's main-thread tasks over `overMs` on the clock, each with its CPU time. */
export function longTasksOf(events: readonly TraceTask[], overMs = 50): LongTask[] {
  // The renderer's main thread that handled the page's events (the browser's and other renderers' are left out).
  const mains = events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const main = mains.find((thread) =>
    events.some((event) => event.pid === thread.pid && event.tid === thread.tid && event.name === 'EventDispatch'),
  );
  if (!main) return [];
  const tasks = events
    .filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts);
  const first = tasks[0]?.ts ?? 0;
  return tasks
    .filter((task) => (task.dur ?? 0) > overMs * 1000)
    .map((task) => ({ atMs: ms(task.ts - first), wallMs: ms(task.dur ?? 0), cpuMs: task.tdur === undefined ? Number.NaN : ms(task.tdur) }));
}
