import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, createBackupSync } from './backups.ts';
import { cleanCloseFile, fullCheckEveryMs, recordCleanClose } from './cleanClose.ts';
import { createCore } from './core.ts';
import type { PdfEngine } from './pdf/engine.ts';
import { openStore, storeFileName } from './store.ts';
import { bytesLost, rowDump, scribble, tempDataDir } from './storeFaults.helpers.ts';

// The full check of every page is skipped at start only after a clean close
// with the file untouched since; whatever else happened, the store is checked,
// and a damaged one is still set aside and its newest good backup restored.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function newFolder(): string {
  const folder = tempDataDir();
  folders.push(folder);
  return folder;
}

const noPrinting: PdfEngine = {
  name: 'none',
  print: () => Promise.reject(new Error('this test prints nothing')),
  close: async () => undefined,
};

const monday = new Date('2026-11-30T09:00:00Z');
const at = (date: Date) => ({ now: () => date });

/** A store with the sample and a backup, closed the way the app closes it (core.stop()). */
async function closedCleanlyByTheApp(dataDir: string): Promise<Map<string, string>> {
  const core = createCore({ dataDir, engine: noPrinting, dailyBackups: false });
  createBackupSync(core.db, backupFolder(dataDir), { reason: 'manual', now: new Date('2026-11-29T10:00:00Z') });
  const rows = rowDump(core.db);
  await core.stop();
  return rows;
}

function expectRecovered(store: ReturnType<typeof openStore>, saved: Map<string, string>) {
  expect(store.fullCheck).toBe('checked');
  expect(store.notices.map((notice) => notice.kind)).toEqual(['recovered']);
  expect(bytesLost(saved, rowDump(store.db))).toBe(0);
  expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('the full check at start', () => {
  it('is skipped after the app closed the store cleanly, and the data is all there', async () => {
    const dataDir = newFolder();
    const saved = await closedCleanlyByTheApp(dataDir);
    expect(fs.existsSync(cleanCloseFile(path.join(dataDir, storeFileName)))).toBe(true);
    const store = openStore(dataDir);
    try {
      expect(store.fullCheck).toBe('skipped-after-clean-close');
      expect(store.notices).toEqual([]);
      expect(bytesLost(saved, rowDump(store.db))).toBe(0);
      // Taken as the store opens: if Sherpa stops now without closing, the next start checks.
      expect(fs.existsSync(cleanCloseFile(store.file))).toBe(false);
    } finally {
      store.db.close();
    }
    const afterCrash = openStore(dataDir);
    expect(afterCrash.fullCheck).toBe('checked');
    afterCrash.db.close();
  });

  for (const [fault, damage] of [
    ['an overwritten header', (file: string) => scribble(file, 0, 100)],
    ['scribbled pages in the middle', (file: string) => scribble(file, 4096 * 3, 4096 * 4)],
    ['a file cut short', (file: string) => fs.truncateSync(file, 4096 * 2 + 100)],
  ] as const) {
    it(`runs when the file was written after the clean close (${fault}): the damage is found and the backup restored`, async () => {
      const dataDir = newFolder();
      const saved = await closedCleanlyByTheApp(dataDir);
      damage(path.join(dataDir, storeFileName));
      const store = openStore(dataDir);
      try {
        expectRecovered(store, saved);
      } finally {
        store.db.close();
      }
    });
  }

  it('runs when damage came without a write (the record still matches) as soon as SQLite meets it', async () => {
    const dataDir = newFolder();
    const saved = await closedCleanlyByTheApp(dataDir);
    const file = path.join(dataDir, storeFileName);
    scribble(file, 0, 100);
    // As if the disk had changed the bytes under an unchanged file: the record is taken after the damage.
    recordCleanClose(file, monday);
    const store = openStore(dataDir, at(monday));
    try {
      expectRecovered(store, saved);
    } finally {
      store.db.close();
    }
  });

  it('runs when a write-ahead log was left beside the store (a crash while it was open)', async () => {
    const dataDir = newFolder();
    await closedCleanlyByTheApp(dataDir);
    const file = path.join(dataDir, storeFileName);
    fs.writeFileSync(`${file}-wal`, Buffer.alloc(4096, 1));
    const store = openStore(dataDir);
    expect(store.fullCheck).toBe('checked');
    store.db.close();
  });

  it('runs once a week however cleanly Sherpa closes, and counts the week from that check', async () => {
    const dataDir = newFolder();
    const file = path.join(dataDir, storeFileName);
    const first = openStore(dataDir, at(monday));
    expect(first.fullCheck).toBe('checked');
    first.db.close();
    first.closedCleanly?.();

    const nearlyAWeek = new Date(monday.getTime() + fullCheckEveryMs - 60_000);
    const second = openStore(dataDir, at(nearlyAWeek));
    expect(second.fullCheck).toBe('skipped-after-clean-close');
    second.db.close();
    second.closedCleanly?.();

    const aWeekLater = new Date(monday.getTime() + fullCheckEveryMs);
    const third = openStore(dataDir, at(aWeekLater));
    expect(third.fullCheck).toBe('checked');
    third.db.close();
    third.closedCleanly?.();
    expect(JSON.parse(fs.readFileSync(cleanCloseFile(file), 'utf8'))).toMatchObject({ checkedAt: aWeekLater.toISOString() });
  });

  it('runs when the record cannot be read', async () => {
    const dataDir = newFolder();
    await closedCleanlyByTheApp(dataDir);
    fs.writeFileSync(cleanCloseFile(path.join(dataDir, storeFileName)), 'not a record');
    const store = openStore(dataDir);
    expect(store.fullCheck).toBe('checked');
    store.db.close();
  });
});
