import path from 'node:path';
import { expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { exportPack } from './exportPack.ts';
import { pageTexts } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

// A desk officer types **Do not** before a line the principal must not say. The
// pack printed the asterisks (lists were read, emphasis was not); it now prints
// the words in bold, in the full brief and the pocket card, and an asterisk that
// emphasises nothing ("5 * 3", a footnote marker) prints as typed.

const { folder, engine } = printScratch('sherpa-emphasis-');

it('prints bold and italic in brief sections without their marks, and a lone asterisk as typed', async () => {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  const [first, second] = db.prepare('SELECT id FROM meeting ORDER BY id LIMIT 2').pluck().all() as number[];
  if (first === undefined || second === undefined) throw new Error('sample meetings missing');
  db.prepare('UPDATE meeting SET points_to_make = ? WHERE id = ?').run(
    '- **Do not** confirm the *draft* communiqué\n- Growth of 5 * 3 per cent*\n1. _Only if asked_: the maritime annex',
    first,
  );
  db.prepare('UPDATE meeting SET defensive_points = ? WHERE id = ?').run(
    '***Never*** name the source*\nQuote snake_case_name as typed',
    second,
  );
  const definition: PackDefinition = {
    title: 'Emphasis pack',
    recipient: '',
    summitId: 1,
    principalId: null,
    paper: 'a4',
    sections: [
      { kind: 'meeting', meetingId: first, form: 'full' },
      { kind: 'meeting', meetingId: second, form: 'pocket' },
    ],
  };
  const file = path.join(folder, 'emphasis.pdf');
  await exportPack(db, engine, { packName: 'Emphasis pack', definition, outPath: file, clock: () => new Date('2026-12-01T08:00:00Z') });
  const text = pageTexts(file)
    .join('\n')
    .replace(/[ \t]+/g, ' ');
  expect(text).toContain('Do not confirm the draft communiqué');
  expect(text).toContain('Only if asked: the maritime annex');
  expect(text).toContain('Never name the source*');
  expect(text).toContain('Growth of 5 * 3 per cent*');
  expect(text).toContain('snake_case_name');
  for (const mark of ['**Do', 'not**', '*draft*', '_Only', 'asked_', '***Never', 'Never***']) expect(text).not.toContain(mark);
}, 60_000);
