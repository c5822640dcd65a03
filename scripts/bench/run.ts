// Before anything that loads React: see productionReact.ts.
import './productionReact.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type GeneratedDataset, markRecordsGeneratedUnmarked } from '../../db/sample/generate.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { storeFileName } from '../../main/store.ts';
import { type BundleResults, measureBundle } from './bundle.ts';
import { type DayResults, dayBudgets, measureDay } from './day.ts';
import type { EncryptionResults } from './encryptedBench.ts';
import { runGrowthBench } from './growth.ts';
import { measurePdf, type PdfResults } from './pdf.ts';
import { type BenchResults, checkBudgets, type Measured, renderTable, startAfterCrashBudget } from './report.ts';
import { benchmarkSearches } from './searchQueries.ts';
import { round } from './stats.ts';
import type { StoreResults } from './storeBench.ts';
import { type SyncResults, syncBudgets } from './syncReport.ts';
import type { UpgradeResults } from './upgrade.ts';
import { measureStart, measureWeb, type StartResults, type WebResults } from './web.ts';

// npm run bench -- [--quick] [--json FILE] [--seed N] [--skip-build] [--keep]
// Generates the dataset, measures, prints a table of figures and budgets.
// npm run bench -- --only desks [--quick] [--json FILE] [--seed N] [--keep]: the store made as above, then desk
// replication alone (scripts/bench/sync.ts); the JSON keeps the full run's keys for what it measured.
// npm run bench -- --growth [--quick] [--json FILE] [--seed N] [--growth-sizes N,N] [--skip-packs]: how the figures grow
// with the store and the pack instead (scripts/bench/growth.ts).

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'skip-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    growth: { type: 'boolean', default: false },
    'growth-sizes': { type: 'string' },
    'skip-packs': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
if (values.only !== undefined && values.only !== 'desks') {
  console.error(`--only takes one part, desks (desk replication); not "${values.only}"`);
  process.exit(2);
}
const quick = values.quick ?? false;
const seed = Number(values.seed);
const root = path.resolve(import.meta.dirname, '../..');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-bench-'));
const storeFile = path.join(workDir, storeFileName);
/** The dataset is written at this schema so the benchmark times the upgrade of a large store too. */
const upgradeFrom = 20;
const benchStarted = performance.now();
const progress = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);

