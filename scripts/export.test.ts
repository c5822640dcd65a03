import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestVersion, migrate, migrations } from '../db/migrations/index.ts';
import type { Db } from '../db/open.ts';
import { savePack } from '../db/packs.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../db/testing.ts';
import { installedFontCoverage } from '../main/pdf/fontCoverage.ts';
import { samplePackDefinition } from '../main/pdf/samplePack.ts';

const script = path.resolve(import.meta.dirname, 'export.ts');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-cli-'));
const store = path.join(folder, 'sherpa.sqlite');

function runExport(...args: string[]) {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 90_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const db = openScratchDatabase(store);
  loadSampleIfEmpty(db);
  savePack(db, 'Vilnius desk pack', { ...samplePackDefinition(db), title: 'Vilnius desk pack' });
  db.close();
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('npm run export', () => {
  // One export serves both tests: each whole export starts Node and Chromium and prints the sample, some 7 s of
  // CPU, and what the store and its folder hold before it is read here first.
  describe('a saved pack on Letter paper for a named copy', () => {
    const out = path.join(folder, 'desk.pdf');
    let run: ReturnType<typeof runExport>;
    let storeBefore: string;
    let besideBefore: string[];
    beforeAll(() => {
      storeBefore = sha256(store);
      besideBefore = fs.readdirSync(folder).sort();
      run = runExport('--db', store, '--pack', 'Vilnius desk pack', '--out', out, '--paper', 'letter', '--copy-for', 'Ambassador Kim');
    }, 90_000);

    it('is exported, with progress on stderr and the result on stdout', () => {
      expect(run.stderr).toContain('Numbering the contents');
      expect(run.code).toBe(0);
      // The store is only read: the copy is stamped unregistered, never with the number the app issues next.
      expect(run.stdout).toMatch(/desk\.pdf: \d+ pages, .* banner NATO UNCLASSIFIED, stamped “Unregistered copy”/);
      expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
      // Latin, Korean and the rest of the sample all draw: no warning.
      expect(run.stderr).not.toContain('warning');
    });

    it('is exported without changing a byte of the store it reads, or leaving anything beside it', () => {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('not entered in the store’s register');
      expect(sha256(store)).toBe(storeBefore);
      expect(fs.readdirSync(folder).sort()).toEqual([...besideBefore, 'desk.pdf'].sort());
    });
  });

  // Only where no installed font draws Ethiopic, as here (fonts-noto-cjk covers CJK only).
  it.skipIf(installedFontCoverage()?.covers(0x12d0) ?? true)(
    'warns, before printing, of a copy stamped for an Amharic name that would print as boxes, and still exports',
    () => {
      const out = path.join(folder, 'amharic.pdf');
      const run = runExport('--db', store, '--pack', 'Vilnius desk pack', '--out', out, '--copy-for', 'ዐቢይ አሕመድ');
      expect(run.code).toBe(0);
      const warning = run.stderr.split('\n').find((line) => line.includes('warning'));
      expect(warning).toBe(
        'sherpa export: warning: Copy stamped for “ዐቢይ አሕመድ” holds Ethiopic characters (ዐቢይአሕመድ) that no font on this machine can draw: they print as empty boxes. Install a font for that script, or write the text in another script.',
      );
      expect(run.stderr.indexOf('warning')).toBeLessThan(run.stderr.indexOf('Laying out the pages'));
      expect(fs.existsSync(out)).toBe(true);
    },
    90_000,
  );

  it.each([
    [['--sample', '--out', 'x.pdf', '--colour', 'red'], /Unknown option '--colour'/],
    [['--sample'], /--out FILE\.pdf is required/],
    [['--sample', '--out', 'x.pdf', '--paper', 'a3'], /--paper must be one of a4, letter, not “a3”/],
    [['--out', 'x.pdf'], /Give --sample, or both --db PATH and --pack NAME/],
    [['--sample', '--db', 'x.sqlite', '--pack', 'p', '--out', 'x.pdf'], /either --sample, or --db and --pack/],
    [['--sample', '--out', 'draft.pdf', '--out', 'x.pdf'], /--out is given twice; give it once\./],
  ])('refuses %j with usage and exit code 2', (args, message) => {
    const run = runExport(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage:');
  });

  it('stops on Ctrl+C mid-export with exit code 130, leaving no file, the last line saying it was cancelled', async () => {
    const out = path.join(folder, 'interrupted', 'pack.pdf');
    fs.mkdirSync(path.dirname(out));
    const child = spawn(process.execPath, [script, '--sample', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let pressed = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Pressed twice, as an impatient user would: the second press must not cut the cleanup short.
      if (stderr.includes('Laying out the pages') && pressed < 2) {
        pressed += 1;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(130);
    expect(stderr.trim().split('\n').at(-1)).toBe('sherpa export: No file was written: the export was cancelled.');
    // Neither the PDF nor its partial file: the rename to the final name is the only commit point.
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  }, 90_000);

  it('finishes the PDF when whoever reads its progress goes away (`| head -1`), leaving no partial file', async () => {
    const out = path.join(folder, 'piped', 'pack.pdf');
    fs.mkdirSync(path.dirname(out));
    const child = spawn(process.execPath, [script, '--db', store, '--pack', 'Vilnius desk pack', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // As `head -1` does: the first line read, then both pipes closed while the export runs.
    child.stderr.once('data', () => {
      child.stderr.destroy();
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['pack.pdf']);
  }, 90_000);

  it('names the missing store, and creates nothing', () => {
    const run = runExport('--db', path.join(folder, 'missing.sqlite'), '--pack', 'p', '--out', path.join(folder, 'never.pdf'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No Sherpa store at .*missing\.sqlite/);
    expect(fs.existsSync(path.join(folder, 'missing.sqlite'))).toBe(false);
    expect(fs.existsSync(path.join(folder, 'never.pdf'))).toBe(false);
  });

  it('refuses a --db that is a pipe or a device as such, without reading it or writing anything', () => {
    const pipe = path.join(folder, 'desk-pipe.sqlite');
    spawnSync('mkfifo', [pipe]);
    const cases: [string, RegExp][] = [
      [pipe, /desk-pipe\.sqlite is not a file \(a pipe, a device or a socket\), not a Sherpa store\. It was not read\./],
      ['/dev/zero', /\/dev\/zero is not a file \(a pipe, a device or a socket\), not a Sherpa store\. It was not read\./],
    ];
    for (const [db, message] of cases) {
      const out = path.join(folder, 'never-from-device.pdf');
      const run = runExport('--db', db, '--pack', 'Vilnius desk pack', '--out', out);
      expect(run.code, db).toBe(1);
      expect(run.stderr.trim().split('\n'), db).toEqual([expect.stringMatching(message)]);
      expect(fs.existsSync(out), db).toBe(false);
    }
    expect(fs.statSync(pipe).isFIFO()).toBe(true);
  });

  it('refuses a --copy-for or --author the app’s form would refuse, a direction override say, and writes nothing', () => {
    const out = path.join(folder, 'never-stamped.pdf');
    const reversed = runExport('--db', store, '--pack', 'Vilnius desk pack', '--out', out, '--copy-for', 'ʻEiki \u202Eevil');
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('sherpa export: --copy-for has an invisible character that reorders or hides text');
    const author = runExport('--db', store, '--pack', 'Vilnius desk pack', '--out', out, '--author', 'Desk\nTwo');
    expect(author.code).toBe(2);
    expect(author.stderr).toContain('sherpa export: --author must be one line');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('names a pack that does not exist and lists the saved ones', () => {
    const run = runExport('--db', store, '--pack', 'Madrid pack', '--out', path.join(folder, 'never.pdf'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No pack named “Madrid pack”');
    expect(run.stderr).toContain('Saved packs: “Vilnius desk pack”');
  });

  it('checks --out before anything else, with its true cause, and writes nothing', () => {
    const notAFolder = path.join(folder, 'plain-file');
    fs.writeFileSync(notAFolder, '');
    const folderAsOut = path.join(folder, 'a-folder.pdf');
    fs.mkdirSync(folderAsOut);
    const locked = path.join(folder, 'locked');
    fs.mkdirSync(locked, { mode: 0o500 });
    // Root ignores folder permissions; sysfs refuses new files even to root.
    const unwritable = process.getuid?.() === 0 ? '/sys/pack.pdf' : path.join(locked, 'pack.pdf');
    const signedOff = path.join(folder, 'signed-off.pdf');
    fs.writeFileSync(signedOff, '%PDF-1.7 the pack the principal signed off');
    fs.chmodSync(signedOff, 0o444);
    const cases: [string, RegExp][] = [
      [signedOff, /--out .*signed-off\.pdf is read-only; the export does not replace a protected file\./],
      [folderAsOut, /--out .*a-folder\.pdf is a folder; give the name of a PDF file to write\./],
      [unwritable, /--out .*pack\.pdf: the folder .* is not writable \(permission denied\)\./],
      [path.join(folder, 'nowhere', 'pack.pdf'), /--out .*: the folder .*nowhere does not exist\./],
      [path.join(notAFolder, 'pack.pdf'), /--out .*: .*plain-file is a file, not a folder\./],
      [path.join(folder, 'pack.txt'), /--out must name a file ending in \.pdf/],
    ];
    for (const [out, message] of cases) {
      const run = runExport('--db', store, '--pack', 'Vilnius desk pack', '--out', out);
      expect(run.code, out).toBe(1);
      expect(run.stderr.trim().split('\n'), out).toHaveLength(1);
      expect(run.stderr, out).toMatch(message);
      expect(run.stdout, out).toBe('');
    }
    expect(fs.readdirSync(folderAsOut)).toEqual([]);
    expect(fs.readdirSync(locked)).toEqual([]);
    expect(fs.readFileSync(signedOff, 'utf8')).toBe('%PDF-1.7 the pack the principal signed off');
  });
});

describe('npm run export never writes over the store it reads', () => {
  it('refuses --out naming the store, however it is spelled, and leaves the store as it was', () => {
    // A store saved under a .pdf name passes the extension check: only its identity tells it from an output.
    const pdfNamedStore = path.join(folder, 'desk-store.pdf');
    fs.copyFileSync(store, pdfNamedStore);
    const before = sha256(pdfNamedStore);
    const spellings = [
      pdfNamedStore,
      path.join(folder, '.', 'desk-store.pdf'),
      path.join(folder, '..', path.basename(folder), 'desk-store.pdf'),
    ];
    for (const out of spellings) {
      const run = runExport('--db', pdfNamedStore, '--pack', 'Vilnius desk pack', '--out', out);
      expect(run.code, out).toBe(1);
      expect(run.stderr, out).toMatch(/--out .*desk-store\.pdf is the store given with --db; the export never writes over what it reads\./);
      expect(sha256(pdfNamedStore), out).toBe(before);
    }
  });
});

describe('npm run export never changes what it is given', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-refusals-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  /** A Sherpa store as the app leaves it, with one saved pack; `change` may age, damage or break it. */
  function sherpaStore(name: string, change?: (db: Db) => void): string {
    const file = path.join(scratch, name);
    const db = openScratchDatabase(file);
    loadSampleIfEmpty(db);
    savePack(db, 'Desk pack', samplePackDefinition(db));
    change?.(db);
    db.close();
    return file;
  }
  function written(name: string, content: string | Buffer): string {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, content);
    return file;
  }
  function otherProgram(name: string, userVersion: number): string {
    const file = path.join(scratch, name);
    const db = new Database(file);
    db.exec("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipe (title) VALUES ('Kimchi')");
    db.pragma(`user_version = ${userVersion}`);
    db.close();
    return file;
  }
  function needingMigration(): string {
    const file = path.join(scratch, 'older.sqlite');
    const db = openScratchDatabase(file, { migrate: false });
    migrate(db, migrations.slice(0, -1));
    db.close();
    return file;
  }
  function truncated(): string {
    const whole = sherpaStore('whole.sqlite');
    const file = path.join(scratch, 'truncated.sqlite');
    const bytes = fs.readFileSync(whole);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    return file;
  }

  const table: [string, () => string, RegExp][] = [
    ['an empty file', () => written('empty.sqlite', ''), /is an empty file, not a Sherpa store/],
    ['random bytes', () => written('random.sqlite', randomBytes(64 * 1024)), /is not a Sherpa store \(it is not a database at all\)/],
    [
      'another program’s SQLite at user_version 0',
      () => otherProgram('other-0.sqlite', 0),
      /is a database of another program, not a Sherpa store/,
    ],
    [
      'another program’s SQLite at user_version 80',
      () => otherProgram('other-80.sqlite', 80),
      /is a database of another program, not a Sherpa store/,
    ],
    [
      // A desk copying sherpa.sqlite while Sherpa runs gets this: everything still sits in sherpa.sqlite-wal.
      'a store copied without its -wal file, so an empty database',
      () => {
        const file = path.join(scratch, 'copied-without-wal.sqlite');
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        db.close();
        return file;
      },
      /holds no tables at all.*copied while Sherpa was running.*-wal/,
    ],
    ['a truncated store', truncated, /is damaged .*open it in Sherpa to restore a backup/],
    ['a store needing a migration', needingMigration, /is from an older Sherpa .*open it in Sherpa once so it is upgraded/],
    [
      'a store from a newer Sherpa',
      () => sherpaStore('newer.sqlite', (db) => db.pragma(`user_version = ${latestVersion + 10}`)),
      /was written by a newer version of Sherpa .*update Sherpa/,
    ],
    [
      'a pack listing a meeting since moved to another summit',
      () =>
        sherpaStore('moved-meeting.sqlite', (db) => {
          // As a store from before meeting updates took a moved meeting out of its packs.
          db.exec(`
            INSERT INTO summit (title, start_date, end_date, time_zone) VALUES ('Madrid Summit', '2022-06-28', '2022-06-30', 'Europe/Madrid');
            UPDATE meeting SET summit_id = (SELECT max(id) FROM summit)
            WHERE id = (SELECT min(json_extract(value, '$.meetingId')) FROM briefing_pack, json_each(definition, '$.sections'));
          `);
        }),
      /The pack “Desk pack” lists the meeting “.+”, which now belongs to “Madrid Summit”, not to the pack’s summit “.+”; open the pack in Sherpa, take the meeting out or move it back, and export again\. No file was written\./,
    ],
    [
      'a pack whose definition is malformed',
      () =>
        sherpaStore('bad-pack.sqlite', (db) =>
          db.prepare("UPDATE briefing_pack SET definition = json_remove(definition, '$.summitId')").run(),
        ),
      /The pack “Desk pack” in .* has a definition Sherpa cannot export \(summitId: .*\); open it in Sherpa, fix it and save it again\./,
    ],
    [
      'a pack with no sections',
      () =>
        sherpaStore('empty-pack.sqlite', (db) =>
          db.prepare("UPDATE briefing_pack SET definition = json_set(definition, '$.sections', json('[]'))").run(),
        ),
      /The pack “Desk pack” in .* has a definition Sherpa cannot export \(sections: a pack needs at least one section\)/,
    ],
  ];

  it.each(table)('refuses %s in one sentence with a non-zero exit, its bytes unchanged', (_name, make, message) => {
    const file = make();
    const before = sha256(file);
    const beside = fs.readdirSync(scratch).sort();
    const out = path.join(scratch, 'never.pdf');
    const run = runExport('--db', file, '--pack', 'Desk pack', '--out', out);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sherpa export: /);
    expect(lines[0]).toMatch(message);
    expect(sha256(file)).toBe(before);
    // Nothing appears beside it either: no -wal or -shm, no PDF.
    expect(fs.readdirSync(scratch).sort()).toEqual(beside);
  });
});

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
