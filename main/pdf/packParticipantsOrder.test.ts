import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSetting } from '../../db/settings.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

// The brief on screen lists our side, then theirs; the printed participants table read theirs first, so the
// principal's paper and the desk's screen disagreed on who stands where. Names within a side stay in the order
// a reader looks them up.

const { folder, engine } = printScratch('sherpa-participants-order-');

describe('a full brief’s participants table', () => {
  it('prints our side first, then theirs, each side by name', async () => {
    const db = openScratchDatabase(':memory:');
    writeSetting(db, 'settings', {
      classificationScheme: {
        name: 'España',
        levels: [
          { name: 'SIN CLASIFICAR', portion: 'SC' },
          { name: 'DIFUSIÓN LIMITADA', portion: 'DL' },
        ],
      },
      homeTimeZone: 'Europe/Madrid',
    });
    db.exec(`
      INSERT INTO summit (id, title, city, start_date, end_date, time_zone, description, classification)
        VALUES (1, 'Cumbre Mercosur–CELAC', 'Montevideo', '2026-10-23', '2026-10-27', 'America/Montevideo', '', 'SIN CLASIFICAR');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, start_time_known, time_zone, classification)
        VALUES (1, 1, 'Bilateral España–Brasil', 'bilateral', '2026-10-24T18:00:00Z', 1, 'America/Montevideo', 'DIFUSIÓN LIMITADA');
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Alejandro García de la Cruz', '', 'Embajador', '', 'SIN CLASIFICAR'),
               (2, 'Luiz Inácio Lula da Silva', '', 'Presidente de Brasil', '', 'SIN CLASIFICAR'),
               (3, 'Gabriel Boric Font', '', 'Presidente de Chile', '', 'SIN CLASIFICAR'),
               (4, 'Ángela Ruiz', '', 'Consejera', '', 'SIN CLASIFICAR');
      INSERT INTO meeting_participant (meeting_id, person_id, side, role)
        VALUES (1, 1, 'ours', 'Embajador'), (1, 2, 'theirs', 'Contraparte'), (1, 3, 'theirs', 'Observador'), (1, 4, 'ours', 'Notetaker');
    `);
    const definition: PackDefinition = {
      title: 'Montevideo',
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'meeting', meetingId: 1, form: 'full' }],
    };
    const file = path.join(folder, 'participants.pdf');
    await exportPack(db, engine, { packName: 'Orden', definition, outPath: file, clock: () => new Date('2026-10-20T08:00:00Z') });
    const rows = pageTexts(file)
      .flatMap(nonEmptyLines)
      .filter((line) => /Our side|Their side/.test(line));
    expect(rows.map((line) => line.replace(/\s+/g, ' ').match(/(Our|Their) side \S+/)?.[0])).toEqual([
      'Our side Alejandro',
      'Our side Ángela',
      'Their side Gabriel',
      'Their side Luiz',
    ]);
    db.close();
  }, 60_000);
});
