import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMeetingBiographies, setMeetingBiography } from '../../db/meetingBiographies.ts';
import { listMeetingsOfSummit } from '../../db/meetings.ts';
import { createNote, linkNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { people, sources } from '../../db/people.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { listProgrammes, listSectorEntries, listSectors, sectorEntries } from '../../db/sectors.ts';
import { listSummits } from '../../db/summits.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { listTimelineOfSummit } from '../../db/timeline.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { presetSchemes } from '../../shared/markings.ts';
import type { PdfEngine } from './engine.ts';
import { exportPack } from './exportPack.ts';
import { gatherPackContent, peopleOfMeetings } from './packContent.ts';
import { testPrintEngine } from './printScratch.testing.ts';
import { samplePackDefinition } from './samplePack.ts';
import { addTokyoBriefing, type SecondBriefing, tokyoPackDefinition } from './secondBriefing.testing.ts';

// Two summits in one store: each pack must print what belongs to it and
// nothing of the other, read back from the exported PDF as a reader sees it.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-scope-'));
let engine: PdfEngine;
let db: Db;
let tokyo: SecondBriefing;
let vilnius: PackDefinition;

beforeAll(() => {
  engine = testPrintEngine();
  db = openScratchDatabase(path.join(folder, 'two-summits.sqlite'));
  loadSampleIfEmpty(db);
  vilnius = samplePackDefinition(db);
  tokyo = addTokyoBriefing(db);
});
afterAll(async () => {
  await engine.close();
  db.close();
  if (!process.env.SHERPA_KEEP_TEST_FILES) fs.rmSync(folder, { recursive: true, force: true });
});

const note = (title: string, body: string) => ({ title, body, tags: [], classification: 'NATO RESTRICTED' });

/** The PDF's text in reading order, with every run of white space as one space: titles wrapped in a cell still match. */
function printedText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function exported(name: string, definition: PackDefinition): Promise<string> {
  const file = path.join(folder, `${name}.pdf`);
  await exportPack(db, engine, { packName: name, definition, outPath: file });
  return printedText(file);
}

/**
 * The first three words of a text: enough to tell which briefing it came from, and short enough to sit on
 * one line of a narrow table cell, whose wrapped lines the reader interleaves with the next column's.
 */
const opening = (text: string) => text.split(/\s+/).slice(0, 3).join(' ');

/** Titles, excerpts and names only the Vilnius sample holds, read from the store rather than typed again. */
function vilniusTexts(): string[] {
  const summit = listSummits(db).find((candidate) => candidate.id === vilnius.summitId);
  if (!summit) throw new Error('sample summit missing');
  const entries = listProgrammes(db)
    .filter((programme) => programme.code === 'ITPP')
    .flatMap((programme) => listSectors(db, programme.id))
    .flatMap((sector) => [sector.name, ...listSectorEntries(db, sector.id).flatMap((entry) => [entry.title, entry.sourceExcerpt])]);
  const events = listTimelineOfSummit(db, summit.id).flatMap((event) => [event.title, event.sourceExcerpt]);
  const names = peopleOfMeetings(db, vilnius).flatMap((personId) => {
    const person = people.get(db, personId);
    return [person.name, person.nativeName];
  });
  const source = sources.get(db, summit.sourceId ?? 0);
  return [
    summit.title,
    source.title,
    ...listMeetingsOfSummit(db, summit.id).map((meeting) => meeting.title),
    ...entries,
    ...events,
    ...names,
  ]
    .filter((text) => text.length > 0)
    .map(opening);
}

describe('two summits in one store', () => {
  let vilniusPdf: string;
  let tokyoPdf: string;

  beforeAll(async () => {
    vilniusPdf = await exported('vilnius', vilnius);
    tokyoPdf = await exported('tokyo', tokyoPackDefinition(tokyo));
  }, 180_000);

  it('prints every title, excerpt and name of the Tokyo briefing in its pack, and none of the Vilnius sample', () => {
    for (const text of tokyo.uniqueTexts.map(opening)) expect(tokyoPdf, text).toContain(text);
    const vilniusOnly = vilniusTexts();
    expect(vilniusOnly.length).toBeGreaterThan(20);
    for (const text of vilniusOnly) expect(tokyoPdf, text).not.toContain(text);
  });

  it('prints the Vilnius sample’s own material in its pack, and none of the Tokyo briefing', () => {
    for (const text of ['Secretary General Stoltenberg – President Yoon', 'Korea becomes a NATO partner state', '윤석열'])
      expect(vilniusPdf, text).toContain(text);
    for (const text of tokyo.uniqueTexts.map(opening)) expect(vilniusPdf, text).not.toContain(text);
  });

  it('lists in the Sources annex exactly the sources that what is printed cites', () => {
    const annex = tokyoPdf.slice(tokyoPdf.lastIndexOf(') Sources Title'));
    expect(annex).toContain('Desk record of the Tokyo preparatory call');
    expect(annex).not.toContain('Tailored partnership');
  });

  it('keeps the timeline to the dates the user set', async () => {
    const definition = tokyoPackDefinition(tokyo);
    const text = await exported('tokyo-2026', {
      ...definition,
      sections: definition.sections.map((section) =>
        section.kind === 'timeline' ? { ...section, from: '2026-01-01', to: '2026-03-31' } : section,
      ),
    });
    const timeline = text.slice(text.lastIndexOf(') Events of the summit'), text.lastIndexOf(') Biographies'));
    expect(timeline).toContain('From 1 January 2026 to 31 March 2026.');
    expect(timeline).toContain('Telemetry pilot scoped');
    expect(timeline).toContain('Park–Sato maritime bilateral');
    expect(timeline).not.toContain('Tokyo preparatory call held');
  }, 120_000);

  it('leaves out a person removed from the biographies, and prints a biography written for this pack instead of the shared one', async () => {
    const sato = people.all(db, 'WHERE name = ?', 'Sato Haruki')[0];
    const karim = people.all(db, 'WHERE name = ?', 'Karim Al-Mansouri')[0];
    if (!sato || !karim) throw new Error('Tokyo people missing');
    const text = await exported('tokyo-car', {
      ...tokyoPackDefinition(tokyo),
      sections: [
        // The pocket card names the counterpart but not the other participants.
        { kind: 'meeting', meetingId: tokyo.meetingId, form: 'pocket' },
        {
          kind: 'biographies',
          personIds: [],
          removedPersonIds: [karim.id],
          biographies: [{ personId: sato.id, text: 'Met our principal twice in 2025; prefers short sessions.' }],
        },
      ],
    });
    expect(text).not.toContain('Karim Al-Mansouri');
    expect(text).toContain('Park Min-ji');
    expect(text).toContain('Met our principal twice in 2025; prefers short sessions. Written for this pack.');
    expect(text).not.toContain('Chaired the Tokyo preparatory call');
  }, 120_000);

  it('prints a biography written for one of the pack’s meetings, unless one was written for the pack itself', async () => {
    const [sato, park] = ['Sato Haruki', 'Park Min-ji'].map((name) => people.all(db, 'WHERE name = ?', name)[0]);
    if (!sato || !park) throw new Error('Tokyo people missing');
    setMeetingBiography(db, tokyo.meetingId, sato.id, 'Hosted our minister twice; expects a gift exchange.');
    setMeetingBiography(db, tokyo.meetingId, park.id, 'Leads on buoy data at this meeting.');
    const text = await exported('tokyo-meeting-bios', {
      ...tokyoPackDefinition(tokyo),
      sections: [
        { kind: 'meeting', meetingId: tokyo.meetingId, form: 'pocket' },
        { kind: 'biographies', personIds: [], biographies: [{ personId: park.id, text: 'Our deputy sherpa for this pack.' }] },
      ],
    });
    expect(text).toContain('Hosted our minister twice; expects a gift exchange. Written for the meeting “Park–Sato maritime bilateral”.');
    expect(text).not.toContain('Chaired the Tokyo preparatory call');
    expect(text).toContain('Our deputy sherpa for this pack. Written for this pack.');
    expect(text).not.toContain('Leads on buoy data at this meeting.');
    setMeetingBiography(db, tokyo.meetingId, sato.id, '');
    setMeetingBiography(db, tokyo.meetingId, park.id, '  ');
    expect(listMeetingBiographies(db, tokyo.meetingId)).toEqual([]);
  }, 120_000);

  it('prints in the Notes section the notes linked to its own summit, sectors and pocket-card meetings only', async () => {
    const own = createNote(db, { sectorEntryId: null, meetingId: null }, note('Tokyo seating plan', 'Round table, flags at the door.'));
    linkNote(db, own.id, { summitId: tokyo.summitId });
    const onSector = createNote(db, { sectorEntryId: null, meetingId: null }, note('Buoy vendors', 'Three bids so far.'));
    linkNote(db, onSector.id, { sectorId: tokyo.sectorId });
    const foreign = createNote(db, { sectorEntryId: null, meetingId: null }, note('Vilnius hotel block', 'Forty rooms held.'));
    linkNote(db, foreign.id, { summitId: vilnius.summitId ?? 0 });
    const text = await exported('tokyo-notes', {
      ...tokyoPackDefinition(tokyo),
      sections: [
        { kind: 'meeting', meetingId: tokyo.meetingId, form: 'pocket' },
        { kind: 'sector', sectorId: tokyo.sectorId },
        { kind: 'notes' },
      ],
    });
    const section = text.slice(text.lastIndexOf(') Notes ('));
    expect(section).toContain('Summit: Tokyo Maritime Ministerial 2026 (NR) Tokyo seating plan Round table, flags at the door.');
    expect(section).toContain('Meeting: Park–Sato maritime bilateral (NR) Handling of the buoy data');
    expect(section).toContain('Sector: Buoy telemetry (NR) Buoy vendors Three bids so far.');
    expect(text).not.toContain('Vilnius hotel block');
  }, 120_000);

  it('prints the objectives, points, defensive points and a one-line counterpart on the pocket card', async () => {
    const text = await exported('tokyo-pocket', {
      ...tokyoPackDefinition(tokyo),
      sections: [{ kind: 'meeting', meetingId: tokyo.meetingId, form: 'pocket' }],
    });
    expect(text).toContain('Counterpart: Sato Haruki (佐藤春樹), Minister for Foreign Affairs of Japan');
    expect(text).toContain('Our objectives Secure a pilot for shared buoy telemetry.');
    expect(text).toContain('Buoy telemetry should be pooled by June.');
    expect(text).toContain('Defensive points (if raised) If raised: the cost split is still under review.');
  }, 120_000);
});

describe('a sector shared by two summits', () => {
  it('leaves out an entry taken out of one pack, with its annotation, its source and its timeline row, and lowers the banner', async () => {
    // Sector entries belong to no summit: a Jakarta entry in the Tokyo sector reaches the Tokyo pack until taken out.
    const jakartaSource = sources.insert(db, {
      title: 'Jakarta desk cable on buoy siting',
      publisher: 'Southeast Asia desk',
      location: 'Cable JKT-3',
      publishedOn: null,
      note: 'Fictional test material.',
      classification: 'NATO RESTRICTED',
    });
    const jakartaEntry = sectorEntries.insert(db, {
      classification: 'NATO RESTRICTED',
      sectorId: tokyo.sectorId,
      occurredOn: '2026-03-05',
      title: 'ASEAN buoy siting agreed in Jakarta',
      body: 'Siting off Sulawesi agreed.',
      sourceExcerpt: 'three sites off Sulawesi',
      sourceId: jakartaSource,
    });
    createNote(
      db,
      { sectorEntryId: jakartaEntry, meetingId: null },
      { title: 'Jakarta reading of the siting', body: 'Keep from Tokyo.', tags: [], classification: 'NATO SECRET' },
    );
    const everything = tokyoPackDefinition(tokyo);
    const options = { scheme: presetSchemes.nato, homeTimeZone: 'Asia/Tokyo', preparedOn: '2026-04-01' };
    expect(gatherPackContent(db, everything, options).banner.name).toBe('NATO SECRET');

    const text = await exported('tokyo-without-jakarta', {
      ...everything,
      sections: everything.sections.map((section) =>
        section.kind === 'sector' ? { ...section, removedEntryIds: [jakartaEntry] } : section,
      ),
    });
    for (const jakarta of ['ASEAN buoy siting', 'three sites off Sulawesi', 'Jakarta reading', 'Keep from Tokyo', 'Jakarta desk cable'])
      expect(text, jakarta).not.toContain(jakarta);
    expect(text).not.toContain('NATO SECRET');
    expect(text).toContain('highest classification of anything in this pack (NATO RESTRICTED)');
    // The rest of the sector, and the source it shares with the other sections, still print.
    expect(text).toContain('Telemetry pilot scoped at working level');
    // The cover says each part carries its own mark: a brief's parts and a sector's state of play print their record's.
    expect(text).toContain('each part of a section (a brief’s heading, an entry, a note, a person) carries its own');
    for (const part of ['(NR) Purpose and scope', '(NR) Points to make', '(NR) State of play', '(NR) Our position'])
      expect(text, part).toContain(part);
    expect(text.slice(text.lastIndexOf(') Sources Title'))).toContain('Desk record of the Tokyo preparatory call');
  }, 120_000);

  it('says a sector whose every entry was left out has entries left out, not that none were recorded', async () => {
    const everything = tokyoPackDefinition(tokyo);
    const recorded = listSectorEntries(db, tokyo.sectorId).map((entry) => entry.id);
    expect(recorded.length).toBeGreaterThan(1);
    const text = await exported('tokyo-no-entries', {
      ...everything,
      sections: everything.sections.map((section) => (section.kind === 'sector' ? { ...section, removedEntryIds: recorded } : section)),
    });
    expect(text).toContain(`No entries in this pack: the sector’s ${recorded.length} entries were left out.`);
    expect(text).not.toContain('No entries recorded.');
    expect(text).not.toContain('Telemetry pilot scoped at working level');
  }, 120_000);
});
