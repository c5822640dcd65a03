// One start of the web harness on a store, traced: Chromium's trace of the page from navigation to Today
// painted, and a summary of where the page's main thread spent that time (script evaluation and compilation,
// parsing, style and layout, paint), beside the harness's ready line and the store's first answers.
// `--after-crash`: the traced start finds no clean-close record, as after a crash (its whole store is checked).
//   node scripts/bench/startTrace.ts --data-dir DIR [--out trace.json] [--harness out/harness/serve.mjs (one built before)] [--after-crash]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../main/pdf/chromiumLaunch.ts';
import { browserQuiet } from './browserQuiet.ts';
import { cpuMsOf, markTodayPainted, startHarnessProcess, stopHarnessProcess, todayPainted } from './web.ts';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time, µs. */
  readonly tdur?: number;
  readonly tid: number;
  readonly pid: number;
  readonly args?: { data?: { url?: string; frame?: string }; beginData?: { url?: string } };
}

/** The page's main-thread time by kind of work, from navigation start to Today painted, in ms. */
export function summariseTrace(events: readonly TraceEvent[], paintedMs: number): Record<string, number> {
  const main = events.find(
    (event) => event.name === 'thread_name' && (event as { args?: { name?: string } }).args?.name === 'CrRendererMain',
  );
  const navigation = events.find((event) => event.name === 'navigationStart' && event.pid === main?.pid);
  if (!main || !navigation) return {};
  const end = navigation.ts + paintedMs * 1000;
  const totals: Record<string, number> = {};
  // The main thread's own CPU in its tasks, beside their length on the clock: on a loaded machine they differ.
  let taskCpuMs = 0;
  let taskWallMs = 0;
  for (const event of events) {
    if (event.pid !== main.pid || event.tid !== main.tid || event.ph !== 'X' || event.ts < navigation.ts || event.ts > end) continue;
    if (event.name === 'RunTask') {
      taskCpuMs += (event.tdur ?? 0) / 1000;
      taskWallMs += (event.dur ?? 0) / 1000;
    }
    const key =
      event.name === 'EvaluateScript' || event.name === 'v8.compileModule' || event.name === 'v8.evaluateModule'
        ? `${event.name} ${(event.args?.data?.url ?? '').replace(/.*\//, '')}`
        : event.name;
    totals[key] = (totals[key] ?? 0) + (event.dur ?? 0) / 1000;
  }
  return Object.fromEntries(
    Object.entries({ 'tasks, CPU': taskCpuMs, 'tasks, on the clock': taskWallMs, ...totals })
      .filter(([, ms]) => ms >= 1)
      .sort((a, b) => b[1] - a[1])
      .map(([name, ms]) => [name, Math.round(ms * 10) / 10]),
  );
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string', default: 'start.trace.json' },
      harness: { type: 'string' },
      'after-crash': { type: 'boolean', default: false },
    },
  });
  if (!values['data-dir']) throw new Error('--data-dir is required');
  // One start first, as the benchmark's warm-up: the harness is built, Node's compile cache is filled.
  await stopHarnessProcess(await startHarnessProcess(values['data-dir'], values.harness));
  if (values['after-crash']) fs.rmSync(path.join(values['data-dir'], 'sherpa.sqlite.closed-cleanly'), { force: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(markTodayPainted);
  const page = await context.newPage();
  // As the benchmark's start (web.ts measureStart): launched once the new tab's own set-up is over.
  await browserQuiet();
  const launched = performance.now();
  const harness = await startHarnessProcess(values['data-dir'], values.harness);
  const readyMs = performance.now() - launched;
  try {
    await browser.startTracing(page, {
      path: values.out,
      categories: [
        'devtools.timeline',
        'v8.execute',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'loading',
        'v8',
        'blink',
        'disabled-by-default-v8.cpu_profiler',
      ],
    });
    const painted = todayPainted(page);
    await page.goto(harness.url);
    await painted;
    // The harness's CPU from its launch to Today painted, and to the page's first quiet moment (what the shell asks
    // just after the paint, the sidebar's sync line, answered too): a start that catches up on saves pays it here.
    const harnessCpuAtPaintMs = cpuMsOf(harness.child.pid);
    await page.waitForLoadState('networkidle');
    const harnessCpuSettledMs = cpuMsOf(harness.child.pid);
    const steps = (await page.evaluate(`(() => ({
      painted: window.__todayPaintedMs,
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      document: (({ requestStart, responseEnd }) => [Math.round(requestStart), Math.round(responseEnd)])(performance.getEntriesByType('navigation')[0]),
      requests: performance.getEntriesByType('resource').map((entry) => [entry.name.replace(/.*\\//, '').replace(/\\?.*/, ''), Math.round(entry.startTime), Math.round(entry.responseEnd)]),
    }))()`)) as { painted: number; domContentLoaded: number; document: [number, number]; requests: [string, number, number][] };
    await browser.stopTracing();
    const trace = JSON.parse(fs.readFileSync(values.out, 'utf8')) as { traceEvents: TraceEvent[] };
    console.log(
      JSON.stringify(
        {
          readyMs: Math.round(readyMs),
          harnessCpuAtPaintMs,
          harnessCpuSettledMs,
          ...steps,
          mainThread: summariseTrace(trace.traceEvents, steps.painted),
        },
        null,
        1,
      ),
    );
  } finally {
    await browser.close();
    await stopHarnessProcess(harness);
  }
}
