import path from 'node:path';
import { parseArgs } from 'node:util';
import { openScratchDatabase } from '../../db/testing.ts';
import { createDispatch } from '../../main/ipc/dispatch.ts';
import { createHandlers } from '../../main/ipc/handlers/index.ts';
import { compareNoteSaves } from './noteSaves.ts';

// The store benchmark's note saves alone (storeBench.ts measures views and searches first), on a copy of a
// store already upgraded: each save changes the store, so a fresh copy a run keeps runs comparable.
//   node scripts/bench/noteSavesAlone.ts --db FILE [--saves 1000]   → one JSON line (NoteSaveResults)

const { values } = parseArgs({ options: { db: { type: 'string' }, saves: { type: 'string', default: '1000' } } });
if (!values.db) throw new Error('--db is required');
const db = openScratchDatabase(values.db);
try {
  const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2026-06-01T09:00:00Z') }) });
  const results = await compareNoteSaves(db, dispatch, path.join(path.dirname(values.db), 'bare-commits.sqlite'), Number(values.saves));
  process.stdout.write(`${JSON.stringify(results)}\n`);
} finally {
  db.close();
}
