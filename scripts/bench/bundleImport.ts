// A bundle of the whole benchmark store imported into an empty desk, while its
// officer types into a note (a save asked for every 50 ms):
//   node scripts/bench/bundleImport.ts --db STORE.sqlite [--mode slices|whole]   → one JSON line
// `whole` is the import in one transaction (importBundle, what tests and tools
// use); `slices` is the app's (importBundleInSlices: a transaction per slice,
// the process free between them). The longest wait of a save is how late it
// ran plus the save itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openScratchDatabase } from '../../db/testing.ts';
import { exportBundle, importBundle, importBundleInSlices } from '../../main/sync/bundle.ts';
import { ensureDeskKeys } from '../../main/sync/deskKeys.ts';
import { typeMeanwhile } from './savesMeanwhile.ts';
import { round } from './stats.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, mode: { type: 'string', default: 'slices' } } });
if (!values.db || (values.mode !== 'slices' && values.mode !== 'whole')) {
  console.error('Usage: node scripts/bench/bundleImport.ts --db STORE.sqlite [--mode slices|whole] (an upgraded benchmark store)');
  process.exit(2);
}
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-bundle-bench-'));
try {
  const fileA = path.join(folder, 'a.sqlite');
  fs.copyFileSync(values.db, fileA);
  const a = openScratchDatabase(fileA);
  const c = openScratchDatabase(path.join(folder, 'c.sqlite'));
  const keysA = ensureDeskKeys(a, 'Desk A');
  const keysC = ensureDeskKeys(c, 'Desk C');
  let started = performance.now();
  const bundle = exportBundle(a, keysA, 'everything', { recipients: [keysC.card] });
  const exportSeconds = round((performance.now() - started) / 1000, 2);
  a.close();
  process.stderr.write(`  bundle: ${round(bundle.length / 1e6, 1)} MB exported in ${exportSeconds} s; importing (${values.mode})\n`);

  const typing = typeMeanwhile(c, 'Typed during the import');
  let slices = 0;
  // The longest steps, each named by the progress it ended with: where the process was held longest.
  const steps: { ms: number; after: string }[] = [];
  let stepStarted = performance.now();
  started = performance.now();
  const cpu = process.cpuUsage();
  const summary =
    values.mode === 'whole'
      ? importBundle(c, keysC, bundle, { acceptSigner: true })
      : await importBundleInSlices(c, keysC, bundle, {
          acceptSigner: true,
          onProgress: ({ phase, done }) => {
            slices += 1;
            const now = performance.now();
            steps.push({ ms: round(now - stepStarted, 0), after: `${phase} ${done}` });
            stepStarted = now;
          },
        });
  const importSeconds = round((performance.now() - started) / 1000, 2);
  const used = process.cpuUsage(cpu);
  // The save asked for while the last step ran has its wait too.
  await new Promise<void>((resolve) => setTimeout(resolve, 60));
  const saveWaits = typing.stop();
  const sorted = [...saveWaits].sort((x, y) => x - y);
  process.stdout.write(
    `${JSON.stringify({
      mode: values.mode,
      records: summary.new + summary.updated + summary.conflicting + summary.unchanged,
      bundleMegabytes: round(bundle.length / 1e6, 1),
      exportSeconds,
      importSeconds,
      importCpuSeconds: round((used.user + used.system) / 1e6, 2),
      steps: slices,
      saves: saveWaits.length,
      longestSaveWaitMs: round(sorted.at(-1) ?? 0, 0),
      saveWaitP99Ms: round(sorted[Math.floor(sorted.length * 0.99)] ?? 0, 0),
      longestSteps: steps.sort((x, y) => y.ms - x.ms).slice(0, 4),
    })}\n`,
  );
  c.close();
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
