import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../main/pdf/chromiumLaunch.ts';
import { builtHarness } from '../build-harness.ts';
import { longTasksOf, type TraceTask } from './longTasks.ts';
import { observeTyping, typeAndMeasure, typedText } from './typing.ts';

// Typing into a new note alone, on a store already made, against a built renderer (`npm run build`), as
// the benchmark types into a note; with --profile, the page's CPU profile and a Chromium trace of the typing
// (and each long task of the trace with the main thread's CPU time in it).
// Two renderer folders measured back to back compare a change on a machine whose load moves.
//   node scripts/bench/typingAlone.ts --data-dir DIR [--characters 300] [--prefill 0] [--renderer out/renderer] [--profile DIR] [--meeting ID]

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    characters: { type: 'string', default: '300' },
    renderer: { type: 'string', default: 'out/renderer' },
    profile: { type: 'string' },
    // The note already holds this many characters before the typing starts: what changes as a note grows.
    prefill: { type: 'string', default: '0' },
    screenshot: { type: 'string' },
    // Types into this meeting's first brief section instead of a new note: the editor the note is compared with.
    meeting: { type: 'string' },
  },
});
if (!values['data-dir']) throw new Error('--data-dir is required');
const harness = spawn(process.execPath, [builtHarness, '--data-dir', values['data-dir'], '--renderer', values.renderer], {
  stdio: ['ignore', 'pipe', 'ignore'],
});
const url = await new Promise<string>((resolve, reject) => {
  let output = '';
  harness.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
    if (line) resolve((JSON.parse(line) as { url: string }).url);
  });
  harness.once('exit', (code) => reject(new Error(`the web harness exited (${code}) before it was ready`)));
});
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(observeTyping);
  const page = await context.newPage();
  if (values.meeting) {
    await page.goto(`${url}#/meeting/${values.meeting}`);
    await page.locator('.brief-section .section-header button').first().click();
    // In view, as the benchmark types it (scripts/bench/web.ts).
    await page
      .locator('.brief-section textarea')
      .first()
      .evaluate((field) => (field as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center' }));
  } else {
    await page.goto(`${url}#/notes`);
    await page.getByRole('button', { name: 'New note' }).click();
    const text = page.getByRole('textbox', { name: 'Note text', exact: true });
    await text.click();
    if (Number(values.prefill) > 0) {
      await text.fill(typedText(Number(values.prefill)));
      await page.keyboard.press('ControlOrMeta+End');
      await page.locator('.note-status[data-save-state="saved"]').waitFor();
    }
  }
  const cdp = await context.newCDPSession(page);
  const profileDir = values.profile;
  if (profileDir) {
    fs.mkdirSync(profileDir, { recursive: true });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { path: `${profileDir}/typing.trace.json` });
  }
  const loadAverage = os.loadavg()[0];
  const typing = await typeAndMeasure(page, Number(values.characters), 10);
  if (profileDir) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(`${profileDir}/typing.cpuprofile`, JSON.stringify(profile));
    await browser.stopTracing();
  }
  // Where the trace was taken, each long task's CPU time beside its length: the page working, or waiting for a core.
  const traced = profileDir
    ? longTasksOf((JSON.parse(fs.readFileSync(`${profileDir}/typing.trace.json`, 'utf8')) as { traceEvents: TraceTask[] }).traceEvents)
    : undefined;
  if (values.screenshot) await page.screenshot({ path: values.screenshot });
  console.log(JSON.stringify({ renderer: values.renderer, loadAverage, ...typing, ...(traced ? { tracedLongTasks: traced } : {}) }));
} finally {
  await browser.close();
  harness.kill('SIGTERM');
}
