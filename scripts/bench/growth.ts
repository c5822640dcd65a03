import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { latestVersion } from '../../db/migrations/index.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import {
  checkGrowthBudgets,
  type GrowthBenchResults,
  type GrowthFigure,
  type GrowthPoint,
  type GrowthStoreInfo,
  growthFigure,
  renderGrowthTable,
} from './growthReport.ts';
import { defaultCacheDir, growthSizes, growthStore } from './growthStores.ts';
import { measurePdf, type PdfResults } from './pdf.ts';
import { round } from './stats.ts';
import type { StoreResults } from './storeBench.ts';

// npm run bench -- --growth [--quick] [--json FILE] [--seed N] [--growth-sizes 10000,100000] [--skip-packs]
// The store measurements at 10,000, 100,000 and 1,000,000 annotations and
// notes, and packs of 50, 200 and 800 pages, each figure with its growth
// between sizes. Stores come from the cache (growthStores.ts); each is
// measured on a fresh copy, in its own process, as the full benchmark does.

export interface GrowthOptions {
  readonly root: string;
  readonly workDir: string;
  readonly seed: number;
  readonly quick: boolean;
  readonly cacheDir?: string;
  /** Only these sizes (annotations and notes); all three by default. */
  readonly sizes?: readonly number[];
  /** Leave out the packs (the store figures alone, as when comparing a change to db/). */
  readonly skipPacks?: boolean;
  readonly progress: (message: string) => void;
}

const loadAverage = () => round(os.loadavg()[0] ?? 0, 2);
/** The load over the measurement: the mean of the 1-minute average at its start and at its end. */
const loadOver = (before: number) => round((before + loadAverage()) / 2, 2);

export const packPages = [50, 200, 800] as const;

