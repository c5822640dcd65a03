import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// What a start loads is time before Today paints. Replication's PouchDB and
// HTTP stack is most of the main process's code (and builds a public-suffix
// table as it loads): a desk that has no server must start without it.
// Proved in a fresh Node process, where every module resolved is seen.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** Opens the store in a fresh process, answers Today, closes it; returns every module URL that process resolved. */
function modulesLoadedByStart(dataDir: string): string[] {
  const core = pathToFileURL(path.join(import.meta.dirname, 'core.ts')).href;
  const script = `
    import module from 'node:module';
    const resolved = [];
    module.registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); resolved.push(found.url); return found; } });
    const { createCore } = await import(${JSON.stringify(core)});
    const engine = { name: 'no printing', print: async () => { throw new Error('no printing here'); }, close: async () => undefined };
    const started = createCore({ dataDir: ${JSON.stringify(dataDir)}, engine, dailyBackups: false });
    const today = await started.dispatch('dashboard.get', {});
    await started.stop();
    if (!today.ok) throw new Error(today.error.message);
    console.log(JSON.stringify(resolved));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '--no-warnings', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as string[];
}

describe('what a start loads', () => {
  it("opens the store and answers Today without loading replication's PouchDB stack", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-start-'));
    folders.push(dataDir);
    const loaded = modulesLoadedByStart(dataDir);
    // The probe sees the app's own modules, so an empty answer below is not a blind probe.
    expect(loaded.some((url) => url.endsWith('/main/sync/replicator.ts'))).toBe(true);
    expect(loaded.filter((url) => /\/(pouchdb-core|pouchdb-adapter-http|pouchdb-replication|tough-cookie|node-fetch)\//.test(url))).toEqual(
      [],
    );
  }, 60_000);
});
