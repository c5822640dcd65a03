import path from 'node:path';
import type Database from 'better-sqlite3';
import { openScratchDatabase } from '../../db/testing.ts';
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch.ts';
import { createHandlers } from '../../main/ipc/handlers/index.ts';
import { compareNoteSaves, type NoteSaveResults } from './noteSaves.ts';
import { rawReplay, recordStatements } from './replay.ts';
import { benchmarkSearches } from './searchQueries.ts';
import { round, summarise, type Timing, timeRuns } from './stats.ts';
import { interleavedWithCpu, measureViews, storeBenchArgs, type Views } from './storeViews.ts';

// Runs in its own process so its peak RSS is that of a process holding the
// large store (no dataset generator, no browser driver in the same heap):
//   node scripts/bench/storeBench.ts --db FILE --summit N --meeting N --sector N [--quick] [--views-only]
// Prints one JSON object (StoreResults; with --views-only, its views alone) on stdout.

export interface ViewResult {
  readonly dispatch: Timing;
  /** CPU time of this process per call through the dispatch: what the view's work costs, whatever else the machine runs. */
  readonly dispatchCpu?: Timing;
  readonly raw: Timing;
  /** CPU time of this process per call of the same statements run bare. */
  readonly rawCpu?: Timing;
  /** Median through the dispatch over the median of the same statements run bare. */
  readonly ratio: number;
  /** The same ratio in CPU time, which the rest of the machine's load does not stretch. */
  readonly cpuRatio?: number;
  readonly statements: number;
}

export interface StoreResults {
  readonly openAndMigrate: Timing;
  readonly views: Views<ViewResult>;
  readonly search: Timing & {
    readonly p50Ms: number;
    readonly perQuery: Record<string, Timing & { hits: number }>;
    /** CPU time of this process per search (see ViewResult.dispatchCpu). */
    readonly cpu?: Timing;
  };
  readonly noteSaves: NoteSaveResults;
  readonly peakRssMb: number;
}

const args = storeBenchArgs();
const file = args.db;
const scale = args.quick ? { open: 10, view: 40, search: 3, saves: 200 } : { open: 20, view: 200, search: 10, saves: 1000 };

async function main(): Promise<StoreResults | Pick<StoreResults, 'views'>> {
  if (args.viewsOnly) {
    const db = openScratchDatabase(file);
    const dispatch = benchDispatch(db);
    const views = await measureViews(args, (channel, request) => compareView(db, dispatch, channel, request));
    db.close();
    return { views };
  }
  const openAndMigrate = summarise(
    await timeRuns(scale.open, 1, () => {
      openScratchDatabase(file).close();
    }),
  );

  const db = openScratchDatabase(file);
  const dispatch = benchDispatch(db);
  const views = await measureViews(args, (channel, request) => compareView(db, dispatch, channel, request));

  const perQuery: Record<string, Timing & { hits: number }> = {};
  const allSearches: number[] = [];
  const searchCpu: number[] = [];
  for (const text of benchmarkSearches) {
    let hits = 0;
    let warm = false;
    const samples = await timeRuns(scale.search, 1, async () => {
      const cpuBefore = process.cpuUsage();
      const result = await dispatch('search.query', { text });
      if (warm) searchCpu.push(cpuMs(cpuBefore));
      warm = true;
      if (!result.ok) throw new Error(`search "${text}" failed: ${result.error.message}`);
      hits = (result.value as unknown[]).length;
    });
    perQuery[text] = { ...summarise(samples), hits };
    allSearches.push(...samples);
  }
  const searchTiming = summarise(allSearches);

  const noteSaves = await compareNoteSaves(db, dispatch, path.join(path.dirname(file), 'bare-commits.sqlite'), scale.saves);
  db.close();
  return {
    openAndMigrate,
    views,
    search: { ...searchTiming, p50Ms: searchTiming.medianMs, perQuery, cpu: summarise(searchCpu) },
    noteSaves,
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
  };
}

function benchDispatch(db: Database.Database): Dispatch {
  return createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2026-06-01T09:00:00Z') }) });
}

async function compareView(db: Database.Database, dispatch: Dispatch, channel: string, request: { id: number }): Promise<ViewResult> {
  const calls = await recordStatements(db, async () => {
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  });
  const raw = rawReplay(db, calls);
  // The raw side is synchronous, as better-sqlite3 is: awaiting the dispatch's promise is part of what the dispatch costs.
  const { wall, cpu } = await interleavedWithCpu(['dispatch', 'raw'], scale.view, 5, (side) =>
    side === 'raw' ? raw() : dispatch(channel, request),
  );
  const viaDispatch = summarise(wall.dispatch);
  const bare = summarise(wall.raw);
  const dispatchCpu = summarise(cpu.dispatch);
  const rawCpu = summarise(cpu.raw);
  return {
    dispatch: viaDispatch,
    dispatchCpu,
    raw: bare,
    rawCpu,
    ratio: round(viaDispatch.medianMs / bare.medianMs, 2),
    cpuRatio: round(dispatchCpu.medianMs / rawCpu.medianMs, 2),
    statements: calls.length,
  };
}

/** Milliseconds of CPU (user and system) this process used since `before`. */
function cpuMs(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
