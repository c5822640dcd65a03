// `npm run test:crash -- --runs 100`: kills the store's process with SIGKILL
// while a scripted user types, N times, and counts what was kept and lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../main/pdf/chromiumLaunch.ts';
import { crashRun } from './crashRun.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, verbose: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a positive whole number');
  process.exit(2);
}

// A copy of the built renderer, so a rebuild during a long series cannot pull it away mid-run.
const built = path.resolve(import.meta.dirname, '../out/renderer');
if (!fs.existsSync(path.join(built, 'index.html'))) {
  console.error('No built renderer in out/renderer. Run `npm run build` first.');
  process.exit(2);
}
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-crash-renderer-'));
fs.cpSync(built, rendererDir, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions());
const totals = { typed: 0, acknowledged: 0, storedUnacknowledged: 0, recoveredFromJournal: 0, lost: 0, acknowledgedMissing: 0 };
let intact = 0;
let failedRuns = 0;
try {
  for (let run = 1; run <= runs; run++) {
    let line = '';
    try {
      const result = await crashRun({ browser, rendererDir, log: (text) => (line = text) });
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
      if (result.integrity === 'ok') intact++;
      if (result.problems.length > 0) {
        failedRuns++;
        console.log(`run ${run}: FAILED: ${result.problems.join('; ')}`);
      } else if (values.verbose) console.log(`run ${run}: ${line}`);
    } catch (error) {
      failedRuns++;
      console.log(`run ${run}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  await browser.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
}

console.log(
  [
    `crash test: ${runs} runs, SIGKILL of the store while typing`,
    `  words typed:                 ${totals.typed}`,
    `  acknowledged by the store:   ${totals.acknowledged}`,
    `  stored, answer cut off:      ${totals.storedUnacknowledged}`,
    `  recovered from the journal:  ${totals.recoveredFromJournal}`,
    `  lost:                        ${totals.lost}`,
    `  acknowledged but missing:    ${totals.acknowledgedMissing}`,
    `  integrity_check ok:          ${intact}/${runs}`,
  ].join('\n'),
);
console.log(`${runs - failedRuns} passed, ${failedRuns} failed`);
process.exit(failedRuns === 0 && totals.lost === 0 ? 0 : 1);
