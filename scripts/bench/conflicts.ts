// What the conflicts screen costs on the benchmark store:
//   node scripts/generate-dataset.ts --out /tmp/big.sqlite
//   node scripts/bench/conflicts.ts --store /tmp/big.sqlite [--conflicts 200]
// Times the upgrade to 0600, conflict.list (read by the sidebar's count on every window) with no
// conflict, then with N meetings given a second, concurrent revision as a
// desk's exchange would leave them, one conflict.get, and one resolution.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/open.ts';
import { listConflictSummaries, recordConflict } from '../../db/sync/conflictDetail.ts';
import { resolveConflict } from '../../db/sync/conflicts.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';

const { values } = parseArgs({ options: { store: { type: 'string' }, conflicts: { type: 'string', default: '200' } } });
if (!values.store) {
  console.error('Usage: node scripts/bench/conflicts.ts --store BIG.sqlite [--conflicts N]');
  process.exit(2);
}
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-conflicts-bench-'));
const file = path.join(folder, 'store.sqlite');
fs.copyFileSync(values.store, file);
// A store from before 0600 is upgraded here: the backfill reads every revision once.
const opening = performance.now();
const db = openDatabase(file);
const openedMs = Number((performance.now() - opening).toFixed(1));
const median = (run: () => unknown, times = 5) => {
  const spans: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    spans.push(performance.now() - started);
  }
  return Number((spans.sort((a, b) => a - b)[Math.floor(times / 2)] ?? 0).toFixed(1));
};
const figures: Record<string, number> = { records: syncPrepare(db, 'SELECT count(*) FROM sync_doc').pluck().get() as number, openedMs };
figures.listMsNoConflict = median(() => listConflictSummaries(db));

// A sibling of each chosen meeting's winning revision: what merging another desk's concurrent edit leaves.
const wanted = Number(values.conflicts);
const meetings = syncPrepare(
  db,
  `SELECT D.doc_id, D.rev, R.parent, R.body FROM sync_doc D JOIN sync_rev R ON R.doc_id = D.doc_id AND R.rev = D.rev
            WHERE D.entity = 'meeting' AND D.deleted = 0 LIMIT ?`,
).all(wanted) as { doc_id: string; rev: string; parent: string | null; body: string }[];
db.transaction(() => {
  for (const meeting of meetings) {
    const body = JSON.parse(meeting.body) as Record<string, unknown>;
    const position = Number.parseInt(meeting.rev, 10);
    syncPrepare(db, 'INSERT INTO sync_rev (doc_id, rev, parent, deleted, body) VALUES (?, ?, ?, 0, ?)').run(
      meeting.doc_id,
      `${position}-${crypto.randomBytes(16).toString('hex')}`,
      meeting.parent,
      JSON.stringify({ ...body, title: `${String(body.title)} (other desk)` }),
    );
  }
})();
figures.conflicts = listConflictSummaries(db).length;
figures.listMsWithConflicts = median(() => listConflictSummaries(db));
const first = listConflictSummaries(db)[0];
if (first) {
  figures.getMs = median(() => recordConflict(db, first.id, []));
  const started = performance.now();
  resolveConflict(db, { id: first.id, winnerRev: first.winnerRev, action: 'keep' }, { levels: [], now: new Date().toISOString() });
  figures.resolveMs = Number((performance.now() - started).toFixed(1));
}
console.log(JSON.stringify(figures));
db.close();
fs.rmSync(folder, { recursive: true, force: true });
