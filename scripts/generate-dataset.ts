import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, migrations } from '../db/migrations/index.ts';
import { fullDataset, generateDataset, quickDataset } from '../db/sample/generate.ts';
import { openScratchDatabase } from '../db/testing.ts';

// Writes a migrated store filled with the synthetic benchmark dataset:
//   node scripts/generate-dataset.ts --out big.sqlite [--quick] [--seed 1] [--schema 20]
//     [--summits N --meetings N --entries N --annotations N] [--sample-meeting-every N]
// The four sizes replace those of the full (or quick) dataset; the growth benchmark scales them.
// --schema stops the migrations at that version, so the benchmark can time
// the upgrade of a large store to the current one.

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    schema: { type: 'string' },
    summits: { type: 'string' },
    meetings: { type: 'string' },
    entries: { type: 'string' },
    annotations: { type: 'string' },
    'sample-meeting-every': { type: 'string' },
  },
});
if (!values.out) {
  console.error('Usage: node scripts/generate-dataset.ts --out FILE.sqlite [--quick] [--seed N] [--schema VERSION]');
  process.exit(2);
}
const out = path.resolve(values.out);
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(out + suffix, { force: true });
fs.mkdirSync(path.dirname(out), { recursive: true });

const started = performance.now();
const db = openScratchDatabase(out, { migrate: values.schema === undefined });
if (values.schema !== undefined)
  migrate(
    db,
    migrations.filter((migration) => migration.version <= Number(values.schema)),
  );
// A bulk load into a fresh file nobody else has open, deleted on failure: a rollback journal (the
// pages it would save do not exist yet) in place of the WAL, which would take every page a second
// time; no sync; and a cache large enough that the indexes' pages are not spilled and rewritten as
// it fills. The rows are the same; only how they reach the disk changes. It ends in WAL mode, as
// Sherpa opens it. (This build refuses journal_mode = OFF.)
db.pragma('journal_mode = DELETE');
db.pragma('synchronous = OFF');
db.pragma('cache_size = -524288');
const base = values.quick ? quickDataset : fullDataset;
const size = (given: string | undefined, fallback: number) => (given === undefined ? fallback : Number(given));
const generated = generateDataset(db, {
  seed: Number(values.seed),
  summits: size(values.summits, base.summits),
  meetings: size(values.meetings, base.meetings),
  sectorEntries: size(values.entries, base.sectorEntries),
  annotations: size(values.annotations, base.annotations),
  ...(values['sample-meeting-every'] === undefined ? {} : { sampleMeetingEvery: Number(values['sample-meeting-every']) }),
});
db.pragma('journal_mode = WAL');
db.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.error(`Wrote ${out} (${(fs.statSync(out).size / 1e6).toFixed(1)} MB) in ${seconds} s`);
// The last line is the JSON the benchmark reads: ids of the largest summit, busiest sector, sample meeting.
console.log(JSON.stringify(generated));
