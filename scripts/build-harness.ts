// The web harness as one JavaScript file, out/harness/serve.mjs: `node` then
// starts it without stripping the types of some eighty modules and resolving
// a hundred of zod's, which was most of a second of every start. The source
// (e2e/harness/serve.ts) still runs as it is, for the e2e specs.
//   node scripts/build-harness.ts
import path from 'node:path';
import { build } from 'rolldown';

const root = path.resolve(import.meta.dirname, '..');
/** Same depth below the project as e2e/harness/serve.ts, so its default renderer folder (../../out/renderer) holds. */
export const builtHarness = path.join(root, 'out/harness/serve.mjs');

export async function buildHarness(): Promise<string> {
  await build({
    input: path.join(root, 'e2e/harness/serve.ts'),
    platform: 'node',
    // The native store module stays a package; playwright-core is loaded on the first print only.
    external: [/^node:/, 'better-sqlite3', 'playwright-core'],
    logLevel: 'warn',
    // What the code imports on demand (the pack's renderer, the PDF reader) stays in chunks loaded on demand.
    output: { dir: path.dirname(builtHarness), entryFileNames: 'serve.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', format: 'esm' },
  });
  return builtHarness;
}

if (import.meta.main) console.log(`wrote ${path.relative(process.cwd(), await buildHarness())}`);
