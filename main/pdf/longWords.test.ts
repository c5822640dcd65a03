import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { exportPack } from './exportPack.ts';
import { pageTexts } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

// A name or title written as one long word (a compound, a transliteration
// without spaces, a pasted identifier) prints whole, wrapped, in every
// heading: a heading cut at the page edge drops letters of a name unseen.

const { folder, engine } = printScratch('sherpa-long-words-');

const longName = `Dom Pedro ${'Alcântara'.repeat(16)}`;
const longMeeting = `Bilateral-${'Copacabana'.repeat(15)}`;
const longSummit = `Cúpula-${'RiodeJaneiro'.repeat(12)}`;

describe('a name or title that is one long word', () => {
  it('prints every letter of it in the cover, contents, brief and biography headings', async () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    db.prepare('UPDATE summit SET title = ? WHERE id = 1').run(longSummit);
    db.prepare('UPDATE meeting SET title = ? WHERE id = 1').run(longMeeting);
    const counterpart = db.prepare('SELECT counterpart_id FROM meeting WHERE id = 1').pluck().get() as number;
    db.prepare('UPDATE person SET name = ? WHERE id = ?').run(longName, counterpart);
    const definition: PackDefinition = {
      title: longMeeting,
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [
        { kind: 'meeting', meetingId: 1, form: 'full' },
        { kind: 'biographies', personIds: [] },
      ],
    };
    const file = path.join(folder, 'long-words.pdf');
    await exportPack(db, engine, { packName: 'Long words', definition, outPath: file, clock: () => new Date('2026-12-01T08:00:00Z') });
    // Wrapped lines come back as separate lines: the words are read with the white space taken out.
    const pages = pageTexts(file).map((page) => page.replace(/\s+/g, ''));
    const squeezed = (text: string) => text.replace(/\s+/g, '');
    const [cover, contents, brief] = pages;
    expect(cover, 'cover title').toContain(squeezed(longMeeting));
    expect(cover, 'cover summit').toContain(squeezed(longSummit));
    // The entry's page number is read between its wrapped lines; the title holds no digits.
    expect(contents?.replace(/\d+/g, ''), 'contents').toContain(squeezed(longMeeting));
    expect(brief, 'brief heading').toContain(squeezed(longMeeting));
    // The last page naming the annex is the annex itself; the contents page names it too.
    const biographies = pages.findLast((page) => page.includes('Biographies')) ?? '';
    expect(biographies, 'biography heading').toContain(squeezed(longName));
  });
});
