import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { meetings } from '../../db/meetings.ts';
import { createNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { Meeting, PackDefinition } from '../../shared/domain.ts';
import { exportPack } from './exportPack.ts';
import { printScratch } from './printScratch.testing.ts';

// Staff write a note or an annotation in Arabic in an English pack. Laid out left to right, the
// Arabic sentence sat at the left of its box with its full stop at its start; like a talking point,
// each paragraph now takes the direction of its first strong letter, so it reads right to left,
// starting at the right of its box, and the English paragraph under it stays left to right.

const { folder, engine } = printScratch('sherpa-note-direction-');

const arabic = 'نرحب بالتعاون في مجال الأمن البحري.';
const english = 'Cyber defence: propose a joint CERT exchange.';

interface Word {
  text: string;
  xMin: number;
  xMax: number;
}

/** Every word of the PDF with where it is drawn, as poppler lays it out. */
function wordsOf(file: string): { pageWidth: number; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pageWidth = Number(/<page width="([\d.]+)"/.exec(html)?.[1]);
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((match) => ({
    text: match[3] ?? '',
    xMin: Number(match[1]),
    xMax: Number(match[2]),
  }));
  return { pageWidth, words };
}

/** A pack of the sample's first meeting, full brief, with what `write` adds to it, printed and read back. */
async function printedMeetingPack(name: string, write: (db: Db, meeting: Meeting) => void) {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  const [meeting] = meetings.all(db, 'ORDER BY id');
  if (!meeting) throw new Error('sample meeting missing');
  write(db, meeting);
  const definition: PackDefinition = {
    title: name,
    recipient: '',
    summitId: meeting.summitId,
    principalId: null,
    paper: 'a4',
    sections: [{ kind: 'meeting', meetingId: meeting.id, form: 'full' }],
  };
  const file = path.join(folder, `${name}.pdf`);
  await exportPack(db, engine, { packName: name, definition, outPath: file });
  return wordsOf(file);
}

const unclassifiedNote = (db: Db, meeting: Meeting, title: string, body: string) =>
  createNote(db, { sectorEntryId: null, meetingId: meeting.id }, { title, body, tags: [], classification: 'NATO UNCLASSIFIED' });

it('prints a note and an annotation written in Arabic right to left, an English paragraph left to right', async () => {
  const { pageWidth, words } = await printedMeetingPack('Direction pack', (db, meeting) => {
    unclassifiedNote(db, meeting, '', arabic);
    unclassifiedNote(db, meeting, 'Corridor note', `${english}\n\n${arabic}`);
  });
  // poppler writes an Arabic word as drawn, its letters in visual order.
  const firstArabic = words.filter((word) => word.text.includes('نرحب') || word.text.includes([...'نرحب'].reverse().join('')));
  expect(firstArabic).toHaveLength(2);
  // Its first word starts the line at the right of the box: beyond the middle of the page.
  for (const word of firstArabic) expect(word.xMax).toBeGreaterThan(pageWidth / 2);
  expect(words.some((word) => word.text === 'Cyber' && word.xMin < pageWidth / 4)).toBe(true);
}, 60_000);

it('prints the year after an Arabic place in an English note and talking point after the place, not before it', async () => {
  // Without isolation the bidi algorithm read "2025" as an Arabic number and printed "Talks in 2025 ,المنامة".
  const { words } = await printedMeetingPack('Isolation pack', (db, meeting) => {
    unclassifiedNote(db, meeting, 'Venue note', 'Talks held in **المنامة**, 2025 as planned.');
    meetings.update(db, meeting.id, { pointsToMake: '- Recall the dialogue in البحرين 2024 and after.' });
  });
  const drawn = (arabic: string) => (word: Word) => word.text.includes(arabic) || word.text.includes([...arabic].reverse().join(''));
  for (const [arabic, year] of [
    ['المنامة', '2025'],
    ['البحرين', '2024'],
  ] as const) {
    const place = words.find(drawn(arabic));
    const number = words.find((word) => word.text.startsWith(year));
    if (!place || !number) throw new Error(`${arabic} or ${year} not printed`);
    expect(number.xMin, `${year} after ${arabic}`).toBeGreaterThan(place.xMax);
  }
}, 60_000);
