import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote, linkNote } from '../db/notes.ts';
import { savePack } from '../db/packs.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../db/testing.ts';
import { pageTexts } from '../main/pdf/pdfText.testing.ts';
import { samplePackDefinition } from '../main/pdf/samplePack.ts';
import { addTokyoBriefing, type SecondBriefing, tokyoPackDefinition } from '../main/pdf/secondBriefing.testing.ts';

// A desk closes Sherpa after typing a note and exports both summits' packs from
// the command line. The store was closed cleanly (no -wal, no -shm beside it),
// so the command reads it from a snapshot; the note's save has not been written
// to the replication tables yet, which the pack's conflict check reads. The
// export must still print, change nothing, and each pack must hold nothing of
// the other summit.

const script = path.resolve(import.meta.dirname, 'export.ts');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-two-'));
const store = path.join(folder, 'sherpa.sqlite');
let tokyo: SecondBriefing;
const vilniusOnly = ['Individually Tailored Partnership', 'Vilnius', 'Vilnius note typed last (two summits)'];

function runExport(...args: string[]) {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 90_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const filesBeside = () =>
  fs
    .readdirSync(folder)
    .filter((name) => name.startsWith('sherpa.sqlite'))
    .map((name) => {
      const file = path.join(folder, name);
      return `${name} ${fs.statSync(file).mtimeMs} ${createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
    });

beforeAll(() => {
  const db = openScratchDatabase(store);
  loadSampleIfEmpty(db);
  // The sample's pack is drawn up before Tokyo's summit exists: it picks the store's summit.
  const vilnius = samplePackDefinition(db);
  tokyo = addTokyoBriefing(db);
  const tokyoPack = tokyoPackDefinition(tokyo);
  savePack(db, 'Tokyo two-summit pack', { ...tokyoPack, sections: [...tokyoPack.sections, { kind: 'notes' }] });
  savePack(db, 'Vilnius two-summit pack', { ...vilnius, sections: [...vilnius.sections, { kind: 'notes' }] });
  // Typed last, just before Sherpa closed: saved, its replication revision not yet written.
  const note = createNote(
    db,
    { sectorEntryId: null, meetingId: null },
    { title: 'Vilnius note typed last (two summits)', body: 'Ask about the ITPP review.', tags: [], classification: 'NATO RESTRICTED' },
  );
  linkNote(db, note.id, { summitId: vilnius.summitId as number });
  db.close();
}, 60_000);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('npm run export of two summits’ packs from one cleanly closed store', () => {
  it('prints each, with a note saved last, holding nothing of the other summit and changing nothing', () => {
    const before = filesBeside();
    expect(before).toHaveLength(1);
    const vilnius = path.join(folder, 'vilnius.pdf');
    const tokyoPdf = path.join(folder, 'tokyo.pdf');
    const first = runExport('--db', store, '--pack', 'Vilnius two-summit pack', '--out', vilnius);
    expect(first.stderr.trim().split('\n').at(-1)).toMatch(/\[100%\] Done\./);
    expect(first.code).toBe(0);
    const second = runExport('--db', store, '--pack', 'Tokyo two-summit pack', '--out', tokyoPdf);
    expect(second.code).toBe(0);
    expect(filesBeside()).toEqual(before);
    const vilniusText = pageTexts(vilnius).join('\n');
    const tokyoText = pageTexts(tokyoPdf).join('\n');
    for (const text of vilniusOnly) expect(vilniusText).toContain(text);
    for (const text of ['Sato Haruki', 'Buoy telemetry', 'Park–Sato maritime bilateral']) expect(tokyoText).toContain(text);
    for (const text of tokyo.uniqueTexts) expect(vilniusText, text).not.toContain(text);
    for (const text of vilniusOnly) expect(tokyoText, text).not.toContain(text);

    // A second export to the same name (another pack, another copy) never replaces the first unasked.
    const printed = fs.readFileSync(tokyoPdf);
    const again = runExport('--db', store, '--pack', 'Vilnius two-summit pack', '--out', tokyoPdf);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toEqual([
      `sherpa export: --out ${tokyoPdf} already exists; the export does not replace a file unasked. Give the PDF another name, or add --replace.`,
    ]);
    expect(fs.readFileSync(tokyoPdf).equals(printed)).toBe(true);
  }, 180_000);
});
