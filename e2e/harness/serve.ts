// `npm run preview:web`: the built renderer in any browser, on a real store.
// Prints one JSON line ({url, token, dbFile}) so a test can start it as a process.
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

// Node keeps the bytecode it compiles for the harness's modules on disk (its own cache folder under the system's
// temp folder, checked against each source) and reuses it at the next start: a start of the harness was a fifth
// compiling the same code again. Enabled before the harness's modules are imported, so that they are covered.
const compileCache = module.enableCompileCache?.();
// A worker thread does not share it: the bundle worker, started at the desk's first bundle, compiled its 138
// modules (zod's, the merge checks) afresh each time, twice the CPU of a start that finds them cached (seconds
// under CI's load, per desk). Node enables the cache in a thread whose environment names the folder.
if (compileCache?.directory) process.env.NODE_COMPILE_CACHE = compileCache.directory;
const { startHarness } = await import('./server.ts');

/** The built renderer: out/harness/serve.mjs and this file are at the same depth below the project. */
const defaultRendererDir = path.resolve(import.meta.dirname, '../../out/renderer');

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    token: { type: 'string' },
    renderer: { type: 'string', default: defaultRendererDir },
    encrypted: { type: 'boolean', default: false },
    // For a spec: the store's check after an unexpected stop starts only once the harness is sent SIGUSR2.
    'hold-store-check': { type: 'boolean', default: false },
  },
});

if (!fs.existsSync(path.join(values.renderer, 'index.html'))) {
  console.error(`No built renderer in ${values.renderer}. Run \`npm run build\` first.`);
  process.exit(1);
}
// The same folder the desktop app would use when told: --data-dir, else SHERPA_DATA_DIR, else a fresh scratch folder.
const dataDir = values['data-dir'] ?? process.env.SHERPA_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-web-'));
const harness = await startHarness({
  dataDir,
  rendererDir: values.renderer,
  port: Number(values.port),
  encrypted: values.encrypted,
  ...(values.token ? { token: values.token } : {}),
  ...(values['hold-store-check'] ? { holdStoreCheck: new Promise<void>((resolve) => process.once('SIGUSR2', () => resolve())) } : {}),
});
// Listening before the ready line: a stop asked for as soon as it is read still closes the store cleanly.
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
console.log(JSON.stringify({ url: harness.url, token: harness.token, dbFile: harness.dbFile }));
// Always said, on stderr (stdout is the one JSON line): which store this browser session changes.
console.error(`Sherpa (web target) on ${harness.url}\nStore: ${harness.dbFile}\nCtrl+C to stop.`);
