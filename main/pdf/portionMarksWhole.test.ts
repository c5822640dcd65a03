import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSetting } from '../../db/settings.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

// A portion mark with control markings ("(C//REL)", "(S//NF)") is read as one
// mark: cut over two lines in the timeline's narrow Mark column, "(C//REL" and
// ")" read as a mark nobody defined.

const { folder, engine } = printScratch('sherpa-portion-marks-');

const usWithControls = {
  name: 'US with controls',
  levels: [
    { name: 'UNCLASSIFIED', portion: 'U' },
    { name: 'CONFIDENTIAL//REL TO AUS, USA', portion: 'C//REL' },
    { name: 'CONFIDENTIAL', portion: 'C' },
    { name: 'SECRET', portion: 'S' },
    { name: 'SECRET//NOFORN', portion: 'S//NF' },
  ],
};

describe('a portion mark with control markings', () => {
  it('prints on one line in the Mark column of the timeline, the participants and the follow-up actions', async () => {
    const db = openScratchDatabase(':memory:');
    writeSetting(db, 'settings', { classificationScheme: usWithControls, homeTimeZone: 'Australia/Sydney' });
    db.exec(`
      INSERT INTO summit (id, title, city, start_date, end_date, time_zone, description, classification)
        VALUES (1, 'ASEAN Leaders’ Summit', 'Vientiane', '2026-10-06', '2026-10-08', 'Asia/Vientiane', '', 'CONFIDENTIAL//REL TO AUS, USA');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, start_time_known, time_zone, classification)
        VALUES (1, 1, 'Video call to the Chatham Islands', 'bilateral', '2026-10-06T19:30:00Z', 1, 'Pacific/Chatham', 'CONFIDENTIAL//REL TO AUS, USA'),
               (2, 1, 'Bilateral with Viet Nam', 'bilateral', '2026-10-04T03:00:00Z', 1, 'Asia/Ho_Chi_Minh', 'SECRET//NOFORN');
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Đặng Thị Ngọc Thịnh', '', 'Former Vice President', '', 'CONFIDENTIAL//REL TO AUS, USA');
      INSERT INTO meeting_participant (meeting_id, person_id, side, role) VALUES (2, 1, 'theirs', 'Lead');
      INSERT INTO follow_up (id, meeting_id, description, owner, classification)
        VALUES (1, 2, 'Send the maritime non-paper', 'Hanoi desk', 'CONFIDENTIAL//REL TO AUS, USA');
    `);
    const definition: PackDefinition = {
      title: 'Vientiane',
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [
        { kind: 'meeting', meetingId: 2, form: 'full' },
        { kind: 'meeting', meetingId: 1, form: 'pocket' },
        { kind: 'timeline', from: null, to: null },
      ],
    };
    const file = path.join(folder, 'portion-marks.pdf');
    await exportPack(db, engine, { packName: 'Marks', definition, outPath: file, clock: () => new Date('2026-12-01T08:00:00Z') });
    const pages = pageTexts(file);
    const lines = pages.flatMap(nonEmptyLines);
    expect(lines.filter((line) => line.includes('Our side') || line.includes('Their side'))).toEqual([expect.stringContaining('(C//REL)')]);
    expect(lines.filter((line) => line.includes('Send the maritime'))).toEqual([expect.stringContaining('(C//REL)')]);
    const timeline = pages.findLast((page) => page.includes('Timeline')) ?? '';
    const rows = nonEmptyLines(timeline).filter((line) => /October 2026/.test(line));
    expect(rows).toEqual([expect.stringContaining('(S//NF)'), expect.stringContaining('(C//REL)')]);
    db.close();
  }, 60_000);
});
