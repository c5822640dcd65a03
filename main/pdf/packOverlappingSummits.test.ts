import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote, linkNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { sources } from '../../db/people.ts';
import { programmes, sectorEntries, sectors } from '../../db/sectors.ts';
import { summits } from '../../db/summits.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { presetSchemes } from '../../shared/markings.ts';
import { gatherPackContent } from './packContent.ts';
import { previewPack } from './packPreview.ts';

// An Islamabad desk prepares the SCO summit in Bishkek (14-15 July) and a CICA
// meeting in Astana (15-17 July) the same week, both writing in one sector.
// An entry dated on the day they share, or a sector note written while both
// lay ahead, does not say whose it is: each pack leaves it out unless kept,
// rather than print the other summit's material.

let db: Db;
let bishkek: number;
let cica: number;
let sectorId: number;
const ids = { bishkekDay: 0, sharedDay: 0, cicaDay: 0, preparingBoth: 0, afterBoth: 0 };
const options = { scheme: presetSchemes.nato, homeTimeZone: 'Asia/Karachi', preparedOn: '2027-07-01' };
const marked = { classification: 'NATO RESTRICTED' };

function summit(title: string, startDate: string, endDate: string, timeZone: string): number {
  return summits.insert(db, { ...marked, title, city: '', countryId: null, startDate, endDate, timeZone, description: '', sourceId: null });
}

beforeAll(() => {
  db = openScratchDatabase();
  const sourceId = sources.insert(db, { ...marked, title: 'Desk file', publisher: '', location: '', publishedOn: null, note: '' });
  summit('SCO Summit, Tianjin 2026', '2026-08-31', '2026-09-01', 'Asia/Shanghai');
  bishkek = summit('SCO Summit, Bishkek 2027', '2027-07-14', '2027-07-15', 'Asia/Bishkek');
  cica = summit('CICA Summit, Astana 2027', '2027-07-15', '2027-07-17', 'Asia/Almaty');
  const programmeId = programmes.insert(db, {
    ...marked,
    code: 'SCO',
    name: 'Regional tracks',
    partnerId: null,
    signedOn: null,
    sectorCount: 1,
    description: '',
    sourceId: null,
  });
  sectorId = sectors.insert(db, {
    ...marked,
    programmeId,
    name: 'Water and energy',
    position: 1,
    summary: '',
    ourPosition: '',
    sourceId: null,
  });
  const entry = (occurredOn: string, title: string, classification: string) =>
    sectorEntries.insert(db, { classification, sectorId, occurredOn, title, body: '', sourceExcerpt: '', sourceId });
  ids.bishkekDay = entry('2027-07-14', 'Bishkek: CASA-1000 statement', 'NATO RESTRICTED');
  ids.sharedDay = entry('2027-07-15', 'Astana: CICA water declaration', 'NATO SECRET');
  ids.cicaDay = entry('2027-07-16', 'Astana: CICA energy ministers', 'NATO SECRET');
  const sectorNote = (title: string, writtenAt: string, classification: string) => {
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, { title, body: `${title}.`, tags: [], classification });
    linkNote(db, note.id, { sectorId });
    db.prepare('UPDATE note SET created_at = ? WHERE id = ?').run(writtenAt, note.id);
    return note.id;
  };
  ids.preparingBoth = sectorNote('Astana line on the Rogun dam', '2027-06-20T09:00:00.000Z', 'NATO SECRET');
  ids.afterBoth = sectorNote('Lessons of the July week', '2027-08-02T09:00:00.000Z', 'NATO RESTRICTED');
});
afterAll(() => db.close());

const packOf = (summitId: number, kept: { entries?: number[]; notes?: number[] } = {}): PackDefinition => ({
  title: 'Pack',
  recipient: '',
  summitId,
  principalId: null,
  paper: 'a4',
  sections: [
    { kind: 'sector', sectorId, ...(kept.entries ? { keptEntryIds: kept.entries } : {}) },
    { kind: 'notes', ...(kept.notes ? { keptNoteIds: kept.notes } : {}) },
  ],
});
const printed = (definition: PackDefinition) => JSON.stringify(gatherPackContent(db, definition, options));

describe('two summits of one week', () => {
  it('leaves out of the Bishkek pack the entry dated on the day the CICA meeting shares, and the note written while both lay ahead', () => {
    const text = printed(packOf(bishkek));
    expect(text).toContain('Bishkek: CASA-1000 statement');
    expect(text).toContain('Lessons of the July week');
    for (const cicaText of ['CICA water declaration', 'CICA energy ministers', 'Astana line on the Rogun dam'])
      expect(text).not.toContain(cicaText);
    expect(gatherPackContent(db, packOf(bishkek), options).banner.name).toBe('NATO RESTRICTED');
  });

  it('names the other summit of that day in the builder, so the officer can keep what is Bishkek’s', () => {
    const preview = previewPack(db, packOf(bishkek), options);
    const entries = preview.sectorEntries.flatMap((sector) => sector.entries);
    expect(entries.find((entry) => entry.id === ids.sharedDay)).toMatchObject({ removed: true, otherSummit: 'CICA Summit, Astana 2027' });
    expect(entries.find((entry) => entry.id === ids.bishkekDay)).toMatchObject({ removed: false, otherSummit: null });
    expect(preview.otherSummitNotes.map((note) => [note.id, note.otherSummit, note.removed])).toEqual([
      [ids.preparingBoth, 'CICA Summit, Astana 2027', true],
    ]);
    const kept = packOf(bishkek, { entries: [ids.sharedDay], notes: [ids.preparingBoth] });
    expect(printed(kept)).toContain('CICA water declaration');
    expect(printed(kept)).toContain('Astana line on the Rogun dam');
  });

  it('leaves Bishkek’s day out of the CICA pack, and the shared day and the note too', () => {
    const text = printed(packOf(cica));
    expect(text).toContain('CICA energy ministers');
    for (const other of ['CASA-1000', 'CICA water declaration', 'Astana line on the Rogun dam']) expect(text).not.toContain(other);
  });
});