function measureStoreProcess(root: string, file: string, ids: { summit: number; meeting: number; sector: number }, quick: boolean) {
  const child = spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts/bench/storeBench.ts'),
      '--db',
      file,
      '--summit',
      String(ids.summit),
      '--meeting',
      String(ids.meeting),
      '--sector',
      String(ids.sector),
      ...(quick ? ['--quick'] : []),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`storeBench failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? 'null') as StoreResults;
}

export async function measureGrowth(options: GrowthOptions): Promise<GrowthBenchResults> {
  const { root, workDir, seed, quick, progress } = options;
  const cacheDir = options.cacheDir ?? defaultCacheDir;
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadAverage();
  const stores: GrowthStoreInfo[] = [];
  const storePoints = new Map<string, GrowthPoint[]>();
  const addPoint = (map: Map<string, GrowthPoint[]>, key: string, point: GrowthPoint) => map.set(key, [...(map.get(key) ?? []), point]);
  const packPoints = new Map<string, GrowthPoint[]>();
  let packs: { pages: number; results: PdfResults; loadAverage: number }[] = [];

  for (const size of growthSizes.filter((candidate) => !options.sizes || options.sizes.includes(candidate.annotations))) {
    const store = growthStore(root, cacheDir, seed, size, progress);
    const { generated } = store.manifest;
    const copy = path.join(workDir, `growth-${size.annotations}.sqlite`);
    progress(`copying the ${size.annotations.toLocaleString('en-US')} store (${round(store.manifest.bytes / 1e6, 0)} MB) to measure it`);
    fs.copyFileSync(store.file, copy, fs.constants.COPYFILE_FICLONE);
    fs.chmodSync(copy, 0o644);
    // A store cached before a migration is upgraded here, untimed by the store process.
    const upgradeStarted = performance.now();
    openScratchDatabase(copy).close();
    const upgradeMs = round(performance.now() - upgradeStarted, 1);
    stores.push({
      annotations: size.annotations,
      counts: generated.counts,
      fileMb: round(fs.statSync(copy).size / 1e6, 1),
      generateSeconds: store.manifest.generateSeconds,
      loadAverageWhileGenerating: store.manifest.loadAverageWhileGenerating,
      reused: store.reused,
      upgradeMs: store.manifest.schemaVersion === latestVersion ? 0 : upgradeMs,
    });

    progress(`measuring views, search, note saves and RSS at ${size.annotations.toLocaleString('en-US')} in their own process`);
    const before = loadAverage();
    const measured = measureStoreProcess(
      root,
      copy,
      { summit: generated.largestSummitId, meeting: generated.sampleMeetingId, sector: generated.busiestSectorId },
      quick,
    );
    const load = loadOver(before);
    const at = (value: number): GrowthPoint => ({ size: size.annotations, value, loadAverage: load });
    // The budgets are judged on CPU time: on a shared machine a wall-clock median measures the queue for the CPU.
    for (const view of ['summitView', 'meetingBrief', 'sectorView'] as const) {
      addPoint(storePoints, `views.${view}.cpuMedianMs`, at(measured.views[view].dispatchCpu?.medianMs ?? Number.NaN));
      addPoint(storePoints, `views.${view}.medianMs`, at(measured.views[view].dispatch.medianMs));
    }
    addPoint(storePoints, 'search.cpuP95Ms', at(measured.search.cpu?.p95Ms ?? Number.NaN));
    addPoint(storePoints, 'search.cpuP50Ms', at(measured.search.cpu?.medianMs ?? Number.NaN));
    addPoint(storePoints, 'search.p95Ms', at(measured.search.p95Ms));
    addPoint(storePoints, 'noteSave.medianMs', at(measured.noteSaves.save.medianMs));
    addPoint(storePoints, 'openStore.medianMs', at(measured.openAndMigrate.medianMs));
    addPoint(storePoints, 'peakRssMb', at(measured.peakRssMb));

    // Packs are printed from the store of a busy desk (the full benchmark's size).
    if (size.annotations === 100_000 && !options.skipPacks)
      packs = await measurePacks(copy, generated.largestSummitId, workDir, quick, progress);
    fs.rmSync(copy, { force: true });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }

  for (const pack of packs) {
    const at = (value: number): GrowthPoint => ({ size: pack.pages, value, loadAverage: pack.loadAverage });
    addPoint(packPoints, 'pack.exportMs', at(pack.results.total.medianMs));
    addPoint(packPoints, 'pack.chromiumPrintMs', at(pack.results.chromiumPrint.medianMs));
    // Sherpa's own share: the export less one Chromium print, the part of it this code base controls.
    addPoint(packPoints, 'pack.ownMs', at(round(pack.results.total.medianMs - pack.results.chromiumPrint.medianMs, 1)));
    addPoint(packPoints, 'pack.ratio', at(pack.results.ratio));
    // Where the export's own share went, so a miss names its cause: a second print shows as 2 prints.
    addPoint(packPoints, 'pack.prints', at(pack.results.breakdown.passes));
    // Against the export's own print call, timed in the same run: on a busy machine two prints minutes apart differ more than the export adds.
    addPoint(packPoints, 'pack.ratioToItsPrint', at(round(pack.results.total.medianMs / pack.results.breakdown.enginePrintMs, 2)));
    addPoint(packPoints, 'pack.renderMs', at(round(pack.results.breakdown.renderMs, 1)));
    addPoint(packPoints, 'pack.loadMs', at(round(pack.results.breakdown.engineMs - pack.results.breakdown.enginePrintMs, 1)));
    addPoint(packPoints, 'pack.readBackMs', at(round(pack.results.breakdown.readBackMs, 1)));
  }

  const labels: Record<string, [string, string]> = {
    'views.summitView.cpuMedianMs': ['summit view via dispatch, CPU (median)', 'ms'],
    'views.summitView.medianMs': ['summit view via dispatch, wall clock (median)', 'ms'],
    'views.meetingBrief.cpuMedianMs': ['meeting brief via dispatch, CPU (median)', 'ms'],
    'views.meetingBrief.medianMs': ['meeting brief via dispatch, wall clock (median)', 'ms'],
    'views.sectorView.cpuMedianMs': ['sector view via dispatch, CPU (median)', 'ms'],
    'views.sectorView.medianMs': ['sector view via dispatch, wall clock (median)', 'ms'],
    'search.cpuP95Ms': ['search, CPU p95 (20 queries)', 'ms'],
    'search.cpuP50Ms': ['search, CPU p50 (20 queries)', 'ms'],
    'search.p95Ms': ['search, wall clock p95 (20 queries)', 'ms'],
    'noteSave.medianMs': ['one note save (median)', 'ms'],
    'openStore.medianMs': ['open the store (median)', 'ms'],
    peakRssMb: ['peak RSS of the store process', 'MB'],
    'pack.exportMs': ['pack export (median)', 'ms'],
    'pack.chromiumPrintMs': ["Chromium's own print of it (median)", 'ms'],
    'pack.ownMs': ['export less one Chromium print', 'ms'],
    'pack.ratio': ['export / Chromium print', '×'],
    'pack.prints': ['Chromium prints per export', ''],
    'pack.ratioToItsPrint': ["export / the export's own Chromium print call", '×'],
    'pack.renderMs': ['pack HTML rendered (React)', 'ms'],
    'pack.loadMs': ['pack HTML loaded into Chromium before printing', 'ms'],
    'pack.readBackMs': ['printed PDF read back, contents numbered', 'ms'],
  };
  const figures: Record<string, GrowthFigure> = {};
  for (const [points, per] of [
    [storePoints, 'annotations'],
    [packPoints, 'pages'],
  ] as const) {
    for (const [key, list] of points) {
      const [label, unit] = labels[key] ?? [key, ''];
      figures[key] = growthFigure(label, unit, per, list);
    }
  }
  const growth = { seed, stores, figures };
  return {
    schema: 1,
    mode: quick ? 'growth-quick' : 'growth',
    startedAt,
    machine: { cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: loadAverage() },
    growth,
    budgets: checkGrowthBudgets(growth),
  };
}

async function measurePacks(file: string, summitId: number, workDir: string, quick: boolean, progress: (message: string) => void) {
  const db = openScratchDatabase(file);
  try {
    const packs: { pages: number; results: PdfResults; loadAverage: number }[] = [];
    for (const pages of packPages) {
      progress(`exporting a ${pages}-page pack`);
      const before = loadAverage();
      const results = await measurePdf(db, summitId, workDir, quick || pages >= 800 ? 1 : pages >= 200 ? 2 : 3, pages);
      packs.push({ pages: results.pages, results, loadAverage: loadOver(before) });
    }
    return packs;
  } catch (error) {
    progress(`packs not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return [];
  } finally {
    db.close();
  }
}

/** Runs the growth benchmark, prints its tables, writes the JSON if asked. */
export async function runGrowthBench(options: GrowthOptions & { readonly json?: string }): Promise<void> {
  const results = await measureGrowth(options);
  options.progress('done');
  fs.writeSync(1, `${renderGrowthTable(results)}\n`);
  if (options.json) {
    fs.mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
    fs.writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
    options.progress(`wrote ${options.json}`);
  }
}
