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

// Two summits of one desk share a sector (seabed cables). A note linked to the
// sector was written while one of them was the desk's next summit: it is that
// summit's material, and the other summit's pack leaves it out unless kept.

let db: Db;
let reykjavik: number;
let lisbon: number;
let sectorId: number;
const notes = { reykjavik: 0, lisbon: 0, afterBoth: 0 };
const options = { scheme: presetSchemes.nato, homeTimeZone: 'Europe/London', preparedOn: '2027-09-01' };
const marked = { classification: 'NATO RESTRICTED' };

function summit(title: string, startDate: string, endDate: string, timeZone: string): number {
  return summits.insert(db, { ...marked, title, city: '', countryId: null, startDate, endDate, timeZone, description: '', sourceId: null });
}
function sectorNote(title: string, classification: string, writtenAt: string): number {
  const note = createNote(db, { sectorEntryId: null, meetingId: null }, { title, body: `${title}, in full.`, tags: [], classification });
  linkNote(db, note.id, { sectorId });
  // When it was written is what the note knows of the summit it was written for.
  db.prepare('UPDATE note SET created_at = ? WHERE id = ?').run(writtenAt, note.id);
  return note.id;
}

beforeAll(() => {
  db = openScratchDatabase();
  const sourceId = sources.insert(db, {
    ...marked,
    title: 'Cable desk file',
    publisher: 'Desk',
    location: '',
    publishedOn: null,
    note: '',
  });
  reykjavik = summit('Reykjavik Cable Summit', '2027-03-10', '2027-03-11', 'Atlantic/Reykjavik');
  lisbon = summit('Lisbon Cable Summit', '2027-09-20', '2027-09-21', 'Europe/Lisbon');
  const programmeId = programmes.insert(db, {
    ...marked,
    code: 'SCP',
    name: 'Seabed Cable Partnership',
    partnerId: null,
    signedOn: null,
    sectorCount: 1,
    description: '',
    sourceId: null,
  });
  sectorId = sectors.insert(db, {
    ...marked,
    programmeId,
    name: 'Seabed cables',
    position: 1,
    summary: 'Repair ships and landing stations.',
    ourPosition: 'Pool repair ships.',
    sourceId: null,
  });
  sectorEntries.insert(db, {
    ...marked,
    sectorId,
    occurredOn: '2026-11-02',
    title: 'Cable survey finished',
    body: '',
    sourceExcerpt: '',
    sourceId,
  });
  notes.reykjavik = sectorNote('Reykjavik landing-station line', 'NATO SECRET', '2027-02-01T09:00:00.000Z');
  notes.lisbon = sectorNote('Lisbon repair-ship ask', 'NATO CONFIDENTIAL', '2027-06-01T09:00:00.000Z');
  notes.afterBoth = sectorNote('Lessons of both summits', 'NATO RESTRICTED', '2027-10-15T09:00:00.000Z');
});
afterAll(() => db.close());

const packOf = (summitId: number | null, keptNoteIds?: number[]): PackDefinition => ({
  title: 'Cable pack',
  recipient: '',
  summitId,
  principalId: null,
  paper: 'a4',
  sections: [{ kind: 'sector', sectorId }, keptNoteIds ? { kind: 'notes', keptNoteIds } : { kind: 'notes' }],
});
const printed = (definition: PackDefinition) => JSON.stringify(gatherPackContent(db, definition, options));

describe('notes linked to a sector two summits share', () => {
  it('prints in the Lisbon pack the note written for Lisbon, and leaves out the one written before Reykjavik', () => {
    const text = printed(packOf(lisbon));
    expect(text).toContain('Lisbon repair-ship ask');
    expect(text).toContain('Lessons of both summits');
    expect(text).not.toContain('Reykjavik landing-station line');
    expect(gatherPackContent(db, packOf(lisbon), options).banner.name).toBe('NATO CONFIDENTIAL');
  });

  it('prints in the Reykjavik pack the Reykjavik note and leaves out the Lisbon one', () => {
    const text = printed(packOf(reykjavik));
    expect(text).toContain('Reykjavik landing-station line');
    expect(text).not.toContain('Lisbon repair-ship ask');
    expect(gatherPackContent(db, packOf(reykjavik), options).banner.name).toBe('NATO SECRET');
  });

  it('lists the left-out note in the builder, naming the summit it was written for, and not in what will print', () => {
    const preview = previewPack(db, packOf(lisbon), options);
    expect(preview.otherSummitNotes).toEqual([
      {
        id: notes.reykjavik,
        title: 'Reykjavik landing-station line',
        mark: '(NS)',
        writtenOn: '2027-02-01',
        otherSummit: 'Reykjavik Cable Summit',
        removed: true,
      },
    ]);
    expect(JSON.stringify(preview.sections)).not.toContain('Reykjavik');
  });

  it('prints it once the officer keeps it in this pack, raising the banner', () => {
    const kept = packOf(lisbon, [notes.reykjavik]);
    expect(printed(kept)).toContain('Reykjavik landing-station line');
    expect(gatherPackContent(db, kept, options).banner.name).toBe('NATO SECRET');
    const preview = previewPack(db, kept, options);
    expect(preview.otherSummitNotes.map((note) => [note.id, note.removed])).toEqual([[notes.reykjavik, false]]);
    expect(JSON.stringify(preview.sections)).toContain('Reykjavik landing-station line');
  });

  it('leaves every summit’s notes out of a pack of no summit unless kept', () => {
    const text = printed(packOf(null));
    expect(text).not.toContain('Reykjavik landing-station line');
    expect(text).not.toContain('Lisbon repair-ship ask');
    expect(text).toContain('Lessons of both summits');
  });
});
