import { describe, expect, it } from 'vitest';
import { longTasksOf, type TraceTask } from './longTasks.ts';

const thread = (pid: number, tid: number, name: string): TraceTask => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
const task = (pid: number, tid: number, ts: number, dur: number, tdur?: number): TraceTask => ({
  name: 'RunTask',
  ph: 'X',
  ts,
  dur,
  pid,
  tid,
  ...(tdur === undefined ? {} : { tdur }),
});

describe('long tasks of a trace', () => {
  it("lists the page's main-thread tasks over 50 ms with the CPU each held, leaving out other threads and renderers", () => {
    const events: TraceTask[] = [
      thread(1, 1, 'CrRendererMain'),
      thread(2, 2, 'CrRendererMain'),
      thread(1, 5, 'Compositor'),
      { name: 'EventDispatch', ph: 'X', ts: 10, dur: 5, pid: 1, tid: 1 },
      task(1, 1, 1_000, 10_000, 9_000),
      // Descheduled: 120 ms on the clock, 3 ms of the thread's CPU.
      task(1, 1, 50_000, 120_000, 3_000),
      // Working: 70 ms of CPU.
      task(1, 1, 300_000, 75_000, 70_000),
      task(1, 5, 400_000, 90_000, 90_000),
      task(2, 2, 400_000, 90_000, 90_000),
      task(1, 1, 500_000, 60_000),
    ];
    expect(longTasksOf(events)).toEqual([
      { atMs: 49, wallMs: 120, cpuMs: 3 },
      { atMs: 299, wallMs: 75, cpuMs: 70 },
      { atMs: 499, wallMs: 60, cpuMs: Number.NaN },
    ]);
  });

  it('finds none in a trace without the page', () => {
    expect(longTasksOf([thread(1, 1, 'CrBrowserMain'), task(1, 1, 0, 100_000, 100_000)])).toEqual([]);
  });
});
