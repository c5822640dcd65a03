import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/open.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { encryptFile } from '../../main/encryptStore.ts';
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch.ts';
import { createHandlers } from '../../main/ipc/handlers/index.ts';
import { benchmarkSearches } from './searchQueries.ts';
import { quantile, round, summarise, type Timing } from './stats.ts';
import { interleaved, measureViews, storeBenchArgs, type Views } from './storeViews.ts';

// The cost of encryption at rest, in a process of its own: a copy of the
// benchmark store is encrypted in place (the time a user waits once, when
// upgrading), then the same views, searches and note saves run against the
// plain store and the encrypted copy, interleaved one for one so both meet
// the same disk and load. Each figure is a ratio encrypted / plain.
//   node scripts/bench/encryptedBench.ts --db FILE --summit N --meeting N --sector N [--quick]

export interface PairTiming {
  readonly plain: Timing;
  readonly encrypted: Timing;
  /**
   * The median of each round's encrypted / plain: the two runs of a round are
   * back to back, so they meet the same load from the rest of the machine.
   */
  readonly ratio: number;
}

export interface EncryptionResults {
  readonly fileMb: number;
  /** journal_mode=DELETE and PRAGMA rekey of the whole store, in place. */
  readonly encryptInPlaceMs: number;
  readonly views: Views<PairTiming>;
  readonly search: PairTiming;
  readonly noteSaves: PairTiming;
}

const args = storeBenchArgs();
const plainFile = args.db;
const scale = args.quick ? { view: 40, search: 3, saves: 200 } : { view: 200, search: 10, saves: 1000 };

function pair(plain: number[], encrypted: number[]): PairTiming {
  const perRound = encrypted.map((ms, index) => ms / (plain[index] ?? Number.NaN));
  return { plain: summarise(plain), encrypted: summarise(encrypted), ratio: round(quantile(perRound, 0.5), 2) };
}

/** Runs `work` on the plain and the encrypted store, one for one (see interleaved). */
async function interleavedPair(rounds: number, work: (side: 'plain' | 'encrypted', round: number) => Promise<void>): Promise<PairTiming> {
  const samples = await interleaved(['plain', 'encrypted'], rounds, 3, work);
  return pair(samples.plain, samples.encrypted);
}

function dispatchFor(db: Db): Dispatch {
  return createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2026-06-01T09:00:00Z') }) });
}

async function main(): Promise<EncryptionResults> {
  const encryptedFile = path.join(path.dirname(plainFile), 'encrypted.sqlite');
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(encryptedFile + suffix, { force: true });
  fs.copyFileSync(plainFile, encryptedFile);
  const key = randomBytes(32);
  const started = performance.now();
  encryptFile(encryptedFile, key);
  const encryptInPlaceMs = round(performance.now() - started, 1);

  const plainDb = openScratchDatabase(plainFile);
  const encryptedDb = openScratchDatabase(encryptedFile, { key });
  const sides = { plain: dispatchFor(plainDb), encrypted: dispatchFor(encryptedDb) };
  const call = async (side: 'plain' | 'encrypted', channel: string, request: unknown) => {
    const result = await sides[side](channel, request);
    if (!result.ok) throw new Error(`${channel} on the ${side} store failed: ${result.error.message}`);
    return result.value;
  };

  const views = await measureViews(args, (channel, request) =>
    interleavedPair(scale.view, async (side) => void (await call(side, channel, request))),
  );
  const queries = benchmarkSearches.flatMap((text) => Array.from({ length: scale.search }, () => text));
  const search = await interleavedPair(
    queries.length,
    async (side, index) => void (await call(side, 'search.query', { text: queries[index] })),
  );

  const noteIds = (
    plainDb
      .prepare('SELECT id FROM note WHERE deleted_at IS NULL AND sector_entry_id IS NOT NULL ORDER BY id LIMIT ?')
      .pluck()
      .all(scale.saves + 3) as number[]
  ).filter((id) => typeof id === 'number');
  const versions = { plain: new Map<number, number>(), encrypted: new Map<number, number>() };
  const noteSaves = await interleavedPair(noteIds.length - 3, async (side, index) => {
    const id = noteIds[index] ?? 0;
    const baseVersion = versions[side].get(id) ?? ((await call(side, 'note.get', { id })) as { version: number }).version;
    const saved = (await call(side, 'note.save', {
      id,
      baseVersion,
      title: 'After the call',
      body: `Spoke to the embassy again (edit ${index}): the reply is expected next week. 대사관 회신 예정.`,
      tags: ['follow-up'],
      classification: '',
    })) as { status: string; note: { version: number } };
    if (saved.status !== 'saved') throw new Error('a benchmark save met a conflict');
    versions[side].set(id, saved.note.version);
  });
  plainDb.close();
  encryptedDb.close();
  const fileMb = round(fs.statSync(encryptedFile).size / 1e6, 1);
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(encryptedFile + suffix, { force: true });
  return { fileMb, encryptInPlaceMs, views, search, noteSaves };
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
