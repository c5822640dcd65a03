// Desk replication figures on the benchmark store:
//   node scripts/generate-dataset.ts --out /tmp/old.sqlite --schema 150
//   node scripts/bench/sync.ts --store /tmp/old.sqlite
// Times the upgrade that gives every record its id and history, the cost the
// history triggers add to a note save, the first replication of the whole
// store to an empty desk through a CouchDB-protocol server (loopback), one
// edit travelling desk A → server → desk B, and a bundle of the whole store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/open.ts';
import { exportBundle, importBundle } from '../../main/sync/bundle.ts';
import { ensureDeskKeys } from '../../main/sync/deskKeys.ts';
import { syncOnce } from '../../main/sync/replication.ts';
import { startTestServer } from '../../main/sync/testServer.ts';

const { values } = parseArgs({ options: { store: { type: 'string' } } });
if (!values.store) {
  console.error('Usage: node scripts/bench/sync.ts --store OLD.sqlite (a store at schema 150 or later)');
  process.exit(2);
}
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-sync-bench-'));
const copy = (name: string) => {
  const file = path.join(folder, name);
  fs.copyFileSync(values.store as string, file);
  return file;
};
const seconds = (started: number) => Number(((performance.now() - started) / 1000).toFixed(2));
const figures: Record<string, number | string> = {};

function noteSaves(file: string, migrate: boolean): number {
  const db = openDatabase(file, { migrate });
  const ids = db.prepare('SELECT id FROM note ORDER BY id LIMIT 1000').pluck().all() as number[];
  const save = db.prepare('UPDATE note SET body = ?, version = version + 1 WHERE id = ?');
  const started = performance.now();
  for (const [index, id] of ids.entries()) save.run(`Edited ${index}`, id);
  const perSave = (performance.now() - started) / ids.length;
  db.close();
  return Number(perSave.toFixed(3));
}

figures.noteSaveMsWithoutHistory = noteSaves(copy('plain.sqlite'), false);
const fileA = copy('a.sqlite');
let started = performance.now();
const a = openDatabase(fileA);
figures.upgradeSeconds = seconds(started);
figures.records = a.prepare('SELECT count(*) FROM sync_doc').pluck().get() as number;
a.close();
figures.noteSaveMsWithHistory = noteSaves(fileA, true);

const deskA = openDatabase(fileA);
const deskB = openDatabase(path.join(folder, 'b.sqlite'));
const keysA = ensureDeskKeys(deskA, 'Desk A');
const keysB = ensureDeskKeys(deskB, 'Desk B');
const server = await startTestServer();
try {
  const account = { url: server.database('benchmark') };
  started = performance.now();
  await syncOnce(deskA, account);
  figures.pushWholeStoreSeconds = seconds(started);
  started = performance.now();
  await syncOnce(deskB, account);
  figures.firstReplicationToEmptyDeskSeconds = seconds(started);
  figures.recordsOnDeskB = deskB.prepare('SELECT count(*) FROM sync_doc').pluck().get() as number;

  // Records B just pulled are news in B's own feed once: its next push walks them (as PouchDB's does).
  started = performance.now();
  await syncOnce(deskB, account);
  await syncOnce(deskA, account);
  figures.settlingRoundAfterFirstReplicationSeconds = seconds(started);

  deskA.prepare(`UPDATE note SET body = 'One edit from desk A' WHERE id = (SELECT min(id) FROM note)`).run();
  started = performance.now();
  await syncOnce(deskA, account);
  await syncOnce(deskB, account);
  figures.oneEditVisibleOnBSeconds = seconds(started);
  figures.editArrived = String(deskB.prepare(`SELECT count(*) FROM note WHERE body = 'One edit from desk A'`).pluck().get() === 1);
} finally {
  await server.stop();
}

started = performance.now();
const bundle = exportBundle(deskA, keysA, 'everything', { recipients: [keysB.card] });
figures.bundleExportSeconds = seconds(started);
figures.bundleMegabytes = Number((bundle.length / 1e6).toFixed(1));
const deskC = openDatabase(path.join(folder, 'c.sqlite'));
const keysC = ensureDeskKeys(deskC, 'Desk C');
const toC = exportBundle(deskA, keysA, 'everything', { recipients: [keysC.card] });
started = performance.now();
importBundle(deskC, keysC, toC, { acceptSigner: true });
figures.bundleImportToEmptyDeskSeconds = seconds(started);
console.log(JSON.stringify(figures, null, 2));
fs.rmSync(folder, { recursive: true, force: true });
