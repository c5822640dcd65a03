// A bundle of the whole benchmark store exported, opened for review and
// imported into an empty desk, while its officer types into a note (a save
// asked for every 50 ms), each step the way it was (`before`: in one go on the
// store's thread) and the way the app does it now (`after`: opened and sealed
// on a worker, the store read and merged a few records at a time), side by
// side under the same load:
//   node scripts/bench/bundleImport.ts --db STORE.sqlite [--steps export,review,import] [--import slices|whole]   → one JSON line
// The longest wait of a save is how late it ran plus the save itself. The
// import's `before` (its opening on the store's thread) is no longer in the
// code: its figures come from this script at the commit before (README).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/open.ts';
import { saveContact } from '../../db/sync/desk.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { bundleHandlers } from '../../main/ipc/handlers/bundles.ts';
import { readSettings } from '../../main/ipc/handlers/settings.ts';
import { exportBundle, exportBundleApart, importBundle, importBundleInSlices, reviewBundle } from '../../main/sync/bundle.ts';
import { verifyBundle } from '../../main/sync/bundleCrypto.ts';
import { reviewOf } from '../../main/sync/bundleReview.ts';
import { ensureDeskKeys } from '../../main/sync/deskKeys.ts';
import { typeMeanwhile } from './savesMeanwhile.ts';
import { round } from './stats.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    steps: { type: 'string', default: 'export,review,import' },
    import: { type: 'string', default: 'slices' },
  },
});
const steps = new Set(values.steps.split(','));
if (!values.db || (values.import !== 'slices' && values.import !== 'whole')) {
  console.error(
    'Usage: node scripts/bench/bundleImport.ts --db STORE.sqlite [--steps export,review,import] [--import slices|whole] (an upgraded benchmark store)',
  );
  process.exit(2);
}

interface Waits {
  seconds: number;
  saves: number;
  longestSaveWaitMs: number;
  saveWaitP99Ms: number;
}

/** How long `work` took and how long the saves asked for meanwhile waited. */
async function whileTyping<T>(db: Db, title: string, work: () => T | Promise<T>): Promise<{ value: T; waits: Waits }> {
  const typing = typeMeanwhile(db, title);
  const started = performance.now();
  const value = await work();
  const seconds = round((performance.now() - started) / 1000, 2);
  // The save asked for while the last step ran has its wait too.
  await new Promise<void>((resolve) => setTimeout(resolve, 60));
  const sorted = typing.stop().sort((x, y) => x - y);
  return {
    value,
    waits: {
      seconds,
      saves: sorted.length,
      longestSaveWaitMs: round(sorted.at(-1) ?? 0, 0),
      saveWaitP99Ms: round(sorted[Math.floor(sorted.length * 0.99)] ?? 0, 0),
    },
  };
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-bundle-bench-'));
const log = (line: string) => process.stderr.write(`  ${line}\n`);
try {
  const fileA = path.join(folder, 'a.sqlite');
  fs.copyFileSync(values.db, fileA);
  const a = openScratchDatabase(fileA);
  const c = openScratchDatabase(path.join(folder, 'c.sqlite'));
  const keysA = ensureDeskKeys(a, 'Desk A');
  const keysC = ensureDeskKeys(c, 'Desk C');
  saveContact(c, keysA.card);
  const result: Record<string, unknown> = {};

  let bundle: Buffer | undefined;
  if (steps.has('export')) {
    const before = await whileTyping(a, 'Typed during the export (before)', () =>
      exportBundle(a, keysA, 'everything', { recipients: [keysC.card] }),
    );
    log(`export before: ${JSON.stringify(before.waits)}`);
    const after = await whileTyping(a, 'Typed during the export (after)', () =>
      exportBundleApart(a, keysA, 'everything', { recipients: [keysC.card] }),
    );
    log(`export after: ${JSON.stringify(after.waits)}`);
    bundle = after.value.file;
    result.export = { records: after.value.records, before: before.waits, after: after.waits };
  } else bundle = exportBundle(a, keysA, 'everything', { recipients: [keysC.card] });
  a.close();
  result.bundleMegabytes = round(bundle.length / 1e6, 1);
  const file = bundle;

  if (steps.has('review')) {
    const scheme = readSettings(c).classificationScheme;
    // What bundle.inspect did on the store's thread: check the signature, open, preview, name every change.
    const before = await whileTyping(c, 'Typed during the review (before)', () => {
      verifyBundle(file);
      return reviewOf(c, reviewBundle(c, keysC, file, scheme)).lines.length;
    });
    log(`review before: ${JSON.stringify(before.waits)}`);
    const inspect = bundleHandlers({ db: c, clock: () => new Date() })['bundle.inspect'];
    const request = { file: file.toString('base64') };
    const after = await whileTyping(c, 'Typed during the review (after)', async () => {
      const inspection = await inspect(request, { record: () => undefined });
      return inspection.status === 'ready' ? inspection.review.changes.length : inspection.status;
    });
    log(`review after: ${JSON.stringify(after.waits)}`);
    result.review = { changes: after.value, before: before.waits, after: after.waits };
  }

  if (steps.has('import')) {
    let slices = 0;
    const imported = await whileTyping(c, 'Typed during the import', () =>
      values.import === 'whole'
        ? importBundle(c, keysC, file)
        : importBundleInSlices(c, keysC, file, {
            onProgress: () => {
              slices += 1;
            },
          }),
    );
    log(`import after (${values.import}): ${JSON.stringify(imported.waits)}`);
    const summary = imported.value;
    result.import = {
      mode: values.import,
      records: summary.new + summary.updated + summary.conflicting + summary.unchanged,
      steps: slices,
      after: imported.waits,
    };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  c.close();
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
