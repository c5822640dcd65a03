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

/**
 * Opens the store in a fresh process and notes which of the dispatch's modules were loaded when createCore
 * returned and once the turn that opened it is over (when the harness prints its ready line), then asks Today at once.
 */
function modulesAroundTheOpening(dataDir: string): { atOpen: string[]; afterTheTurn: string[]; todayAnswered: boolean } {
  const core = pathToFileURL(path.join(import.meta.dirname, 'core.ts')).href;
  const script = `
    import module from 'node:module';
    const resolved = [];
    module.registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); resolved.push(found.url); return found; } });
    const { createCore } = await import(${JSON.stringify(core)});
    const engine = { name: 'no printing', print: async () => { throw new Error('no printing here'); }, close: async () => undefined };
    const started = createCore({ dataDir: ${JSON.stringify(dataDir)}, engine, dailyBackups: false });
    const today = started.dispatch('dashboard.get', {});
    const atOpen = [...resolved];
    await new Promise((resolve) => process.nextTick(resolve));
    await Promise.resolve();
    const afterTheTurn = [...resolved];
    const answer = await today;
    await started.stop();
    console.log(JSON.stringify({ atOpen, afterTheTurn, todayAnswered: answer.ok && Array.isArray(answer.value.upcomingSummits) }));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '--no-warnings', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { atOpen: string[]; afterTheTurn: string[]; todayAnswered: boolean };
}

/**
 * Opens the store through the lock, as the harness and the app do before their ready line and window, in a fresh
 * process; returns the modules resolved by then, and whether the lock's first call (is it locked?) was answered after.
 */
function modulesBeforeTheFirstCall(dataDir: string): { opened: string[]; statusAnswered: boolean; afterTheCall: string[] } {
  const lockedCore = pathToFileURL(path.join(import.meta.dirname, 'session/lockedCore.ts')).href;
  const script = `
    import module from 'node:module';
    const resolved = [];
    module.registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); resolved.push(found.url); return found; } });
    const { createLockedCore } = await import(${JSON.stringify(lockedCore)});
    const engine = { name: 'no printing', print: async () => { throw new Error('no printing here'); }, close: async () => undefined };
    const lockable = createLockedCore({ dataDir: ${JSON.stringify(dataDir)}, allowUnencrypted: true, core: () => ({ dataDir: ${JSON.stringify(dataDir)}, engine, dailyBackups: false }) });
    await lockable.unlockSilently();
    const opened = [...resolved];
    const status = await lockable.dispatch('session.status', {});
    const afterTheCall = [...resolved];
    await lockable.close();
    console.log(JSON.stringify({ opened, statusAnswered: status.ok && status.value.locked === false, afterTheCall }));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '--no-warnings', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { opened: string[]; statusAnswered: boolean; afterTheCall: string[] };
}

describe('what a start loads', () => {
  it("opens and checks the store before loading the channels' handlers and request schemas, and answers a call made at once", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-start-'));
    folders.push(dataDir);
    const { atOpen, afterTheTurn, todayAnswered } = modulesAroundTheOpening(dataDir);
    const dispatchCode = (urls: string[]) =>
      urls.filter((url) => /\/main\/(ipc\/schemas|ipc\/handlers\/index|coreServices)\.ts$/.test(url));
    // The probe sees the store being opened, so an empty list below is not a blind probe.
    expect(atOpen.some((url) => url.endsWith('/main/storeHealth.ts'))).toBe(true);
    expect(dispatchCode(atOpen)).toEqual([]);
    // The harness prints its ready line in this same turn: the page starts loading before this code does.
    expect(dispatchCode(afterTheTurn)).toEqual([]);
    expect(todayAnswered).toBe(true);
  }, 60_000);

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

  it('opens the store through the lock without loading the schema library, which the first call then loads', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-start-'));
    folders.push(dataDir);
    const { opened, statusAnswered, afterTheCall } = modulesBeforeTheFirstCall(dataDir);
    const schemaLibrary = (urls: string[]) => urls.filter((url) => /\/node_modules\/zod\//.test(url));
    expect(opened.some((url) => url.endsWith('/main/storeHealth.ts'))).toBe(true);
    expect(schemaLibrary(opened)).toEqual([]);
    // The call is checked against its schema before it is answered: the probe sees the library arrive.
    expect(statusAnswered).toBe(true);
    expect(schemaLibrary(afterTheCall)).not.toEqual([]);
  }, 60_000);
});
