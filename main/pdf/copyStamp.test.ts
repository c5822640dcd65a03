import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetings } from '../../db/meetings.ts';
import { createNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { UnmarkedMaterialError } from './classification.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

const { folder, engine } = printScratch('sherpa-stamp-test-');

function sampleStore(): { db: Db; definition: PackDefinition; meetingId: number } {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  const [meeting] = meetings.all(db, 'ORDER BY id');
  if (!meeting) throw new Error('sample meeting missing');
  const definition: PackDefinition = {
    title: 'Stamp pack',
    recipient: '',
    summitId: meeting.summitId,
    principalId: null,
    paper: 'a4',
    sections: [{ kind: 'meeting', meetingId: meeting.id, form: 'pocket' }],
  };
  return { db, definition, meetingId: meeting.id };
}

describe('the copy stamp beside a recipient’s name typed in another direction', () => {
  const recipients = {
    'a right-to-left override': '\u202EAmbassador Kim',
    'an Arabic name': 'السفير كريم',
    'a Hebrew name': 'השגריר כהן',
    'a left-to-right name ending in digits': 'Desk 12',
  };

  for (const [what, recipient] of Object.entries(recipients)) {
    it(`keeps the copy number, the recipient and the date in order for ${what}`, async () => {
      const { db, definition } = sampleStore();
      const file = path.join(folder, `${what.replaceAll(' ', '-')}.pdf`);
      await exportPack(db, engine, {
        packName: 'Stamp pack',
        definition,
        outPath: file,
        copyFor: 'Earlier copy',
        clock: () => new Date('2026-12-01T08:00:00Z'),
      }).then(() =>
        exportPack(db, engine, {
          packName: 'Stamp pack',
          definition,
          outPath: file,
          copyFor: recipient,
          clock: () => new Date('2026-12-01T08:00:00Z'),
        }),
      );
      const pages = pageTexts(file);
      expect(pages.length).toBeGreaterThan(0);
      for (const text of pages) {
        // pdftotext writes right-to-left runs back in logical order between direction marks of its own
        // (and takes the neutral " · " into the run); what matters is the order of what the reader sees.
        const stamp = nonEmptyLines(text)
          .find((line) => line.includes('Copy '))
          ?.replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
          .replace(/\s+/g, ' ');
        // Copy number first, the date last and readable: never "6202 rebmeceD 1".
        expect(stamp).toMatch(/Copy 2 · for .+ ?1 December 2026$/);
        expect(stamp).not.toMatch(/rebmeceD|6202/);
      }
    }, 60_000);
  }
});

describe('a pack holding unmarked material', () => {
  it('is not exported, and the refusal names every unmarked item', async () => {
    const { db, definition, meetingId } = sampleStore();
    createNote(db, { sectorEntryId: null, meetingId }, { title: 'Corridor talk', body: 'Unmarked.', tags: [], classification: '' });
    meetings.update(db, meetingId, { classification: '' });
    const file = path.join(folder, 'unmarked.pdf');
    const attempt = exportPack(db, engine, { packName: 'Stamp pack', definition, outPath: file });
    await expect(attempt).rejects.toThrow(UnmarkedMaterialError);
    await expect(attempt).rejects.toThrow(/“Corridor talk”; “Secretary General Stoltenberg – President Yoon”/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('a copy stamped where the store cannot register it (the command line changes no store)', () => {
  it('is stamped as unregistered, not with a number the app would issue again to another recipient', async () => {
    const { db, definition } = sampleStore();
    const clock = () => new Date('2026-12-01T08:00:00Z');
    const unregistered = path.join(folder, 'unregistered.pdf');
    const outside = await exportPack(db, engine, {
      packName: 'Stamp pack',
      definition,
      outPath: unregistered,
      copyFor: 'Délégation UE',
      registerCopy: false,
      clock,
    });
    expect(outside.copyNumber).toBeNull();
    for (const text of pageTexts(unregistered)) {
      const stamp = nonEmptyLines(text).find((line) => line.includes('Délégation UE'));
      expect(stamp?.replace(/\s+/g, ' ')).toMatch(/Unregistered copy · for \([A-Z]+\) Délégation UE · 1 December 2026$/);
    }
    // The app's next copy is still the first: no number is in two hands.
    const registered = await exportPack(db, engine, {
      packName: 'Stamp pack',
      definition,
      outPath: path.join(folder, 'registered.pdf'),
      copyFor: 'Ambassador Kim',
      clock,
    });
    expect(registered.copyNumber).toBe(1);
  }, 60_000);
});
