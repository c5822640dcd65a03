import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUps } from '../../../db/followUps.ts';
import { createNote, linkNote } from '../../../db/notes.ts';
import type { Db } from '../../../db/open.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { PackDefinition } from '../../../shared/domain.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { gatherPackContent } from '../packContent.ts';
import { samplePackDefinition } from '../samplePack.ts';
import { addTokyoBriefing, type SecondBriefing, tokyoPackDefinition } from '../secondBriefing.testing.ts';
import { renderPackHtml } from './packDocument.ts';

// Every text a pack prints carries its portion mark, sub-headings and table
// captions too: a heading over secret participants is itself read as one.

let db: Db;
let tokyo: SecondBriefing;
const options = { scheme: presetSchemes.nato, homeTimeZone: 'Asia/Seoul', preparedOn: '2026-02-20' };

beforeAll(() => {
  db = openScratchDatabase();
  loadSampleIfEmpty(db);
  tokyo = addTokyoBriefing(db);
  followUps.insert(db, {
    meetingId: tokyo.meetingId,
    description: 'Send the buoy list',
    owner: 'Desk',
    dueOn: null,
    status: 'open',
    classification: 'NATO CONFIDENTIAL',
  });
  const note = createNote(
    db,
    { sectorEntryId: null, meetingId: null },
    { title: 'Summit handling', body: 'Quiet.', tags: [], classification: 'NATO SECRET' },
  );
  linkNote(db, note.id, { summitId: tokyo.summitId });
});
afterAll(() => db.close());

function tokyoWithNotes(): PackDefinition {
  const definition = tokyoPackDefinition(tokyo);
  return {
    ...definition,
    sections: [...definition.sections, { kind: 'meeting', meetingId: tokyo.meetingId, form: 'pocket' }, { kind: 'notes' }],
  };
}

const printedHtml = (definition: PackDefinition) => renderPackHtml(gatherPackContent(db, definition, options), { author: 'Desk' });

/** The headings and captions of the pack's body (React's static markup), as inner HTML. */
function headingsOf(html: string): string[] {
  const body = html.slice(html.indexOf('<body'));
  return [...body.matchAll(/<(h[1-6]|caption)\b[^>]*>(.*?)<\/\1>|<(\w+) class="[^"]*\bcaption\b[^"]*"[^>]*>(.*?)<\/\3>/g)].map(
    (found) => found[2] ?? found[4] ?? '',
  );
}
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

/** Each heading or caption that opens without a portion mark, as printed. */
function unmarkedHeadings(definition: PackDefinition): string[] {
  return headingsOf(printedHtml(definition))
    .filter((heading) => !/^<span class="mark">\([^)<]+\)<\/span>/.test(heading))
    .map(textOf);
}

describe('headings and captions of a pack', () => {
  it('each carry a portion mark in the sample pack', () => {
    expect(unmarkedHeadings(samplePackDefinition(db))).toEqual([]);
  });

  it('each carry a portion mark in a pack with follow-ups, staff notes, a pocket card and a notes section', () => {
    expect(unmarkedHeadings(tokyoWithNotes())).toEqual([]);
  });

  it('mark the participants heading with the highest of the participants', () => {
    const headings = headingsOf(printedHtml(tokyoWithNotes())).map(textOf);
    expect(headings).toContain('(NR)Participants');
    expect(headings).toContain('(NC)Follow-up actions');
    expect(headings).toContain('(NS)Summit: Tokyo Maritime Ministerial 2026');
    expect(headings.some((heading) => heading.startsWith('(NR)Events of the summit'))).toBe(true);
  });
});

