import fs from 'node:fs';

/**
 * A worker thread's code, `name` (bundleWorker, storeCheckWorker): beside this
 * module in the source (tests, tools, the harness run as it is); the builds
 * emit it as an entry of its own beside their entry file, one folder above
 * their chunks (electron.vite.config.ts, scripts/build-harness.ts), wherever
 * this module itself lands.
 */
export function workerFile(name: string, from: string): URL {
  const candidates = [`./${name}.ts`, `./${name}.js`, `../${name}.js`, `./${name}.mjs`, `../${name}.mjs`];
  for (const candidate of candidates) {
    const url = new URL(candidate, from);
    if (fs.existsSync(url)) return url;
  }
  throw new Error(`The worker ${name}'s code is missing beside ${from}.`);
}
