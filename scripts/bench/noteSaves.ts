import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Dispatch } from '../../main/ipc/dispatch.ts';
import { quantile, round, summarise, type Timing } from './stats.ts';

// Note saves against bare commits, measured inside the store process (storeBench.ts);
// noteSavesAlone.ts runs them alone on a store already made.

export interface NoteSaveResults {
  readonly saves: number;
  readonly savesPerSecond: number;
  readonly bareCommitsPerSecond: number;
  /** Median over five interleaved blocks of (saves per second) / (bare commits per second). */
  readonly ratio: number;
  readonly blockRatios: readonly number[];
  /** Latency of one save and of one bare commit: the typical cost, without the bursts of other disk traffic. */
  readonly save: Timing;
  readonly bareCommit: Timing;
  /**
   * CPU time of this process per save and per bare commit: our own work, which a slow or busy disk
   * hides in the wall-clock figures (a commit waiting on fsync costs little CPU).
   */
  readonly saveCpu?: Timing;
  readonly bareCommitCpu?: Timing;
}

/**
 * Saves through the dispatch (validation, conflict check, revision, search
 * index, one synchronous=FULL commit each) against bare one-row commits to a
 * file beside the store: the disk's own sync rate is the ceiling for both.
 */
export async function compareNoteSaves(
  db: Database.Database,
  dispatch: Dispatch,
  bareFile: string,
  saves: number,
): Promise<NoteSaveResults> {
  const noteIds = (
    db.prepare('SELECT id FROM note WHERE deleted_at IS NULL AND sector_entry_id IS NOT NULL ORDER BY id LIMIT ?').all(saves) as {
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
  const saveCpu: number[] = [];
  const bareCpu: number[] = [];
  let saveSeconds = 0;
  let bareSeconds = 0;
  for (let block = 0; block < blocks; block++) {
    let blockSave = 0;
    let blockBare = 0;
    for (const [index, id] of noteIds.entries()) {
      if (index % blocks !== block) continue;
      let cpuBefore = process.cpuUsage();
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
      saveCpu.push(cpuMs(cpuBefore));
      saveLatencies.push(saveMs);
      blockSave += saveMs / 1000;
      if (!result.ok || (result.value as { status: string }).status !== 'saved')
        throw new Error(`note.save failed: ${JSON.stringify(result)}`);
      cpuBefore = process.cpuUsage();
      started = performance.now();
      insert.run(`line ${index}`);
      const bareMs = performance.now() - started;
      bareCpu.push(cpuMs(cpuBefore));
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
    saveCpu: summarise(saveCpu),
    bareCommitCpu: summarise(bareCpu),
  };
}

/** Milliseconds of CPU (user and system) this process used since `before`. */
function cpuMs(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
