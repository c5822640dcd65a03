import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSetting } from '../../db/settings.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

// Athens preparing a summit in Tbilisi (r35-trial): the participants table's Role column was a fixed 16% of the
// page, and the role "Πρωθυπουργός" (Prime Minister), one word of twelve letters, printed with its last letter alone
// on the next line. The column is now as wide as its longest word.

const { folder, engine } = printScratch('sherpa-participant-roles-');

describe('a full brief’s participants table', () => {
  it('prints a one-word role whole on its line', async () => {
    const db = openScratchDatabase(':memory:');
    writeSetting(db, 'settings', {
      classificationScheme: {
        name: 'Ελλάδα',
        levels: [
          { name: 'ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ', portion: 'ΠΧ' },
          { name: 'ΕΜΠΙΣΤΕΥΤΙΚΟ', portion: 'Ε' },
        ],
      },
      homeTimeZone: 'Europe/Athens',
    });
    db.exec(`
      INSERT INTO summit (id, title, city, start_date, end_date, time_zone, description, classification)
        VALUES (1, 'Σύνοδος Εύξεινου Πόντου', 'Τιφλίδα', '2027-03-26', '2027-03-29', 'Asia/Tbilisi', '', 'ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, start_time_known, time_zone, classification)
        VALUES (1, 1, 'Διμερής με τη Γεωργία', 'bilateral', '2027-03-27T07:00:00Z', 1, 'Asia/Tbilisi', 'ΕΜΠΙΣΤΕΥΤΙΚΟ');
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Κυριάκος Μητσοτάκης', '', 'Πρωθυπουργός', '', 'ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ'),
               (2, 'Γιώργος Γεραπετρίτης', '', 'Υπουργός Εξωτερικών', '', 'ΠΕΡΙΟΡΙΣΜΕΝΗΣ ΧΡΗΣΗΣ');
      INSERT INTO meeting_participant (meeting_id, person_id, side, role)
        VALUES (1, 1, 'ours', 'Πρωθυπουργός'), (1, 2, 'ours', 'Υπουργός');
    `);
    const definition: PackDefinition = {
      title: 'Τιφλίδα',
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'meeting', meetingId: 1, form: 'full' }],
    };
    const file = path.join(folder, 'roles.pdf');
    await exportPack(db, engine, { packName: 'Ρόλοι', definition, outPath: file, clock: () => new Date('2027-03-20T08:00:00Z') });
    const row = pageTexts(file)
      .flatMap(nonEmptyLines)
      .find((line) => line.includes('Κυριάκος Μητσοτάκης'));
    expect(row?.replace(/\s+/g, ' ')).toMatch(/Πρωθυπουργός Πρωθυπουργός$/);
    db.close();
  }, 60_000);
});
