import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walPagesBeforeCheckpoint } from '../db/open.ts';
import type { PackExportResult } from '../shared/contract.ts';
import { backupFolder, isIntact, listBackups } from './backups.ts';
import { createCore } from './core.ts';
import { createChromiumEngine } from './pdf/chromiumEngine.ts';
import type { PdfEngine } from './pdf/engine.ts';
import { samplePackDefinition } from './pdf/samplePack.ts';
import { tempDataDir } from './storeFaults.helpers.ts';

// The composition root on real SQLite files and real Chromium: stop() lets
// the work under way finish (a backup, an export) and only then closes the store.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function dataDir(): string {
  const folder = tempDataDir();
  folders.push(folder);
  return folder;
}

/** Real Chromium, held at its first print until the test lets it go: an export caught in flight. */
function heldEngine() {
  const engine = createChromiumEngine();
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let printing: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    printing = resolve;
  });
  let closed = false;
  const held: PdfEngine = {
    name: 'held chromium',
    async print(html, options) {
      printing();
      await released;
      return engine.print(html, options);
    },
    async close() {
      closed = true;
      await engine.close();
    },
  };
  return { engine: held, started, release, isClosed: () => closed };
}

describe('createCore', () => {
  it('a daily backup running when stop() is called completes, intact, and the store closes after it', async () => {
    const folder = dataDir();
    // A fresh store has no backup yet, so the daily backup starts as soon as the store's services have started,
    // which a first call waits for.
    const core = createCore({ dataDir: folder, engine: createChromiumEngine() });
    expect((await core.dispatch('settings.get', {})).ok).toBe(true);
    expect(core.db.open).toBe(true);
    await core.stop();
    expect(core.db.open).toBe(false);
    const backups = listBackups(backupFolder(folder));
    expect(backups.map((backup) => backup.reason)).toEqual(['daily']);
    expect(backups.every((backup) => isIntact(backup.file))).toBe(true);
    expect(fs.readdirSync(backupFolder(folder)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('a backup asked for just before stop() completes and the store closes after it', async () => {
    const folder = dataDir();
    const core = createCore({ dataDir: folder, engine: createChromiumEngine() });
    const backup = core.dispatch('backup.create', {});
    const stopped = core.stop();
    const result = await backup;
    expect(result).toMatchObject({ ok: true, value: { reason: 'manual' } });
    await stopped;
    expect(core.db.open).toBe(false);
    const file = result.ok ? (result.value as { file: string }).file : '';
    expect(isIntact(file)).toBe(true);
  });

  it('an export in flight at stop() completes, then the engine and the store close; new requests are refused meanwhile', async () => {
    const folder = dataDir();
    const held = heldEngine();
    const core = createCore({ dataDir: folder, engine: held.engine });
    const saved = await core.dispatch('pack.save', { name: 'Vilnius', definition: samplePackDefinition(core.db), expected: null });
    const id = saved.ok ? (saved.value as { id: number }).id : 0;
    const exporting = core.dispatch('pack.export', { id });
    await held.started;

    let stopDone = false;
    const stopped = core.stop().then(() => {
      stopDone = true;
    });
    expect(await core.dispatch('summit.list', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('closing') },
    });
    expect(core.db.open).toBe(true);
    expect(stopDone).toBe(false);

    held.release();
    const result = await exporting;
    expect(result.ok).toBe(true);
    const written = (result.ok ? result.value : null) as PackExportResult | null;
    expect(
      fs
        .readFileSync(written?.path ?? '')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(path.dirname(written?.path ?? '')).toBe(core.store.exportsDir);
    await stopped;
    expect(held.isClosed()).toBe(true);
    expect(core.db.open).toBe(false);
  }, 90_000);

  it('a core stopped before any call closes its store cleanly without loading the handlers or starting a backup', async () => {
    const folder = dataDir();
    const core = createCore({ dataDir: folder, engine: createChromiumEngine(), servicesAfter: new Promise<void>(() => {}) });
    await core.stop();
    expect(core.db.open).toBe(false);
    expect(fs.existsSync(path.join(folder, 'sherpa.sqlite.closed-cleanly'))).toBe(true);
    expect(listBackups(backupFolder(folder))).toEqual([]);
  });

  it('a call made before stop() is answered, though the handlers were not loaded yet', async () => {
    const core = createCore({ dataDir: dataDir(), engine: createChromiumEngine(), servicesAfter: new Promise<void>(() => {}) });
    const summits = core.dispatch('summit.list', {});
    await core.stop();
    expect((await summits).ok).toBe(true);
    expect(core.db.open).toBe(false);
  });

  it('gives the store’s WAL its full length once the start’s first answers are out, not as it opens', async () => {
    const folder = dataDir();
    const core = createCore({ dataDir: folder, engine: createChromiumEngine(), dailyBackups: false, walReservedAfterMs: 50 });
    const wal = path.join(folder, 'sherpa.sqlite-wal');
    const walLength = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
    const fullLength = 32 + walPagesBeforeCheckpoint * ((core.db.pragma('page_size', { simple: true }) as number) + 24);
    expect(walLength()).toBeLessThan(fullLength);
    expect((await core.dispatch('settings.get', {})).ok).toBe(true);
    await expect.poll(walLength).toBe(fullLength);
    await core.stop();
    expect(fs.existsSync(path.join(folder, 'sherpa.sqlite.closed-cleanly'))).toBe(true);
  });

  it('takes no daily backup when told not to (a scratch or preview store)', async () => {
    const folder = dataDir();
    await createCore({ dataDir: folder, engine: createChromiumEngine(), dailyBackups: false }).stop();
    expect(listBackups(backupFolder(folder))).toEqual([]);
  });

  it('work run outside the dispatch (the command line’s export) is waited for too', async () => {
    const core = createCore({ dataDir: dataDir(), engine: createChromiumEngine() });
    let finish: () => void = () => undefined;
    const work = core.run(
      () =>
        new Promise<string>((resolve) => {
          finish = () => resolve(String(core.db.prepare('SELECT count(*) FROM summit').pluck().get()));
        }),
    );
    const stopped = core.stop();
    await expect(core.run(async () => 'late')).rejects.toThrow(/closing/);
    finish();
    // The work still read the store: it was open until the work ended.
    expect(Number(await work)).toBeGreaterThan(0);
    await stopped;
    expect(core.db.open).toBe(false);
  });

  it('read mode opens a current store without writing to it, and refuses writes with the reason', async () => {
    const folder = dataDir();
    // Opened for writing once, with a call, so that its services start and take the first daily backup.
    const writer = createCore({ dataDir: folder, engine: createChromiumEngine() });
    await writer.dispatch('settings.get', {});
    await writer.stop();
    const file = path.join(folder, 'sherpa.sqlite');
    const before = fs.readFileSync(file);
    const core = createCore({ dbPath: file, mode: 'read', engine: createChromiumEngine() });
    expect(core.store.readOnly).toBe(true);
    expect((await core.dispatch('summit.list', {})).ok).toBe(true);
    const people = await core.dispatch('person.list', {});
    const { id: _id, ...someone } = ((people.ok ? people.value : []) as Record<string, unknown>[])[0] ?? {};
    expect(await core.dispatch('person.create', { ...someone, name: 'Nobody' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    await core.stop();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // No daily backup is taken of a store opened for reading.
    expect(listBackups(backupFolder(folder)).map((backup) => backup.reason)).toEqual(['daily']);
  });
});
