// Desk replication figures on the benchmark store, by the path a desk runs:
//   node scripts/bench/sync.ts --db STORE.sqlite --meeting ID     → one JSON line (SyncResults)
//   (--share one: only the edited meeting's summit, the largest, instead of every summit;
//    --pull-only: stop after the first replication to the empty desk, printing its figures alone;
//    --cipher aegis|chacha20: desk B's store encrypted as a user's is, new stores' AEGIS or earlier stores' ChaCha20)
// Desk A (a copy of the store) shares every summit with a CouchDB-protocol
// server on loopback (pouchdb-server's express-pouchdb, as the tests use),
// partitioned as a desk's is: the reference database and each summit's own. Each desk runs its background
// replicator (main/sync/replicator.ts), which listens to the server's changes
// feeds. Measured: desk A's first push, the first replication to an empty
// desk B, one saved edit travelling A → server → B until it is in B's store,
// and a signed, encrypted bundle of the whole store exported and imported
// into an empty desk. In a process of its own: both desks and PouchDB's memory
// stay out of the figures of the others; the server runs in a second process
// (syncServer.ts), as a desk's server is a program apart from its laptops.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type StoreCipher, storeCiphers } from '../../db/cipher.ts';
import type { Db } from '../../db/open.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { exportBundle, importBundle } from '../../main/sync/bundle.ts';
import { ensureDeskKeys } from '../../main/sync/deskKeys.ts';
import { DeskReplicator } from '../../main/sync/replicator.ts';
import type { Touched } from '../../shared/contract.ts';
import { typeMeanwhile } from './savesMeanwhile.ts';
import { round } from './stats.ts';
import type { SyncResults } from './syncReport.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    meeting: { type: 'string' },
    share: { type: 'string', default: 'all' },
    'pull-only': { type: 'boolean', default: false },
    cipher: { type: 'string' },
  },
});
if (!values.db || !values.meeting) {
  console.error('Usage: node scripts/bench/sync.ts --db STORE.sqlite --meeting ID (an upgraded benchmark store and a meeting with notes)');
  process.exit(2);
}
if (values.cipher !== undefined && !(storeCiphers as readonly string[]).includes(values.cipher)) {
  console.error(`--cipher takes ${storeCiphers.join(' or ')}; not "${values.cipher}"`);
  process.exit(2);
}
// A rejection no one handled ends the process with Node's one line; its stack says where it escaped from.
process.on('unhandledRejection', (reason) => {
  const cause =
    reason instanceof Error && reason.cause instanceof Error ? `\ncaused by: ${reason.cause.stack ?? reason.cause.message}` : '';
  process.stderr.write(
    `Error: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}${cause}\n`,
  );
  process.exit(1);
});
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-sync-bench-'));
const seconds = (started: number) => round((performance.now() - started) / 1000, 2);
/** CPU seconds this process used since `from` (server and both desks share it): beside a wall-clock figure, it tells work from waiting for a core. */
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return round((used.user + used.system) / 1e6, 2);
};
/** Bytes this process read and wrote through the kernel so far (Linux's /proc/self/io; none elsewhere): a pull's page traffic. */
const kernelIo = (): { read: number; written: number } | null => {
  try {
    const io = fs.readFileSync('/proc/self/io', 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? Number.NaN);
    return { read: field('rchar'), written: field('wchar') };
  } catch {
    return null;
  }
};
const records = (db: Db) => syncPrepare(db, 'SELECT count(*) FROM sync_doc WHERE NOT deleted').pluck().get() as number;
const progress = (message: string) => process.stderr.write(`  sync: ${message}\n`);
/** A replicator whose round never ends is a failure of the run, not a figure. */
function within<T>(promise: Promise<T>, what: string, ms = 600_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish in ${ms / 1000} s`)), ms).unref()),
  ]);
}

const fileA = path.join(folder, 'a.sqlite');
fs.copyFileSync(values.db, fileA);
const a = openScratchDatabase(fileA);
// Desk B's store sealed as a user's is (every page it writes or reads is encrypted or decrypted), with the cipher asked for.
const b = openScratchDatabase(
  path.join(folder, 'b.sqlite'),
  values.cipher ? { key: randomBytes(32), cipherOfNewFile: values.cipher as StoreCipher } : {},
);
const server = await startServerProcess();
let arrived: (touched: Touched[]) => void = () => undefined;
const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
const deskB = new DeskReplicator(b, { intervalMs: 3_600_000, onPulled: (touched) => arrived(touched) });
try {
  // Every summit is shared, as a desk preparing them all would (`--share one`: only the edited meeting's, the
  // benchmark's largest): desk B receives the reference database (sources, countries, people, programmes, sectors
  // and their entries with their notes: most of the store) and each summit's own. Each summit's changes feed reads
  // only its own records (migration 0700), so sharing them all costs a database's round trips per summit.
  const ofMeeting = syncPrepare(
    a,
    `SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = (SELECT CAST(summit_id AS TEXT) FROM meeting WHERE id = ?)`,
  )
    .pluck()
    .all(Number(values.meeting)) as string[];
  if (ofMeeting.length !== 1) throw new Error(`meeting ${values.meeting} belongs to no summit with a replication id`);
  const summits =
    values.share === 'one'
      ? ofMeeting
      : (syncPrepare(a, `SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND deleted = 0`).pluck().all() as string[]);
  for (const desk of [a, b]) {
    writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix: `bench${process.pid}` });
    setSharedSummitDocs(desk, summits);
  }
  const failed = (status: { lastError: { detail: string } | null }, desk: string) => {
    if (status.lastError) throw new Error(`desk ${desk}'s round failed: ${status.lastError.detail}`);
  };

  progress(`desk A pushes ${records(a)} records (${summits.length} summits shared)`);
  let started = performance.now();
  let cpu = process.cpuUsage();
  // The round start() begins: a nudge now would ask for a second round over every database, which no desk runs.
  failed(await within(deskA.start(), "desk A's first push"), 'A');
  const pushWholeStoreSeconds = seconds(started);
  progress(`desk A pushed in ${pushWholeStoreSeconds} s (${cpuSeconds(cpu)} s of CPU)`);

  progress('empty desk B replicates');
  // Meanwhile an officer at desk B types into a note of their own (free-standing: it stays on the desk): a save is
  // asked for every 50 ms and runs once the merge lets the thread go. Its wait is how late it ran plus the save itself.
  const typing = typeMeanwhile(b, 'Typed during the pull');
  started = performance.now();
  cpu = process.cpuUsage();
  const ioBefore = kernelIo();
  failed(await within(deskB.start(), "desk B's first replication"), 'B');
  const pullCpu = process.cpuUsage(cpu);
  const ioAfter = kernelIo();
  const saveWaits = typing.stop();
  const firstReplicationToEmptyDeskSeconds = seconds(started);
  const recordsOnDeskB = records(b) - 1; // the note typed into is desk B's own
  const longestSaveWaitMs = round(Math.max(...saveWaits), 0);
  const saveWaitP99Ms = round(saveWaits.sort((x, y) => x - y)[Math.floor(saveWaits.length * 0.99)] ?? 0, 0);
  const deskBCpuSeconds = cpuSeconds(cpu);
  progress(`desk B pulled ${recordsOnDeskB} records in ${firstReplicationToEmptyDeskSeconds} s (${deskBCpuSeconds} s of CPU)`);
  progress(
    `a note saved on desk B every 50 ms meanwhile waited at most ${longestSaveWaitMs} ms (p99 ${saveWaitP99Ms} ms, ${saveWaits.length} saves)`,
  );

  if (values['pull-only']) {
    const searchRows = b.prepare('SELECT count(*) FROM search_text').pluck().get() as number;
    // The CPU's split and the pull's traffic through the kernel (the desk's reads and writes of the store's pages).
    const deskBUserSeconds = round(pullCpu.user / 1e6, 2);
    const deskBSystemSeconds = round(pullCpu.system / 1e6, 2);
    const gigabytes = (bytes: number) => round(bytes / 1e9, 2);
    const pullReadGB = ioBefore && ioAfter ? gigabytes(ioAfter.read - ioBefore.read) : null;
    const pullWrittenGB = ioBefore && ioAfter ? gigabytes(ioAfter.written - ioBefore.written) : null;
    process.stdout.write(
      `${JSON.stringify({ cipher: values.cipher ?? 'none', recordsOnDeskB, searchRows, firstReplicationToEmptyDeskSeconds, deskBCpuSeconds, deskBUserSeconds, deskBSystemSeconds, pullReadGB, pullWrittenGB, longestSaveWaitMs, saveWaitP99Ms, loadAverage: round(os.loadavg()[0] ?? 0, 2) })}\n`,
    );
  } else {
    // Records B just pulled are news in its own feed once, and its rounds woke A's listeners: let both settle.
    failed(await within(deskB.nudge(), "desk B's settling round"), 'B');
    failed(await within(deskA.nudge(), "desk A's settling round"), 'A');

    const noteId = a
      .prepare('SELECT id FROM note WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1')
      .pluck()
      .get(Number(values.meeting)) as number | undefined;
    if (noteId === undefined) throw new Error(`meeting ${values.meeting} has no note to edit`);
    const edited = `One edit from desk A, ${new Date().toISOString()}`;
    const pulled = new Promise<void>((resolve) => {
      arrived = () => {
        if (b.prepare('SELECT count(*) FROM note WHERE body = ?').pluck().get(edited) === 1) resolve();
      };
    });
    progress('one edit travels A → server → B');
    started = performance.now();
    a.prepare('UPDATE note SET body = ?, version = version + 1 WHERE id = ?').run(edited, noteId);
    // A save nudges the desk's replicator, as the app's does (its round syncs the databases of what changed);
    // desk B hears of it on the server's changes feed.
    await within(deskA.nudge('changes'), "desk A's round after the edit");
    await within(pulled, 'the edit reaching desk B', 60_000);
    const oneEditVisibleOnBMs = round(performance.now() - started, 0);
    progress(`the edit was in desk B's store after ${oneEditVisibleOnBMs} ms`);

    await deskA.stop();
    await deskB.stop();
    progress('a bundle of the whole store');
    const keysA = ensureDeskKeys(a, 'Desk A');
    const c = openScratchDatabase(path.join(folder, 'c.sqlite'));
    const keysC = ensureDeskKeys(c, 'Desk C');
    started = performance.now();
    const bundle = exportBundle(a, keysA, 'everything', { recipients: [keysC.card] });
    const bundleExportSeconds = seconds(started);
    started = performance.now();
    cpu = process.cpuUsage();
    importBundle(c, keysC, bundle, { acceptSigner: true });
    const bundleImportToEmptyDeskSeconds = seconds(started);
    progress(`the bundle was imported into an empty desk in ${bundleImportToEmptyDeskSeconds} s (${cpuSeconds(cpu)} s of CPU)`);
    const results: SyncResults = {
      sharedSummits: summits.length,
      recordsOnDeskA: records(a),
      recordsOnDeskB,
      databases: summits.length + 1,
      pushWholeStoreSeconds,
      firstReplicationToEmptyDeskSeconds,
      longestSaveWaitMs,
      oneEditVisibleOnBMs,
      bundleExportSeconds,
      bundleMegabytes: round(bundle.length / 1e6, 1),
      bundleRecords: records(c),
      bundleImportToEmptyDeskSeconds,
    };
    c.close();
    process.stdout.write(`${JSON.stringify(results)}\n`);
  }
} finally {
  await deskA.stop();
  await deskB.stop();
  progress(`the server used ${await server.stop()} s of CPU in its own process`);
  a.close();
  b.close();
  fs.rmSync(folder, { recursive: true, force: true });
}

/** The server in a child process: its URL once it listens, and how to stop it (answering the CPU it used). */
async function startServerProcess(): Promise<{ url: string; stop(): Promise<number> }> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'syncServer.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let waiting: (() => void) | undefined;
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    lines.push(...complete.filter((line) => line !== ''));
    waiting?.();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const nextLine = async (): Promise<string> => {
    while (lines.length === 0) {
      const arrived = new Promise<void>((resolve) => {
        waiting = resolve;
      });
      if ((await Promise.race([arrived.then(() => 'line'), exited.then(() => 'exit')])) === 'exit' && lines.length === 0)
        throw new Error('the benchmark server stopped before it answered');
    }
    return lines.shift() as string;
  };
  const { url } = JSON.parse(await nextLine()) as { url: string };
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      const { cpuSeconds } = JSON.parse(await nextLine()) as { cpuSeconds: number };
      await exited;
      return round(cpuSeconds, 2);
    },
  };
}
