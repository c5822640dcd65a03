// What reading every closing costs (db/sync/leftByDeletion.ts: the end of a bundle and each exchange's settling):
//   node scripts/generate-dataset.ts --out /tmp/big.sqlite
//   node scripts/bench/keptAfterDeletion.ts --store /tmp/big.sqlite
// Times keepWhatADeletionLeft(db, 'every closing') five times, each in its own transaction as the exchange runs
// it, on a copy of the store; prints one JSON line (the first run reads the pages cold).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/open.ts';
import { keepWhatADeletionLeft } from '../../db/sync/leftByDeletion.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';

const { values } = parseArgs({ options: { store: { type: 'string' } } });
if (!values.store) {
  console.error('Usage: node scripts/bench/keptAfterDeletion.ts --store BIG.sqlite');
  process.exit(2);
}
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-kept-bench-'));
try {
  const file = path.join(folder, 'store.sqlite');
  fs.copyFileSync(values.store, file);
  const db = openDatabase(file);
  const runsMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    db.transaction(() => keepWhatADeletionLeft(db, 'every closing'))();
    runsMs.push(Number((performance.now() - started).toFixed(1)));
  }
  const records = syncPrepare(db, 'SELECT count(*) FROM sync_doc').pluck().get() as number;
  db.close();
  console.log(JSON.stringify({ records, runsMs, load: os.loadavg()[0]?.toFixed(1) }));
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
