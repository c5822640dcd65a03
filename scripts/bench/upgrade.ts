import { parseArgs } from 'node:util';
import { latestVersion, schemaVersion } from '../../db/migrations/index.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { round } from './stats.ts';

// The first open of a large store written by an older version: its pending
// migrations run once. In a process of its own, so the one-off work of an
// upgrade does not count in the RSS of the process that then holds the store.
//   node scripts/bench/upgrade.ts --db FILE     → one JSON line (UpgradeResults)

export interface UpgradeResults {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly ms: number;
  readonly peakRssMb: number;
}

const { values } = parseArgs({ options: { db: { type: 'string' } } });
const file = values.db ?? '';
const inspect = openScratchDatabase(file, { migrate: false });
const fromVersion = schemaVersion(inspect);
inspect.close();
const started = performance.now();
openScratchDatabase(file).close();
const results: UpgradeResults = {
  fromVersion,
  toVersion: latestVersion,
  ms: round(performance.now() - started, 1),
  peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
};
process.stdout.write(`${JSON.stringify(results)}\n`);
