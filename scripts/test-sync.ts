// `npm run test:sync -- --runs 5000`: the long run of the desk replication
// property test (main/sync/convergence.property.test.ts), which `npm test` runs with 500 histories.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '500' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a positive whole number');
  process.exit(2);
}

const started = performance.now();
const result = spawnSync('npx', ['vitest', 'run', 'main/sync/convergence.property.test.ts'], {
  cwd: path.resolve(import.meta.dirname, '..'),
  env: { ...process.env, SHERPA_SYNC_RUNS: String(runs) },
  stdio: 'inherit',
});
console.log(`${runs} random histories across 3 desks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);
