// The page's main thread from navigation to a first paint, task by task: each task's length on the clock, its CPU,
// and the page's layouts in it, from Chromium's trace. Opened on a summit (the benchmark's frame with its first
// meeting link), or on Today with no --summit. One load first as a warm-up, as the benchmark's; the harness stays up.
//   node scripts/bench/paintTasks.ts --data-dir DIR [--summit ID] [--runs 3] [--harness out/harness/serve.mjs]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../main/pdf/chromiumLaunch.ts';
import type { TraceTask } from './longTasks.ts';
import {
  firstMeetingPaintedSignal,
  markFirstMeetingLink,
  markTodayPainted,
  startHarnessProcess,
  stopHarnessProcess,
  todayPaintedSignal,
} from './web.ts';

interface TraceEvent extends TraceTask {
  readonly args?: TraceTask['args'] & { readonly data?: { readonly url?: string } };
}

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    summit: { type: 'string' },
    runs: { type: 'string', default: '3' },
    harness: { type: 'string' },
  },
});
if (!values['data-dir']) throw new Error('--data-dir is required');
const ms = (microseconds: number | undefined) => Math.round((microseconds ?? 0) / 100) / 10;

/** The tasks of the load's main thread from navigation to `paintedMs`, with the layouts inside each. */
function tasksOf(events: readonly TraceEvent[], paintedMs: number): string[] {
  const navigation = events.filter((event) => event.name === 'navigationStart').sort((a, b) => b.ts - a.ts)[0];
  // The renderer's main thread that navigated (the trace may hold other renderers' too); navigationStart is its mark.
  const main = events.find(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && event.pid === navigation?.pid,
  );
  if (!navigation || !main) return [];
  const end = navigation.ts + (paintedMs + 50) * 1000;
  const own = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.ts <= end);
  const inside = (task: TraceEvent, event: TraceEvent) => event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + (task.dur ?? 0);
  return own
    .filter((task) => task.name === 'RunTask' && task.ts >= navigation.ts - 5000 && (task.dur ?? 0) >= 3000)
    .map((task) => {
      const layouts = own.filter((event) => event.name === 'Layout' && inside(task, event)).map((event) => ms(event.dur));
      const scripts = [
        ...new Set(
          own
            .filter(
              (event) =>
                (event.name === 'v8.evaluateModule' || event.name === 'FunctionCall' || event.name === 'TimerFire') && inside(task, event),
            )
            .map((event) => `${event.name} ${(event.args?.data?.url ?? '').replace(/.*\//, '')}`.trim()),
        ),
      ].slice(0, 3);
      return `  at ${String(ms(task.ts - navigation.ts)).padStart(6)} ms: ${String(ms(task.dur)).padStart(6)} ms, CPU ${String(ms(task.tdur)).padStart(6)} ms; layouts ${layouts.join(' + ') || 'none'}; ${scripts.join(', ')}`;
    });
}

const harness = await startHarnessProcess(values['data-dir'], values.harness);
const browser = await chromium.launch(chromiumLaunchOptions());
const traceFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-paint-tasks-')), 'trace.json');
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(values.summit ? markFirstMeetingLink : markTodayPainted);
  const signal = values.summit ? firstMeetingPaintedSignal : todayPaintedSignal;
  for (let run = -1; run < Number(values.runs); run++) {
    const page = await context.newPage();
    if (run >= 0)
      await browser.startTracing(page, {
        path: traceFile,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'loading', 'blink.user_timing'],
      });
    const painted = page.waitForEvent('console', { predicate: (message) => message.text() === signal, timeout: 30_000 });
    await page.goto(values.summit ? `${harness.url}#/summit/${values.summit}` : harness.url);
    await painted;
    const paintedMs = (await page.evaluate(`window.__benchFirstMeetingMs ?? window.__todayPaintedMs`)) as number;
    const answers = (await page.evaluate(`performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/rpc/'))
      .map((entry) => entry.name.replace(/.*\\//, '').replace(/\\?.*/, '') + ' ' + Math.round(entry.startTime) + '-' + Math.round(entry.responseEnd))`)) as string[];
    if (run >= 0) {
      await browser.stopTracing();
      const { traceEvents } = JSON.parse(fs.readFileSync(traceFile, 'utf8')) as { traceEvents: TraceEvent[] };
      console.log(
        `load ${run + 1}: painted at ${Math.round(paintedMs)} ms (machine load ${os.loadavg()[0]?.toFixed(1)}); the store's answers ${answers.join(', ')}`,
      );
      for (const line of tasksOf(traceEvents, paintedMs)) console.log(line);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await stopHarnessProcess(harness);
  fs.rmSync(path.dirname(traceFile), { recursive: true, force: true });
}
