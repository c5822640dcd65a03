// The web harness as one JavaScript file, out/harness/serve.mjs: `node` then
// starts it without stripping the types of some eighty modules and resolving
// a hundred of zod's, which was most of a second of every start. The e2e specs
// start this bundle too (e2e/fixtures.ts); their global setup rebuilds it when
// a source is newer. The source (e2e/harness/serve.ts) still runs as it is.
//   node scripts/build-harness.ts
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'rolldown';
import { compressAssets } from '../e2e/harness/compressAssets.ts';

const root = path.resolve(import.meta.dirname, '..');
/** Same depth below the project as e2e/harness/serve.ts, so its default renderer folder (../../out/renderer) holds. */
export const builtHarness = path.join(root, 'out/harness/serve.mjs');
const builtRenderer = path.join(root, 'out/renderer');

export async function buildHarness(): Promise<string> {
  // Chunks are named by their content: those of an earlier build would otherwise pile up beside the new ones.
  fs.rmSync(path.dirname(builtHarness), { recursive: true, force: true });
  await build({
    // The workers bundles are opened and sealed on, and a store checked on, are entries of their own, beside serve.mjs
    // (main/workerFile.ts).
    input: {
      serve: path.join(root, 'e2e/harness/serve.ts'),
      bundleWorker: path.join(root, 'main/sync/bundleWorker.ts'),
      storeCheckWorker: path.join(root, 'main/storeCheckWorker.ts'),
    },
    platform: 'node',
    // The native store module stays a package; playwright-core is loaded on the first print only.
    external: [/^node:/, 'better-sqlite3', 'playwright-core'],
    logLevel: 'warn',
    // React (bundled in, for the pack's renderer) picks its build by NODE_ENV when first loaded: the harness is
    // started without one, so it printed packs with the development build, which checks every element and renders
    // several times slower than the production build the app's own bundles carry (electron.vite.config.ts).
    transform: { define: { 'process.env.NODE_ENV': JSON.stringify('production') } },
    // What the code imports on demand (the pack's renderer, the PDF reader) stays in chunks loaded on demand.
    // In ASCII, as the renderer (electron.vite.config.ts), and without the doc comments, which may hold any letter:
    // Node decodes and V8 reads each chunk as one-byte text.
    output: {
      comments: { legal: true, annotation: true, jsdoc: false },
      dir: path.dirname(builtHarness),
      entryFileNames: '[name].mjs',
      chunkFileNames: 'chunks/[name]-[hash].mjs',
      format: 'esm',
      charset: 'ascii',
    },
  });
  // The renderer is built just before (npm run build): the harness sends its compressed copies, made here once.
  if (fs.existsSync(builtRenderer)) compressAssets(builtRenderer);
  return builtHarness;
}

if (import.meta.main) console.log(`wrote ${path.relative(process.cwd(), await buildHarness())}`);
