import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { writeSetting } from '../../db/settings.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { Settings } from '../../shared/contract.ts';
import { readSettings } from '../ipc/handlers/settings.ts';
import type { PdfEngine } from './engine.ts';
import { exportPack } from './exportPack.ts';
import { testPrintEngine } from './printScratch.testing.ts';
import { samplePackDefinition } from './samplePack.ts';

// A Korean desk's principal read "Contents", "Key details", "Points to make" and "Page 3 of 40" round the desk's
// Korean text: the pack's own words now follow the desk's interface language. Read back from the printed PDF.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-pack-language-'));
let engine: PdfEngine;
let db: Db;

beforeAll(() => {
  engine = testPrintEngine();
  db = openScratchDatabase(path.join(folder, 'desk.sqlite'));
  loadSampleIfEmpty(db);
});
afterAll(async () => {
  await engine.close();
  db.close();
  if (!process.env.SHERPA_KEEP_TEST_FILES) fs.rmSync(folder, { recursive: true, force: true });
});

async function printedIn(language: Settings['language']): Promise<string> {
  writeSetting(db, 'settings', { ...readSettings(db), language, homeTimeZone: 'Asia/Seoul' });
  const file = path.join(folder, `pack-${language}.pdf`);
  await exportPack(db, engine, {
    packName: `Vilnius (${language})`,
    definition: samplePackDefinition(db),
    outPath: file,
    clock: () => new Date('2023-07-03T01:00:00Z'),
  });
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the pack’s own words in the desk’s language', () => {
  it('prints a Korean desk’s pack with Korean headings, labels, dates and page numbers', async () => {
    // A brief's part left blank says so in the pack's language too.
    db.prepare("UPDATE meeting SET lines_to_take = '' WHERE id = 1").run();
    const text = await printedIn('ko');
    expect(text).toContain('(NU) 대응 기조 기록 없음.');
    expect(text).toContain('장소: NATO Summit, Vilnius');
    for (const words of ['브리핑 자료', '목차', '주요 사항', '참석자', '말씀 자료', '대응 기조', '보안 등급', '(시각 미정)'])
      expect(text).toContain(words);
    // The day it was prepared, in Seoul, written as Korean documents date it, on the cover and at every page's foot.
    expect(text).toContain('작성일 2023년 7월 3일');
    expect(text).toMatch(/\b1 \/ \d+쪽/);
    for (const words of [
      'Contents',
      'Key details',
      'Points to make',
      'Page 1 of',
      'Prepared',
      '3 July 2023',
      '(time not set)',
      'None recorded',
      'Venue:',
    ])
      expect(text).not.toContain(words);
    // What the desk typed prints as typed, and the markings are the scheme's.
    expect(text).toContain('NATO UNCLASSIFIED');
  });

  it('keeps an English desk’s pack in English', async () => {
    const text = await printedIn('en');
    for (const words of ['BRIEFING PACK', 'Contents', 'Key details', 'Points to make', 'Prepared 3 July 2023'])
      expect(text).toContain(words);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).not.toContain('목차');
  });
});