describe('the counterpart a brief names', () => {
  it('carries their own portion mark on the pocket card’s counterpart line and in the key details', () => {
    const html = printedHtml(tokyoWithNotes());
    expect(html).toMatch(/<p class="counterpart-line"><span class="mark">\(NR\)<\/span><strong>Counterpart: <\/strong>Sato Haruki/);
    expect(html).toMatch(/<th scope="row">Counterpart<\/th><td><span><span class="mark">\(NR\)<\/span>Sato Haruki/);
  });

  it('is named once on a pocket card, in the line that gives their country, not again in the key details', () => {
    const card: PackDefinition = {
      ...tokyoPackDefinition(tokyo),
      sections: [{ kind: 'meeting', meetingId: tokyo.meetingId, form: 'pocket' }],
    };
    const html = printedHtml(card);
    expect(html.match(/Sato Haruki/g)).toHaveLength(1);
    expect(html).toMatch(/<strong>Counterpart: <\/strong>Sato Haruki/);
    expect(html).not.toMatch(/<th scope="row">Counterpart<\/th>/);
  });

  it('counts towards the banner when they are no participant of the meeting', () => {
    db.prepare('UPDATE person SET classification = ? WHERE name = ?').run('NATO SECRET', 'Sato Haruki');
    db.prepare("DELETE FROM meeting_participant WHERE person_id = (SELECT id FROM person WHERE name = 'Sato Haruki')").run();
    const brief: PackDefinition = {
      ...tokyoPackDefinition(tokyo),
      sections: [{ kind: 'meeting', meetingId: tokyo.meetingId, form: 'pocket' }],
    };
    const content = gatherPackContent(db, brief, options);
    expect(content.banner.name).toBe('NATO SECRET');
    expect(content.sections[0]?.mark).toBe('(NS)');
  });
});

describe('the lines naming a source or a programme under a heading', () => {
  it('carry the source’s and the programme’s own marks, and count towards the banner without a sources section', () => {
    db.prepare("UPDATE source SET classification = 'NATO SECRET' WHERE title = 'Desk record of the Tokyo preparatory call'").run();
    const brief: PackDefinition = {
      ...tokyoPackDefinition(tokyo),
      sections: [
        { kind: 'meeting', meetingId: tokyo.meetingId, form: 'full' },
        { kind: 'sector', sectorId: tokyo.sectorId },
      ],
    };
    const html = printedHtml(brief);
    expect(html).toMatch(/<p class="source-line"><span class="mark">\(NS\)<\/span>Source: <bdi>Desk record of the Tokyo preparatory call/);
    expect(html).toMatch(/<p class="muted programme-line"><span class="mark">\(NR\)<\/span>MSP: Maritime Surveillance Partnership<\/p>/);
    const content = gatherPackContent(db, brief, options);
    expect(content.banner.name).toBe('NATO SECRET');
    expect(content.sections.map((section) => section.mark)).toEqual(['(NS)', '(NS)']);
  });
});

describe('a section that holds nothing', () => {
  it('says it is empty at its heading and in the contents, claiming no level of the scheme', () => {
    const offen = { name: 'DE', levels: [{ name: 'OFFEN', portion: 'OF' }, ...presetSchemes.nato.levels] };
    const empty: PackDefinition = {
      ...tokyoPackDefinition(tokyo),
      summitId: null,
      sections: [{ kind: 'timeline', from: '1990-01-01', to: '1990-01-02' }, { kind: 'biographies', personIds: [] }, { kind: 'notes' }],
    };
    const content = gatherPackContent(db, empty, { ...options, scheme: offen });
    expect(content.sections.map((section) => section.mark)).toEqual(['(EMPTY)', '(EMPTY)', '(EMPTY)']);
    const headings = headingsOf(renderPackHtml(content, { author: 'Desk' })).map(textOf);
    expect(headings).toContain('(EMPTY)Notes');
    expect(headings.some((heading) => heading.includes('(OF)'))).toBe(false);
  });
});

describe('the cover’s facts', () => {
  it('print the venue at the summit’s mark and the typed recipient at the title’s, as the lines above them', () => {
    const content = gatherPackContent(db, tokyoPackDefinition(tokyo), options);
    const html = renderPackHtml(content, { author: 'Desk' });
    expect(html).toContain(`<th scope="row">Venue</th><td><span class="mark">${content.summitMark}</span><bdi>Tokyo</bdi></td>`);
    expect(html).toContain(`<th scope="row">Recipient</th><td><span class="mark">${content.titleMark}</span><bdi>Deputy sherpa</bdi></td>`);
  });
});