/** Runs a Node script in its own process and returns its last line of output, parsed (`echo`: its progress lines printed after it). */
function runNode<T>(script: string, args: string[], echo = false): T {
  const child = spawnSync(process.execPath, [path.join(root, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    // The error's own line, not Node's closing version line or a library's deprecation notes.
    const said = child.stderr
      .trim()
      .split('\n')
      .filter((line) => !line.includes('is deprecated'));
    const why = said.find((line) => /Error\b/.test(line)) ?? said.at(-1) ?? `exit ${child.status ?? child.signal}`;
    throw new Error(`${script} failed: ${why}\n${child.stderr}`);
  }
  if (echo) process.stderr.write(child.stderr);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines.at(-1) ?? 'null') as T;
}

/** Desk replication in its own process. A quick run shares one summit: its figure is a smoke test of the path, and the quick run must stay short. */
function measureSync(meetingId: number): SyncResults {
  return runNode<SyncResults>(
    'scripts/bench/sync.ts',
    ['--db', storeFile, '--meeting', String(meetingId), ...(quick ? ['--share', 'one'] : [])],
    values.only === 'desks',
  );
}

/** The results as JSON, where `--json` asked. */
function writeJson(results: object): void {
  if (!values.json) return;
  fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
  fs.writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  progress(`wrote ${values.json}`);
}

async function attempt<T>(label: string, work: () => Promise<T> | T): Promise<Measured<T>> {
  try {
    return await work();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    progress(`${label} not measured: ${reason}`);
    return { notMeasured: reason ?? 'failed' };
  }
}

if (values.growth) {
  try {
    await runGrowthBench({
      root,
      workDir,
      seed,
      quick,
      progress,
      skipPacks: values['skip-packs'] ?? false,
      ...(values['growth-sizes'] ? { sizes: values['growth-sizes'].split(',').map(Number) } : {}),
      ...(values.json ? { json: values.json } : {}),
    });
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  const startedAt = new Date().toISOString();
  // Timings scale with what else the machine is doing: the load is recorded beside them.
  const loadAverageAtStart = round(os.loadavg()[0] ?? 0, 2);
  progress(`generating the ${quick ? 'quick' : 'full'} dataset in ${workDir}`);
  const generateStarted = performance.now();
  const generated = runNode<GeneratedDataset>('scripts/generate-dataset.ts', [
    '--out',
    storeFile,
    '--seed',
    String(seed),
    '--schema',
    String(upgradeFrom),
    ...(quick ? ['--quick'] : []),
  ]);
  const generateSeconds = round((performance.now() - generateStarted) / 1000, 1);
  const fileMb = round(fs.statSync(storeFile).size / 1e6, 1);

  progress(`upgrading the store from schema ${upgradeFrom} in its own process`);
  const upgrade = runNode<UpgradeResults>('scripts/bench/upgrade.ts', ['--db', storeFile]);

  // The upgrade leaves summits, follow-ups, timeline events and sources written before markings unmarked, and a
  // pack refuses unmarked material: the desk marks them before its first pack, as the generator marks them today.
  const marking = openScratchDatabase(storeFile);
  try {
    progress(`marking ${markRecordsGeneratedUnmarked(marking)} records the upgrade left unmarked, as a desk does before its first pack`);
  } finally {
    marking.close();
  }

  if (values.only === 'desks') {
    progress('replicating the store between two desks through a CouchDB-protocol server, then as a bundle');
    const sync = await attempt<SyncResults>('desk replication', () => measureSync(generated.sampleMeetingId));
    const results = {
      schema: 1,
      mode: quick ? 'quick' : 'full',
      only: 'desks',
      startedAt,
      dataset: { seed, fileMb, generateSeconds, counts: generated.counts },
      machine: { cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: round(os.loadavg()[0] ?? 0, 2) },
      upgrade,
      sync,
      budgets: syncBudgets(sync),
    };
    progress('done');
    console.log(JSON.stringify(results.budgets, null, 2));
    writeJson(results);
  } else {
    progress('measuring the store in its own process (open, views, search, note saves, RSS)');
    // The store process and the encrypted one measure the same records.
    const storeArgs = [
      '--db',
      storeFile,
      '--summit',
      String(generated.largestSummitId),
      '--meeting',
      String(generated.sampleMeetingId),
      '--sector',
      String(generated.busiestSectorId),
      ...(quick ? ['--quick'] : []),
    ];
    const store = runNode<StoreResults>('scripts/bench/storeBench.ts', storeArgs);

    progress('encrypting a copy of the store in place, then the same work plain and encrypted, interleaved');
    const encryption = await attempt<EncryptionResults>('encryption', () =>
      runNode<EncryptionResults>('scripts/bench/encryptedBench.ts', storeArgs),
    );

    // Quick runs print a 20-page pack: the 200-page one alone takes longer than a quick run may.
    progress(`exporting a ${quick ? 20 : 200}-page pack`);
    const pdf = await attempt<PdfResults>('PDF export', async () => {
      const db = openScratchDatabase(storeFile);
      try {
        return await measurePdf(db, generated.largestSummitId, workDir, quick ? 1 : 3, quick ? 20 : 200);
      } finally {
        db.close();
      }
    });

    progress('replicating the store between two desks through a CouchDB-protocol server, then as a bundle');
    const sync = await attempt<SyncResults>('desk replication', () => measureSync(generated.sampleMeetingId));

    progress(values['skip-build'] ? 'weighing the existing renderer build' : 'building and weighing the renderer');
    const bundle = await attempt<BundleResults>('bundle', () => measureBundle(!values['skip-build']));

    progress('measuring the start of the web target on the store');
    const start = await attempt<StartResults>('start', () => measureStart(workDir, quick ? 2 : 10));
    // After a crash (no clean-close record): the store is shown at once and checked on a worker thread meanwhile.
    progress('measuring the start after a crash');
    const startAfterCrash = await attempt<StartResults>('start after a crash', () => measureStart(workDir, quick ? 1 : 3, undefined, true));

    // 2,000 characters at 10 a second per field in a full run, as the issue sets; a quick run types 30 (3 s a field).
    progress('measuring first paint, search and typing in the web target');
    const web = await attempt<WebResults>('web', () =>
      measureWeb(workDir, generated.largestSummitId, benchmarkSearches.slice(0, quick ? 5 : 20), quick ? 3 : 20, {
        meetingId: generated.sampleMeetingId,
        characters: quick ? 30 : 2_000,
      }),
    );

    // 500 walks of every view in a full run, as the issue sets; a quick run walks 3 times (the figures then say little).
    const walks = quick ? 3 : 500;
    progress(`walking every view ${walks} times with edits between (memory over a day)`);
    const day = await attempt<DayResults>('day', () =>
      measureDay(
        workDir,
        { summitId: generated.largestSummitId, meetingId: generated.sampleMeetingId, sectorId: generated.busiestSectorId, walks },
        (walk) => {
          if (walk % 50 === 0) progress(`walk ${walk} of ${walks}`);
        },
      ),
    );

    const results: BenchResults = {
      schema: 1,
      mode: quick ? 'quick' : 'full',
      startedAt,
      dataset: { seed, fileMb, generateSeconds, counts: generated.counts },
      machine: { cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: round(os.loadavg()[0] ?? 0, 2) },
      upgrade,
      store,
      encryption,
      pdf,
      bundle,
      web,
      start,
      startAfterCrash,
      day,
      sync,
      budgets: [
        ...checkBudgets(store, pdf, bundle, web, encryption, start),
        startAfterCrashBudget(startAfterCrash),
        ...dayBudgets(day),
        ...syncBudgets(sync),
      ],
    };
    progress('done');
    console.log(renderTable(results));
    writeJson(results);
  }
} finally {
  if (values.keep) progress(`kept ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
}
