import fs from 'node:fs';

// A new browser tab keeps its renderer busy after Playwright hands it over: 300-470 ms of CPU in the 150-350 ms
// that follow (measured on this machine, load 2, its renderer's main thread and thread pool). The start's
// benchmark launched the harness straight after opening its tab, so on two cores the harness waited for a core
// behind the tab's own set-up: 57 ms of the harness's CPU to its ready line took 70-230 ms on the clock. A person
// launches Sherpa beside a browser already open, and the desktop app opens the store before it makes its window;
// so the start is timed from a tab that has finished setting up, as these helpers wait for.

/** One reading of a set of processes at a moment: the CPU they had used, and their threads waiting for a core. */
export interface CpuReading {
  readonly atMs: number;
  readonly cpuMs: number;
  readonly runnable: number;
}

/**
 * Whether the readings end with `windowMs` in which the processes used at most `maxCpuMs` of CPU and, at the last,
 * no thread of theirs waiting for a core (on a busy machine a starved thread uses no CPU, and is not done). The
 * reading taken `windowMs` or more before the last one is compared with the last.
 */
export function quietFor(readings: readonly CpuReading[], windowMs: number, maxCpuMs: number): boolean {
  const last = readings.at(-1);
  if (!last || last.runnable > 0) return false;
  const before = readings.findLast((reading) => last.atMs - reading.atMs >= windowMs);
  return before !== undefined && last.cpuMs - before.cpuMs <= maxCpuMs;
}

/** The parent of each running process, from /proc/PID/stat (after the command name, which may hold spaces). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // A process that ended meanwhile.
    }
  }
  return parentOf;
}

/**
 * CPU time, in ms, that every process started under this one (the browser's) has run so far, and how many of their
 * threads are running or waiting for a core now; NaN without /proc.
 */
export function descendantsActivity(root = process.pid): Omit<CpuReading, 'atMs'> {
  if (!fs.existsSync('/proc/self/task')) return { cpuMs: Number.NaN, runnable: 0 };
  const parentOf = parents();
  let nanoseconds = 0;
  let runnable = 0;
  for (const pid of parentOf.keys()) {
    let at = parentOf.get(pid);
    while (at !== undefined && at > 1 && at !== root) at = parentOf.get(at);
    if (at !== root) continue;
    try {
      // Each thread's run time in nanoseconds (/proc/PID/stat counts in 10 ms ticks, too coarse for 100 ms).
      for (const thread of fs.readdirSync(`/proc/${pid}/task`)) {
        nanoseconds += Number(fs.readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]) || 0;
        // The state follows the command name: R is running or waiting for a core.
        if (fs.readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1]?.startsWith('R')) runnable++;
      }
    } catch {
      // A process or thread that ended meanwhile.
    }
  }
  return { cpuMs: nanoseconds / 1e6, runnable };
}

/**
 * Waits until the processes this one started (the browser's, between two starts of the harness) used at most
 * `maxCpuMs` in the last `windowMs` and none waits for a core, or `timeoutMs` passed; resolves with the time waited, in ms (NaN without /proc:
 * no wait).
 */
export async function browserQuiet({ windowMs = 100, maxCpuMs = 5, timeoutMs = 5_000 } = {}): Promise<number> {
  const started = performance.now();
  const readings: CpuReading[] = [];
  for (;;) {
    const activity = descendantsActivity();
    if (Number.isNaN(activity.cpuMs)) return Number.NaN;
    readings.push({ atMs: performance.now() - started, ...activity });
    if (quietFor(readings, windowMs, maxCpuMs) || performance.now() - started >= timeoutMs) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, windowMs / 4));
  }
}
