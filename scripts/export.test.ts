import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScratchDatabase } from '../db/testing.ts';
import { savePack } from '../db/packs.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
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
  it('exports a saved pack on Letter paper for a named copy, with progress on stderr and the result on stdout', () => {
    const out = path.join(folder, 'desk.pdf');
    const run = runExport('--db', store, '--pack', 'Vilnius desk pack', '--out', out, '--paper', 'letter', '--copy-for', 'Ambassador Kim');
    expect(run.stderr).toContain('Numbering the contents');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/desk\.pdf: \d+ pages, .* banner NATO UNCLASSIFIED, copy 1/);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 90_000);

  it.each([
    [['--sample', '--out', 'x.pdf', '--colour', 'red'], /Unknown option '--colour'/],
    [['--sample'], /--out FILE\.pdf is required/],
    [['--sample', '--out', 'x.pdf', '--paper', 'a3'], /--paper must be one of a4, letter, not “a3”/],
    [['--out', 'x.pdf'], /Give --sample, or both --db PATH and --pack NAME/],
    [['--sample', '--db', 'x.sqlite', '--pack', 'p', '--out', 'x.pdf'], /either --sample, or --db and --pack/],
  ])('refuses %j with usage and exit code 2', (args, message) => {
    const run = runExport(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage:');
  });

  it('stops on Ctrl+C mid-export with exit code 130, leaving no file', async () => {
    const out = path.join(folder, 'interrupted', 'pack.pdf');
    fs.mkdirSync(path.dirname(out));
    const child = spawn(process.execPath, [script, '--sample', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('Laying out the pack')) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('The export was cancelled. No file was written.');
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  }, 90_000);

  it('names the missing store, and writes nothing', () => {
    const run = runExport('--db', path.join(folder, 'missing.sqlite'), '--pack', 'p', '--out', path.join(folder, 'never.pdf'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No Sherpa store at .*missing\.sqlite/);
    expect(fs.existsSync(path.join(folder, 'missing.sqlite'))).toBe(false);
    expect(fs.existsSync(path.join(folder, 'never.pdf'))).toBe(false);
  });

  it('names a pack that does not exist and lists the saved ones', () => {
    const run = runExport('--db', store, '--pack', 'Madrid pack', '--out', path.join(folder, 'never.pdf'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No pack named “Madrid pack”');
    expect(run.stderr).toContain('Saved packs: “Vilnius desk pack”');
  });

  it('says why it cannot write the output file', () => {
    const notAFolder = path.join(folder, 'plain-file');
    fs.writeFileSync(notAFolder, '');
    const intoFile = runExport('--sample', '--out', path.join(notAFolder, 'pack.pdf'));
    expect(intoFile.code).toBe(1);
    expect(intoFile.stderr).toMatch(/Cannot write .*plain-file\/pack\.pdf: .*plain-file is not a folder/);
    const noFolder = runExport('--sample', '--out', path.join(folder, 'nowhere', 'pack.pdf'));
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(/the folder .*nowhere does not exist/);
    const notPdf = runExport('--sample', '--out', path.join(folder, 'pack.txt'));
    expect(notPdf.code).toBe(1);
    expect(notPdf.stderr).toMatch(/must end in \.pdf/);
  });
});
