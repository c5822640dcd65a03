import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

// The web harness's own CPU through a start, without a browser: launched on a store, its ready line, then
// index.html and the files it starts with, then the page's first questions all at once (as
// renderer/src/session/firstQueries.ts asks them on Today). The CPU is read from each thread's run time
// (/proc/PID/task/TID/schedstat, in nanoseconds; Linux only), not from /proc/PID/stat's 10 ms ticks, and is what
// the start costs the machine whatever else it runs; two or more builds alternate, start by start, on one store.
// `--after-crash`: each start finds no clean-close record (as after a crash), so the whole store is checked, and
// the time until the store takes writes is measured too (a build without store.writes takes them once ready).
//   node scripts/bench/harnessStart.ts --data-dir DIR [--runs 10] [--after-crash] out/harness/serve.mjs OTHER/out/harness/serve.mjs

const { values, positionals } = parseArgs({
  options: { 'data-dir': { type: 'string' }, runs: { type: 'string', default: '10' }, 'after-crash': { type: 'boolean', default: false } },
  allowPositionals: true,
});
const dataDir = values['data-dir'];
if (!dataDir || positionals.length === 0) throw new Error('usage: --data-dir DIR [--runs N] SERVE.mjs [SERVE.mjs …]');

const firstQuestions = ['session.status', 'settings.get', 'conflict.list', 'conflict.restorations', 'dashboard.get', 'summit.list'];

/** CPU time the process's threads have run so far, in ms. */
function cpuMsOf(pid: number): number {
  let nanoseconds = 0;
  for (const thread of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      nanoseconds += Number(fs.readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return Math.round(nanoseconds / 1e6);
}

/**
 * CPU time of the whole process so far, in ms, threads that have ended included (the store's check runs on a worker
 * thread that ends with it): /proc/PID/stat's user and system time, in ticks of 10 ms.
 */
function processCpuMsOf(pid: number): number {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Start {
  readyCpuMs: number;
  answeredCpuMs: number;
  readyMs: number;
  answeredMs: number;
  /** When the store took writes (`--after-crash`), and the harness's CPU by then (the check's own thread included). */
  writableMs: number;
  writableCpuMs: number;
}

/** Asks the harness whether its store takes writes until it does; a build that cannot say took them once ready. */
async function writable(origin: string, token: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${origin}/rpc/store.writes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sherpa-token': token },
      body: '{}',
    });
    const answer = (await response.json()) as { ok: boolean; value?: { writable: boolean }; error?: { code: string } };
    if (answer.value?.writable || answer.error?.code === 'unknown_channel') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function start(serve: string, store: string): Promise<Start> {
  if (values['after-crash']) fs.rmSync(path.join(store, 'sherpa.sqlite.closed-cleanly'), { force: true });
  const launched = performance.now();
  const child = spawn(process.execPath, [serve, '--data-dir', store], { stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${serve} did not start`);
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('\n')) resolve(output.split('\n')[0] ?? '');
      });
      child.once('exit', (code) => reject(new Error(`the harness exited (${code}) before it was ready`)));
    });
    const readyMs = performance.now() - launched;
    const readyCpuMs = cpuMsOf(pid);
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    const origin = new URL(url).origin;
    const page = await (await fetch(url)).text();
    const startFiles = [...page.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]);
    await Promise.all(
      startFiles.map(async (file) => (await fetch(`${origin}/${file}`, { headers: { 'accept-encoding': 'br' } })).arrayBuffer()),
    );
    const answers = await Promise.all(
      firstQuestions.map(async (channel) => {
        const response = await fetch(`${origin}/rpc/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-sherpa-token': token },
          body: '{}',
        });
        return (await response.json()) as { ok: boolean };
      }),
    );
    if (!answers.every((answer) => answer.ok)) throw new Error('a first question was refused');
    const answeredCpuMs = cpuMsOf(pid);
    const answeredMs = performance.now() - launched;
    if (values['after-crash']) await writable(origin, token);
    return { readyCpuMs, answeredCpuMs, readyMs, answeredMs, writableMs: performance.now() - launched, writableCpuMs: processCpuMsOf(pid) };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
const starts = positionals.map(() => [] as Start[]);
const loadAtStart = os.loadavg()[0];
// One start of each first, not counted: the one after a copy checks the whole store, and Node fills its compile cache.
for (let run = -1; run < Number(values.runs); run++) {
  for (const [index, serve] of positionals.entries()) {
    const measured = await start(serve, dataDir);
    if (run >= 0) starts[index]?.push(measured);
  }
}
for (const [index, serve] of positionals.entries()) {
  const of = starts[index] ?? [];
  console.log(
    JSON.stringify({
      serve,
      readyCpuMs: median(of.map((each) => each.readyCpuMs)),
      answeredCpuMs: median(of.map((each) => each.answeredCpuMs)),
      readyMs: Math.round(median(of.map((each) => each.readyMs))),
      answeredMs: Math.round(median(of.map((each) => each.answeredMs))),
      ...(values['after-crash']
        ? {
            writableMs: Math.round(median(of.map((each) => each.writableMs))),
            writableCpuMs: median(of.map((each) => each.writableCpuMs)),
          }
        : {}),
      cpuMsEach: of.map((each) => `${each.readyCpuMs}/${each.answeredCpuMs}`).join(' '),
      ...(values['after-crash']
        ? { readyWritableMsEach: of.map((each) => `${Math.round(each.readyMs)}/${Math.round(each.writableMs)}`).join(' ') }
        : {}),
    }),
  );
}
console.log(JSON.stringify({ loadAverage: [loadAtStart, os.loadavg()[0]] }));
