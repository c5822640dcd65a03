import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

// A Korean desk's cover, "APEC 정상회의 경주 2025: 양자회담 자료", printed "자" at the end of a line and "료" on the
// next: Chromium broke the word between two syllables. Korean wraps between words.

const { folder, engine } = printScratch('sherpa-korean-wrap-');

const title = 'APEC 정상회의 경주 2025: 양자회담 자료';
const meetingTitle = '대한민국-중화인민공화국 양자회담 및 업무오찬, 공급망 안정과 핵심광물 수출통제 협의';

describe('a Korean title on the printed page', () => {
  it('wraps between its words, never inside one', async () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    db.prepare('UPDATE meeting SET title = ? WHERE id = 1').run(meetingTitle);
    const definition: PackDefinition = {
      title,
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'meeting', meetingId: 1, form: 'full' }],
    };
    const file = path.join(folder, 'korean-wrap.pdf');
    await exportPack(db, engine, { packName: 'Korean', definition, outPath: file, clock: () => new Date('2026-12-01T08:00:00Z') });
    const [cover = '', , brief = ''] = pageTexts(file);
    // Every page's running header prints the cover's title too, on one line.
    const words = [...title.split(' '), ...meetingTitle.split(' ')];
    for (const [page, wrapped] of [
      [cover, title],
      [brief, meetingTitle],
    ] as const) {
      const lines = nonEmptyLines(page).filter((line) =>
        words.some((word) => /\p{Script=Hangul}/u.test(word) && line.includes(word.slice(0, 2))),
      );
      const cut = lines
        .flatMap((line) => line.split(/\s+/))
        .filter((word) => /\p{Script=Hangul}/u.test(word) && !/^\(.*\)$/.test(word) && !words.includes(word));
      expect(cut, 'a word cut in two').toEqual([]);
      // The title wraps: its first word and its last are on different lines.
      const lineOf = (word: string) => lines.findLastIndex((line) => line.split(/\s+/).includes(word));
      expect(lineOf(wrapped.split(' ')[0] ?? ''), `“${wrapped}” wraps`).toBeLessThan(lineOf(wrapped.split(' ').at(-1) ?? ''));
    }
  });
});
