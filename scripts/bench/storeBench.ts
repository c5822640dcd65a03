import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openScratchDatabase } from '../../db/testing.ts';
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch.ts';
import { createHandlers } from '../../main/ipc/handlers/index.ts';
import { rawReplay, recordStatements } from './replay.ts';
import { benchmarkSearches } from './searchQueries.ts';
import { quantile, round, summarise, type Timing, timeRuns } from './stats.ts';
import { interleaved, measureViews, storeBenchArgs, type Views } from './storeViews.ts';

// Runs in its own process so its peak RSS is that of a process holding the
// large store (no dataset generator, no browser driver in the same heap):
//   node scripts/bench/storeBench.ts --db FILE --summit N --meeting N --sector N [--quick]
// Prints one JSON object (StoreResults) on stdout.

export interface ViewResult {
  readonly dispatch: Timing;
  /** CPU time of this process per call through the dispatch: what the view's work costs, whatever else the machine runs. */
  readonly dispatchCpu?: Timing;
  readonly raw: Timing;
  /** Median through the dispatch over the median of the same statements run bare. */
  readonly ratio: number;
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
  readonly noteSaves: {
    readonly saves: number;
    readonly savesPerSecond: number;
    readonly bareCommitsPerSecond: number;
    /** Median over five interleaved blocks of (saves per second) / (bare commits per second). */
    readonly ratio: number;
    readonly blockRatios: readonly number[];
    /** Latency of one save and of one bare commit: the typical cost, without the bursts of other disk traffic. */
    readonly save: Timing;
    readonly bareCommit: Timing;
  };
  readonly peakRssMb: number;
}

const args = storeBenchArgs();
const file = args.db;
const scale = args.quick ? { open: 10, view: 40, search: 3, saves: 200 } : { open: 20, view: 200, search: 10, saves: 1000 };

async function main(): Promise<StoreResults> {
  const openAndMigrate = summarise(
    await timeRuns(scale.open, 1, () => {
      openScratchDatabase(file).close();
    }),
  );

  const db = openScratchDatabase(file);
  const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2026-06-01T09:00:00Z') }) });
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

  const noteSaves = await compareNoteSaves(db, dispatch);
  db.close();
  return {
    openAndMigrate,
    views,
    search: { ...searchTiming, p50Ms: searchTiming.medianMs, perQuery, cpu: summarise(searchCpu) },
    noteSaves,
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
  };
}

async function compareView(db: Database.Database, dispatch: Dispatch, channel: string, request: { id: number }): Promise<ViewResult> {
  const calls = await recordStatements(db, async () => {
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  });
  const raw = rawReplay(db, calls);
  const dispatchCpu: number[] = [];
  const samples = await interleaved(['dispatch', 'raw'], scale.view, 5, async (side) => {
    if (side === 'raw') return raw();
    const cpuBefore = process.cpuUsage();
    await dispatch(channel, request);
    dispatchCpu.push(cpuMs(cpuBefore));
  });
  const viaDispatch = summarise(samples.dispatch);
  const bare = summarise(samples.raw);
  return {
    dispatch: viaDispatch,
    // The warm-up rounds are not counted, as for the wall-clock samples.
    dispatchCpu: summarise(dispatchCpu.slice(-scale.view)),
    raw: bare,
    ratio: round(viaDispatch.medianMs / bare.medianMs, 2),
    statements: calls.length,
  };
}

/** Milliseconds of CPU (user and system) this process used since `before`. */
function cpuMs(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Saves through the dispatch (validation, conflict check, revision, search
 * index, one synchronous=FULL commit each) against bare one-row commits to a
 * file beside the store: the disk's own sync rate is the ceiling for both.
 */
async function compareNoteSaves(db: Database.Database, dispatch: Dispatch) {
  const noteIds = (
    db.prepare('SELECT id FROM note WHERE deleted_at IS NULL AND sector_entry_id IS NOT NULL ORDER BY id LIMIT ?').all(scale.saves) as {
      id: number;
    }[]
  ).map((row) => row.id);
  // Each note is read through the dispatch first, as the editor has it open before a save.
  const versions = new Map<number, number>();
  for (const id of noteIds) {
    const opened = await dispatch('note.get', { id });
    if (!opened.ok) throw new Error(`note.get failed: ${opened.error.message}`);
    versions.set(id, (opened.value as { version: number }).version);
  }
  const bareFile = path.join(path.dirname(file), 'bare-commits.sqlite');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(bareFile + suffix, { force: true });
  const bare = new Database(bareFile);
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE line (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = bare.prepare('INSERT INTO line (body) VALUES (?)');

  // Interleaved one for one, so both sides meet the same disk and the same neighbours' load;
  // in blocks, so one burst of someone else's disk traffic moves one block's ratio, not the result.
  const blocks = 5;
  const blockRatios: number[] = [];
  const saveLatencies: number[] = [];
  const bareLatencies: number[] = [];
  let saveSeconds = 0;
  let bareSeconds = 0;
  for (let block = 0; block < blocks; block++) {
    let blockSave = 0;
    let blockBare = 0;
    for (const [index, id] of noteIds.entries()) {
      if (index % blocks !== block) continue;
      let started = performance.now();
      const result = await dispatch('note.save', {
        id,
        baseVersion: versions.get(id),
        title: 'After the call',
        body: `Spoke to the embassy again (edit ${index}): the reply on the working group is expected next week. 대사관 회신 예정.`,
        tags: ['follow-up', '확인필요'],
        classification: '',
      });
      const saveMs = performance.now() - started;
      saveLatencies.push(saveMs);
      blockSave += saveMs / 1000;
      if (!result.ok || (result.value as { status: string }).status !== 'saved')
        throw new Error(`note.save failed: ${JSON.stringify(result)}`);
      started = performance.now();
      insert.run(`line ${index}`);
      const bareMs = performance.now() - started;
      bareLatencies.push(bareMs);
      blockBare += bareMs / 1000;
    }
    blockRatios.push(blockBare / blockSave);
    saveSeconds += blockSave;
    bareSeconds += blockBare;
  }
  bare.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(bareFile + suffix, { force: true });

  return {
    saves: noteIds.length,
    savesPerSecond: round(noteIds.length / saveSeconds, 1),
    bareCommitsPerSecond: round(noteIds.length / bareSeconds, 1),
    ratio: round(quantile(blockRatios, 0.5), 2),
    blockRatios: blockRatios.map((ratio) => round(ratio, 2)),
    save: summarise(saveLatencies),
    bareCommit: summarise(bareLatencies),
  };
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
