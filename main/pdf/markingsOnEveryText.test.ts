import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUps } from '../../db/followUps.ts';
import { setMeetingBiography } from '../../db/meetingBiographies.ts';
import { listMeetingsOfSummit, listParticipants, meetings } from '../../db/meetings.ts';
import { type Db, openDatabase } from '../../db/open.ts';
import { listPeople, people, sources } from '../../db/people.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { listSummits, summits } from '../../db/summits.ts';
import { listTimelineOfSummit, timelineEvents } from '../../db/timeline.ts';
import type { PackDefinition, PackSection } from '../../shared/domain.ts';
import { UnmarkedMaterialError } from './classification.ts';
import type { PdfEngine } from './engine.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts, pdfInfo } from './pdfText.testing.ts';
import { testPrintEngine } from './printScratch.testing.ts';

// Timeline events, follow-up actions, summits and sources print text, so each
// carries its own marking: a portion mark beside it on paper, a share in the
// page banner, and a refusal to export while one is unmarked. Read back from
// the exported PDF.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-every-text-'));
let engine: PdfEngine;
let db: Db;
let summitId: number;

beforeAll(() => {
  engine = testPrintEngine();
  db = openDatabase(path.join(folder, 'store.sqlite'));
  loadSampleIfEmpty(db);
  summitId = listSummits(db)[0]?.id ?? 0;
});
afterAll(async () => {
  await engine.close();
  db.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const packOf = (...sections: PackSection[]): PackDefinition => ({
  title: 'Markings test',
  recipient: '',
  summitId,
  principalId: null,
  paper: 'a4',
  sections,
});

let exports = 0;
/** Exports a pack holding one meeting's full brief. */
const exportFullBrief = (meetingId: number) =>
  exportPack(db, engine, {
    packName: `brief ${++exports}`,
    definition: packOf({ kind: 'meeting', meetingId, form: 'full' }),
    outPath: path.join(folder, `brief-${exports}.pdf`),
  });
async function printed(definition: PackDefinition): Promise<{ text: string; banner: string; lines: string[] }> {
  const file = path.join(folder, `pack-${++exports}.pdf`);
  const result = await exportPack(db, engine, { packName: `pack ${exports}`, definition, outPath: file });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // A table's rows as laid out: a marked heading above a table can make the plain reading run column by column.
  const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' }).split('\n');
  return { text, banner: result.banner, lines };
}

describe('a pack holding only the timeline', () => {
  it('takes its banner from the events’ own markings and prints each row’s portion mark', async () => {
    const events = listTimelineOfSummit(db, summitId);
    const raised = events[1];
    if (!raised) throw new Error('the sample has no second event');
    timelineEvents.update(db, raised.id, { classification: 'NATO CONFIDENTIAL' });
    try {
      const { text, banner, lines } = await printed(packOf({ kind: 'timeline' }));
      expect(banner).toBe('NATO CONFIDENTIAL');
      expect(text).toContain('NATO CONFIDENTIAL');
      expect(lines.some((line) => /\(NC\)\s+2012\s+Korea signs the Individual/.test(line))).toBe(true);
      expect(text).toMatch(/\(NU\) [^()]*Korea becomes a NATO partner state/);
    } finally {
      timelineEvents.update(db, raised.id, { classification: 'NATO UNCLASSIFIED' });
    }
  });

  it('is refused while one event is unmarked, naming it, and writes no file', async () => {
    const event = listTimelineOfSummit(db, summitId)[0];
    if (!event) throw new Error('the sample has no event');
    timelineEvents.update(db, event.id, { classification: '' });
    const file = path.join(folder, 'refused.pdf');
    try {
      const attempt = exportPack(db, engine, { packName: 'refused', definition: packOf({ kind: 'timeline' }), outPath: file });
      await expect(attempt).rejects.toBeInstanceOf(UnmarkedMaterialError);
      await expect(attempt).rejects.toThrow(event.title);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      timelineEvents.update(db, event.id, { classification: 'NATO UNCLASSIFIED' });
    }
  });

  it('is refused while the summit it belongs to is unmarked', async () => {
    const summit = summits.get(db, summitId);
    summits.update(db, summitId, { classification: '' });
    try {
      await expect(
        exportPack(db, engine, { packName: 'summit', definition: packOf({ kind: 'timeline' }), outPath: path.join(folder, 's.pdf') }),
      ).rejects.toThrow(summit.title);
    } finally {
      summits.update(db, summitId, { classification: 'NATO UNCLASSIFIED' });
    }
  });
});

describe('follow-up actions and sources', () => {
  it('print with their portion marks, and a higher one raises the banner', async () => {
    const meeting = listMeetingsOfSummit(db, summitId)[0];
    if (!meeting) throw new Error('the sample has no meeting');
    const followUpId = followUps.insert(db, {
      meetingId: meeting.id,
      description: 'Send the readout to Seoul',
      owner: 'Desk',
      dueOn: null,
      status: 'open',
      classification: 'NATO SECRET',
    });
    try {
      const { text, banner } = await printed(packOf({ kind: 'meeting', meetingId: meeting.id, form: 'full' }, { kind: 'sources' }));
      expect(banner).toBe('NATO SECRET');
      // The table reads back column by column: the mark, then the action's heading and text.
      expect(text).toMatch(/\(NS\) [^()]*Send the readout to Seoul/);
      const source = sources.get(db, meetings.get(db, meeting.id).sourceId ?? 0);
      expect(text).toContain(`(NU) ${source.title.slice(0, 20)}`);
    } finally {
      followUps.remove(db, followUpId);
    }
  });

  it('refuses a pack whose follow-up action is unmarked', async () => {
    const meeting = listMeetingsOfSummit(db, summitId)[0];
    if (!meeting) throw new Error('the sample has no meeting');
    const followUpId = followUps.insert(db, {
      meetingId: meeting.id,
      description: 'Unmarked action',
      owner: '',
      dueOn: null,
      status: 'open',
    });
    try {
      await expect(exportFullBrief(meeting.id)).rejects.toThrow('Unmarked action');
    } finally {
      followUps.remove(db, followUpId);
    }
  });
});

describe('the participants of a meeting', () => {
  it('print each with their own portion mark, and a higher one raises the section’s mark and the banner', async () => {
    const meeting = listMeetingsOfSummit(db, summitId).find((each) => listParticipants(db, each.id).length > 1);
    if (!meeting) throw new Error('the sample has no meeting with two participants');
    const [raised, other] = listParticipants(db, meeting.id);
    if (!raised || !other) throw new Error('the sample meeting has fewer than two participants');
    people.update(db, raised.personId, { classification: 'NATO SECRET' });
    try {
      const { text, banner, lines } = await printed(packOf({ kind: 'meeting', meetingId: meeting.id, form: 'full' }));
      expect(banner).toBe('NATO SECRET');
      // The section heading carries the highest mark of what it holds: here, a participant's.
      expect(text).toContain(`(NS) ${meeting.title}`);
      // Each row reads back as its mark, then its side and the name (the header's words may come between).
      const row = (mark: string, name: string) =>
        lines.some((line) => new RegExp(`\\(${mark}\\)\\s+(Our|Their) side\\s+${name}`).test(line));
      expect(row('NS', raised.name)).toBe(true);
      expect(row('NU', other.name)).toBe(true);
    } finally {
      people.update(db, raised.personId, { classification: 'NATO UNCLASSIFIED' });
    }
  });

  it('refuse a pack while a participant is unmarked, naming them', async () => {
    const meeting = listMeetingsOfSummit(db, summitId).find((each) => listParticipants(db, each.id).length > 0);
    const participant = meeting ? listParticipants(db, meeting.id)[0] : undefined;
    if (!meeting || !participant) throw new Error('the sample has no meeting with a participant');
    people.update(db, participant.personId, { classification: '' });
    try {
      await expect(exportFullBrief(meeting.id)).rejects.toThrow(participant.name);
    } finally {
      people.update(db, participant.personId, { classification: 'NATO UNCLASSIFIED' });
    }
  });
});

describe('the principal named on the cover', () => {
  // The cover prints the principal's name, native name and title from their record.
  const principalId = () => {
    const principal = listPeople(db).find((person) => person.name === 'Yoon Suk Yeol');
    if (!principal) throw new Error('the sample has no Yoon Suk Yeol');
    return principal.id;
  };

  it('prints with their portion mark, and a higher one raises the banner', async () => {
    const id = principalId();
    people.update(db, id, { classification: 'NATO CONFIDENTIAL' });
    try {
      const { text, banner } = await printed({ ...packOf({ kind: 'timeline' }), principalId: id });
      expect(banner).toBe('NATO CONFIDENTIAL');
      expect(text).toMatch(/\(NC\) Yoon Suk Yeol/);
    } finally {
      people.update(db, id, { classification: 'NATO UNCLASSIFIED' });
    }
  });

  it('refuses a pack while the principal is unmarked, naming them', async () => {
    const id = principalId();
    people.update(db, id, { classification: '' });
    const file = path.join(folder, 'principal.pdf');
    try {
      const attempt = exportPack(db, engine, {
        packName: 'principal',
        definition: { ...packOf({ kind: 'timeline' }), principalId: id },
        outPath: file,
      });
      await expect(attempt).rejects.toThrow('Principal: Yoon Suk Yeol');
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      people.update(db, id, { classification: 'NATO UNCLASSIFIED' });
    }
  });
});

describe('a biography written for one meeting', () => {
  it('prints with the meeting’s marking when it is higher than the person’s, and follows a later change of it', async () => {
    const meeting = listMeetingsOfSummit(db, summitId).find((each) => listParticipants(db, each.id).length > 0);
    const participant = meeting ? listParticipants(db, meeting.id)[0] : undefined;
    if (!meeting || !participant) throw new Error('the sample has no meeting with a participant');
    const { name } = people.get(db, participant.personId);
    setMeetingBiography(db, meeting.id, participant.personId, 'Briefed us privately on the exercise plan.');
    // Raised after the text was written: the text was the meeting's, so it is raised with it.
    meetings.update(db, meeting.id, { classification: 'NATO SECRET' });
    try {
      const pack = packOf({ kind: 'meeting', meetingId: meeting.id, form: 'pocket' }, { kind: 'biographies', personIds: [] });
      const { text } = await printed(pack);
      // The name may be followed by a native name in brackets, so the mark is looked for just before the name.
      const biography = new RegExp(`\\((N[A-Z]+)\\) ${name}.{0,160}?Briefed us privately on the exercise plan`);
      expect(text.match(biography)?.[1]).toBe('NS');
      // The heading of the Biographies section carries the highest mark of what it holds.
      expect(text).toMatch(/\(NS\) Biographies/);
    } finally {
      meetings.update(db, meeting.id, { classification: 'NATO UNCLASSIFIED' });
      setMeetingBiography(db, meeting.id, participant.personId, '');
    }
  });
});

describe('a biography written for a meeting marked down since', () => {
  // The text keeps the marking it was written under: printed at the meeting's new, lower one, it would be under-marked.
  it('prints with the marking it was written under, not the meeting’s lower one now', async () => {
    const meeting = listMeetingsOfSummit(db, summitId).find((each) => listParticipants(db, each.id).length > 0);
    const participant = meeting ? listParticipants(db, meeting.id)[0] : undefined;
    if (!meeting || !participant) throw new Error('the sample has no meeting with a participant');
    const { name } = people.get(db, participant.personId);
    meetings.update(db, meeting.id, { classification: 'NATO SECRET' });
    setMeetingBiography(db, meeting.id, participant.personId, 'Named the exercise’s second phase.');
    meetings.update(db, meeting.id, { classification: 'NATO UNCLASSIFIED' });
    try {
      const pack = packOf({ kind: 'meeting', meetingId: meeting.id, form: 'pocket' }, { kind: 'biographies', personIds: [] });
      const { text, banner } = await printed(pack);
      expect(text.match(new RegExp(`\\((N[A-Z]+)\\) ${name}.{0,160}?Named the exercise’s second phase`))?.[1]).toBe('NS');
      expect(banner).toBe('NATO SECRET');
    } finally {
      setMeetingBiography(db, meeting.id, participant.personId, '');
    }
  });
});

describe('a biography written for the pack', () => {
  const firstParticipant = () => {
    const meeting = listMeetingsOfSummit(db, summitId).find((each) => listParticipants(db, each.id).length > 0);
    const participant = meeting ? listParticipants(db, meeting.id)[0] : undefined;
    if (!meeting || !participant) throw new Error('the sample has no meeting with a participant');
    return { meeting, person: people.get(db, participant.personId) };
  };
  const packWriting = (meetingId: number, personId: number, classification?: string) =>
    packOf(
      { kind: 'meeting', meetingId, form: 'pocket' },
      { kind: 'biographies', personIds: [], biographies: [{ personId, text: 'Will ask about the rotation.', classification }] },
    );

  it('prints with the marking chosen for it, and that raises the banner', async () => {
    const { meeting, person } = firstParticipant();
    const { text, banner } = await printed(packWriting(meeting.id, person.id, 'NATO SECRET'));
    expect(banner).toBe('NATO SECRET');
    expect(text.match(new RegExp(`\\((N[A-Z]+)\\) ${person.name}.{0,160}?Will ask about the rotation`))?.[1]).toBe('NS');
  });

  it('is refused while it is left unmarked, naming it, and writes no file', async () => {
    const { meeting, person } = firstParticipant();
    const file = path.join(folder, 'unmarked-biography.pdf');
    const attempt = exportPack(db, engine, {
      packName: 'unmarked biography',
      definition: packWriting(meeting.id, person.id, ''),
      outPath: file,
    });
    await expect(attempt).rejects.toThrow(`${person.name} (biography written for this pack)`);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('saved before it had a marking, prints at the person’s, as it did', async () => {
    const { meeting, person } = firstParticipant();
    const { text } = await printed(packWriting(meeting.id, person.id));
    expect(text.match(new RegExp(`\\((N[A-Z]+)\\) ${person.name}.{0,160}?Will ask about the rotation`))?.[1]).toBe('NU');
  });
});

// The pack's title is text typed by the user ("Op GREYHOUND: fallback lines") and may say
// as much as anything inside: it carries no marking of its own, so it prints at the pack's
// banner, the highest marking of what the pack holds, on the cover and in every page's header.
describe('the pack’s title', () => {
  it('carries the banner’s portion mark on the cover, in every running header and in the document’s title', async () => {
    const events = listTimelineOfSummit(db, summitId);
    const raised = events[1];
    if (!raised) throw new Error('the sample has no second event');
    timelineEvents.update(db, raised.id, { classification: 'NATO CONFIDENTIAL' });
    try {
      const file = path.join(folder, `titled-${++exports}.pdf`);
      await exportPack(db, engine, {
        packName: 'titled',
        definition: { ...packOf({ kind: 'timeline' }), title: 'Op GREYHOUND lines' },
        outPath: file,
      });
      const pages = pageTexts(file);
      expect(pages.length).toBeGreaterThan(1);
      const [cover] = pages;
      expect(cover?.match(/\(NC\)\s+Op GREYHOUND lines/g)?.length).toBeGreaterThanOrEqual(2);
      for (const page of pages) expect(nonEmptyLines(page).slice(0, 3).join(' ')).toMatch(/\(NC\)\s+Op GREYHOUND lines/);
      expect(pages.join('\n')).not.toMatch(/(^|[^)\s]\s*)Op GREYHOUND lines/m);
      expect(pdfInfo(file).Title).toBe('(NC) Op GREYHOUND lines');
    } finally {
      timelineEvents.update(db, raised.id, { classification: raised.classification });
    }
  });
});
