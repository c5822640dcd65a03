import path from 'node:path';
import { expect, it } from 'vitest';
import { meetings } from '../../db/meetings.ts';
import { createNote } from '../../db/notes.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

// A desk officer types a note line by line: an address, then talking points without bullets. Each short line
// fits many times over on the page's line, so Markdown's rule (a single line break is a space) printed them
// run together on one; a blank line still starts a new paragraph, and a list stays a list.

const { folder, engine } = printScratch('sherpa-note-lines-');

const address = ['Ambassador Kim Hyun-jin', 'Embassy of the Republic of Korea', 'Avenue Hamoir 3, Uccle'];
const points = ['Thank the Secretary General for the ITPP', 'Raise cyber defence first'];

it('prints each line of a note typed line by line on a line of its own', async () => {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  const [meeting] = meetings.all(db, 'ORDER BY id');
  if (!meeting) throw new Error('sample meeting missing');
  createNote(
    db,
    { sectorEntryId: null, meetingId: meeting.id },
    {
      title: 'Embassy contact',
      body: `${address.join('\n')}\n\n${points.join('\n')}\n\n- Listed point one\n- Listed point two`,
      tags: [],
      classification: 'NATO UNCLASSIFIED',
    },
  );
  const definition: PackDefinition = {
    title: 'Lines pack',
    recipient: '',
    summitId: meeting.summitId,
    principalId: null,
    paper: 'a4',
    sections: [{ kind: 'meeting', meetingId: meeting.id, form: 'full' }],
  };
  const file = path.join(folder, 'lines.pdf');
  await exportPack(db, engine, { packName: 'Lines pack', definition, outPath: file });
  const lines = pageTexts(file).flatMap(nonEmptyLines);
  // Each typed line is a printed line of its own, in order; the note's portion mark may open the first.
  const at = lines.findIndex((line) => line.endsWith(address[0] ?? ''));
  expect(at).toBeGreaterThan(-1);
  expect(lines.slice(at + 1, at + 5)).toEqual([address[1], address[2], points[0], points[1]]);
  expect(lines.slice(at + 5, at + 7).map((line) => line.replace(/^\W+\s*/, ''))).toEqual(['Listed point one', 'Listed point two']);
}, 60_000);
