import fs from 'node:fs';
import path from 'node:path';
import { buildHarness } from '../scripts/build-harness.ts';
import { builtHarness, electronBinary } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
/** What the bundled harness is made of: the project's code outside the renderer and the tools. */
const harnessSources = ['db', 'main', 'shared', 'e2e/harness'];

function newestSource(): number {
  let newest = 0;
  for (const folder of harnessSources)
    for (const entry of fs.readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true }))
      if (entry.isFile() && /\.(ts|tsx|json|css|html)$/.test(entry.name))
        newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

/**
 * Says once, up front, whether the `electron` target will run, and why not; and makes sure the specs start a
 * harness built from the source as it is (`npm test` has just built it, so this only rebuilds after an edit).
 */
export default async function globalSetup(): Promise<void> {
  const binary = electronBinary();
  console.log('path' in binary ? `electron target: running with ${binary.path}` : `electron target: skipped. ${binary.missing}`);
  const built = fs.existsSync(builtHarness) ? fs.statSync(builtHarness).mtimeMs : 0;
  if (built < newestSource()) {
    console.log('web harness: older than its source; rebuilding out/harness');
    await buildHarness();
  }
}
