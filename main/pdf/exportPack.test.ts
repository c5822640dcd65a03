import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { followUps } from '../../db/followUps.ts';
import { meetings } from '../../db/meetings.ts';
import { createNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { listIssuedCopies, nextCopyNumber, savePack } from '../../db/packs.ts';
import { people, sources } from '../../db/people.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { listProgrammes, listSectors, sectorEntries } from '../../db/sectors.ts';
import { writeSetting } from '../../db/settings.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { ExportCancelledError, type PdfEngine } from './engine.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts, pdfInfo, readStructure } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';
import { samplePackDefinition, samplePackName } from './samplePack.ts';

const root = path.resolve(import.meta.dirname, '../..');
const screenshots = path.join(root, 'test-results/pack-pages');
const { folder, engine } = printScratch('sherpa-pack-test-');

function sampleStore(): Db {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  return db;
}

/** The contents page's entries as printed: portion mark, title and page number. */
function contentsEntries(pages: string[]): { mark: string; title: string; page: number }[] {
  // The contents heading carries its mark: the highest of the sections it lists.
  const contentsPage = pages.find((text) => nonEmptyLines(text).some((line) => /^(\([^)]+\) )?Contents$/.test(line)));
  if (!contentsPage) throw new Error('no contents page');
  return nonEmptyLines(contentsPage).flatMap((line) => {
    const match = /(\([^)]+\))\s+(.+?)\s{2,}(\d+)$/.exec(line);
    return match ? [{ mark: match[1] as string, title: match[2] as string, page: Number(match[3]) }] : [];
  });
}

describe('the sample pack, exported from the command line', () => {
  const file = path.join(folder, 'sample.pdf');
  let pages: string[];

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/export.ts'), '--sample', '--out', file], { stdio: 'pipe' });
    pages = pageTexts(file);
  }, 120_000);

  it('prints a contents page whose every number is the page where that section’s heading is', () => {
    const entries = contentsEntries(pages);
    expect(entries.map((entry) => entry.title)).toEqual(
      expect.arrayContaining(['Secretary General Stoltenberg – President Yoon', 'Cybersecurity', 'Timeline', 'Biographies', 'Sources']),
    );
    expect(entries).toHaveLength(2 + 11 + 3);
    for (const entry of entries) {
      // A long heading wraps onto two lines: compare with the page's text with its line breaks as spaces.
      const headingPages = pages.flatMap((text, index) =>
        index > 1 && nonEmptyLines(text).join(' ').replace(/\s+/g, ' ').includes(`${entry.mark} ${entry.title}`) ? [index + 1] : [],
      );
      expect(headingPages, entry.title).toEqual([entry.page]);
    }
  });

  it('links every contents entry to its section’s page, and has a bookmark for every section', async () => {
    const structure = await readStructure(fs.readFileSync(file));
    const entries = contentsEntries(pages);
    const contentsLinks = structure.links.filter((link) => link.onPage === 2);
    expect(contentsLinks.map((link) => link.toPage)).toEqual(entries.map((entry) => entry.page));
    expect(structure.outline.map((item) => [item.title, item.page])).toEqual([
      ['Cover', 1],
      ['Contents', 2],
      ...entries.map((entry) => [`${entry.mark} ${entry.title}`, entry.page]),
    ]);
    expect(structure.pageCount).toBe(pages.length);
  });

  it('carries the banner at the top and bottom and “page X of Y” on every page', () => {
    pages.forEach((text, index) => {
      const lines = nonEmptyLines(text);
      expect(lines[0], `page ${index + 1}`).toBe('NATO UNCLASSIFIED');
      expect(lines.at(-1), `page ${index + 1}`).toBe('NATO UNCLASSIFIED');
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(text).toContain('Korea–NATO partnership: NATO Summit, Vilnius 2023');
    });
  });

  it('keeps Hangul and Latin names as text, and sets the document title and author', () => {
    const text = pages.join('\n');
    for (const name of ['윤석열', 'Yoon Suk Yeol', 'Jens Stoltenberg']) expect(text).toContain(name);
    // The spokesperson is quoted in a press line but takes part in none of the meetings: no biography for him.
    expect(text).not.toContain('이도운');
    expect(text).not.toContain('Presidential spokesperson, Republic of Korea');
    const info = pdfInfo(file);
    expect(info.Title).toBe('(NU) Korea–NATO partnership: NATO Summit, Vilnius 2023');
    expect(info.Author).toBe('Sherpa');
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toContain('(A4)');
  });

  it('is saved as page images for a person to look at', () => {
    fs.mkdirSync(screenshots, { recursive: true });
    for (const page of [1, 2, 3, pages.length - 1]) {
      execFileSync('pdftoppm', [
        '-r',
        '70',
        '-png',
        '-singlefile',
        '-f',
        String(page),
        '-l',
        String(page),
        file,
        path.join(screenshots, `sample-page-${page}`),
      ]);
      expect(fs.statSync(path.join(screenshots, `sample-page-${page}.png`)).size).toBeGreaterThan(10_000);
    }
  });
});

describe('a pack with marked items, a note holding markup, on Letter paper, for a named recipient', () => {
  const db = sampleStore();
  const [meeting, allies] = meetings.all(db, 'ORDER BY id');
  if (!meeting || !allies) throw new Error('sample meetings missing');
  const yoon = people.all(db, "WHERE name = 'Yoon Suk Yeol'")[0];
  if (!yoon) throw new Error('sample person missing');
  meetings.update(db, allies.id, { classification: 'NATO RESTRICTED' });
  meetings.update(db, meeting.id, { press: 'unknown' });
  // Spaces alone, as saved before one-line fields were trimmed: printed as no owner.
  followUps.insert(db, {
    meetingId: meeting.id,
    description: 'Send the readout to Seoul',
    owner: '   ',
    dueOn: null,
    status: 'open',
    classification: 'NATO UNCLASSIFIED',
  });
  people.update(db, yoon.id, { classification: 'NATO CONFIDENTIAL' });
  createNote(
    db,
    { sectorEntryId: null, meetingId: meeting.id },
    {
      title: 'Handling <b>note</b>',
      body: 'Check <script>alert("x")</script> and <b>bold</b> & <i>this</i>.',
      tags: [],
      classification: 'NATO RESTRICTED',
    },
  );
  createNote(
    db,
    { sectorEntryId: null, meetingId: meeting.id },
    {
      title: 'Arrival plan',
      body: '# Logistics\n\nMeet **Sipho** at the [gate](https://example.org/gate).\n\n- Bring *badges*\n\n![venue map](https://example.org/map.png)',
      tags: [],
      classification: 'NATO UNCLASSIFIED',
    },
  );
  const sector = listProgrammes(db).flatMap((programme) => listSectors(db, programme.id))[0];
  // A source whose location is one long unbroken token: it must wrap inside its table cell, not run off the page.
  const longLocation = `file:///${'verylongpathsegment/'.repeat(12)}brief.pdf`;
  const wideSource = sources.insert(db, {
    title: 'Test source with a long location',
    publisher: 'Desk',
    location: longLocation,
    publishedOn: null,
    note: '',
    classification: 'NATO UNCLASSIFIED',
  });
  sectorEntries.insert(db, {
    sectorId: sector?.id ?? 0,
    occurredOn: '2023-07-12',
    title: 'Test entry citing the long location',
    body: '',
    sourceId: wideSource,
    sourceExcerpt: '',
    classification: 'NATO UNCLASSIFIED',
  });
  const definition: PackDefinition = {
    title: 'Vilnius pocket pack',
    recipient: 'Seoul desk',
    summitId: meeting.summitId,
    principalId: null,
    paper: 'a4',
    sections: [
      { kind: 'meeting', meetingId: meeting.id, form: 'full' },
      { kind: 'meeting', meetingId: allies.id, form: 'pocket' },
      { kind: 'sector', sectorId: sector?.id ?? 0 },
      { kind: 'biographies', personIds: [yoon.id] },
      { kind: 'sources' },
    ],
  };
  const file = path.join(folder, 'marked.pdf');
  let pages: string[];

  beforeAll(async () => {
    savePack(db, 'Pocket pack', definition);
    const result = await exportPack(db, engine, {
      packName: 'Pocket pack',
      definition,
      outPath: file,
      paper: 'letter',
      copyFor: 'Kim 민지',
      clock: () => new Date('2023-07-10T08:00:00Z'),
    });
    expect(result.banner).toBe('NATO CONFIDENTIAL');
    expect(result.copyNumber).toBe(1);
    pages = pageTexts(file);
    expect(result.pages).toBe(pages.length);
  }, 120_000);

  it('prints the highest level included as the banner of every page, and each section’s own portion mark', () => {
    for (const text of pages) {
      const lines = nonEmptyLines(text);
      expect(lines[0]).toBe('NATO CONFIDENTIAL');
      expect(lines.at(-1)).toBe('NATO CONFIDENTIAL');
    }
    const entries = contentsEntries(pages);
    expect(entries.map((entry) => `${entry.mark} ${entry.title}`)).toEqual([
      // President Yoon takes part in both meetings, and his (NC) marking raises theirs.
      '(NC) Secretary General Stoltenberg – President Yoon',
      '(NC) President Yoon – leaders of seven NATO allies (bilateral summits)',
      '(NU) Dialogue and consultation',
      '(NC) Biographies',
      '(NU) Sources',
    ]);
  });

  it('prints a note’s markup as the literal text the user typed', () => {
    const text = pages.join('\n');
    expect(text).toContain('Check <script>alert("x")</script> and <b>bold</b> & <i>this</i>.');
    expect(text).toContain('(NR) Handling <b>note</b>');
  });

  it('names the press access and a follow-up’s status as the app does, not as stored', () => {
    const lines = pages.flatMap(nonEmptyLines);
    expect(lines.find((line) => line.startsWith('Press '))).toMatch(/^Press\s+Not known$/);
    const action = lines.find((line) => line.includes('Send the readout to Seoul'));
    expect(action).toMatch(/Send the readout to Seoul\s+—\s+—\s+Open/);
  });

  it('prints a note’s Markdown rendered as the app shows it: a link shows its address, an image its alt text', () => {
    const lines = pages.flatMap(nonEmptyLines);
    const text = lines.join('\n');
    expect(lines).toContain('Logistics');
    expect(text).toContain('Meet Sipho at the gate ⟨https://example.org/gate⟩.');
    // A list item's bullet is drawn by the list, not written into the text.
    expect(lines).toContain('Bring badges');
    expect(text).toContain('[image: venue map]');
    expect(text).not.toContain('**');
    expect(text).not.toContain('*badges*');
    expect(text).not.toContain('# Logistics');
    expect(text).not.toContain('](');
  });

  it('stamps every page with the copy, on Letter paper', async () => {
    for (const text of pages) expect(text).toMatch(/Copy 1 · for \([A-Z]+\) Kim 민지 · 10 July 2023/);
    const structure = await readStructure(fs.readFileSync(file));
    for (const size of structure.pageSizes) expect([Math.round(size.width), Math.round(size.height)]).toEqual([612, 792]);
    expect(listIssuedCopies(db, 'Pocket pack')).toEqual([{ copyNumber: 1, recipient: 'Kim 민지', issuedAt: '2023-07-10T08:00:00.000Z' }]);
    expect(nextCopyNumber(db, 'Pocket pack')).toBe(2);
  });

  it('wraps a long unbroken location inside its table cell instead of cutting it off', () => {
    const sourcesPage = pages.find((text) => text.includes('Publisher') && text.includes('Where')) ?? '';
    expect(sourcesPage.replace(/\s+/g, '')).toContain(longLocation);
    const longestLine = Math.max(...sourcesPage.split('\n').map((line) => line.trim().length));
    expect(longestLine).toBeLessThan(longLocation.length);
  });

  it('fits the pocket card on one page', () => {
    const cardPages = pages.filter((text) => text.includes('Pocket card') && text.includes('leaders of seven NATO allies'));
    expect(cardPages.length).toBeGreaterThanOrEqual(1);
    const entries = contentsEntries(pages);
    const card = entries[1];
    const next = entries[2];
    expect(next && card && next.page - card.page).toBe(1);
  });
});

describe('a pack under a Korean classification scheme', () => {
  it('prints the Korean banner, in Hangul, at the top and bottom of every page', async () => {
    const db = sampleStore();
    writeSetting(db, 'settings', {
      classificationScheme: {
        name: 'Korea',
        levels: [
          { name: '평문', portion: '평' },
          { name: '대외비', portion: '대' },
          { name: '3급 비밀', portion: '3급' },
        ],
      },
    });
    const [meeting] = meetings.all(db, 'ORDER BY id');
    if (!meeting) throw new Error('sample meeting missing');
    meetings.update(db, meeting.id, { classification: '대외비' });
    // The desk marks the sample's summit, events and people again in its own scheme: a NATO level is not one of Korea's.
    db.prepare("UPDATE summit SET classification = '평문'").run();
    db.prepare("UPDATE person SET classification = '평문'").run();
    db.prepare("UPDATE timeline_event SET classification = '평문'").run();
    const file = path.join(folder, 'korean.pdf');
    const result = await exportPack(db, engine, {
      packName: '회담 자료',
      definition: {
        title: '빌뉴스 정상회의 회담 자료',
        recipient: '',
        summitId: meeting.summitId,
        principalId: null,
        paper: 'a4',
        sections: [{ kind: 'meeting', meetingId: meeting.id, form: 'pocket' }, { kind: 'timeline' }],
      },
      outPath: file,
    });
    expect(result.banner).toBe('대외비');
    const pages = pageTexts(file);
    for (const text of pages) {
      const lines = nonEmptyLines(text);
      expect(lines[0]).toBe('대외비');
      expect(lines.at(-1)).toBe('대외비');
      expect(text).toContain('빌뉴스 정상회의 회담 자료');
    }
    // The timeline lists the meeting (대외비) among its dates, so it is marked as high as the meeting.
    expect(contentsEntries(pages).map((entry) => entry.mark)).toEqual(['(대)', '(대)']);
    expect(pdfInfo(file).Title).toBe('(대) 빌뉴스 정상회의 회담 자료');
  }, 60_000);
});

describe('a failed or cancelled export', () => {
  const db = sampleStore();
  const definition = samplePackDefinition(db);

  it('stops when cancelled and leaves no file, not even a temporary one', async () => {
    const target = path.join(folder, 'cancelled', 'pack.pdf');
    fs.mkdirSync(path.dirname(target));
    const controller = new AbortController();
    const attempt = exportPack(db, engine, {
      packName: samplePackName,
      definition,
      outPath: target,
      signal: controller.signal,
      onProgress: (progress) => progress.step === 'layout' && controller.abort(),
    });
    await expect(attempt).rejects.toThrow(ExportCancelledError);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });

  it('says which folder it cannot write to, before printing anything', async () => {
    const target = path.join(folder, 'no-such-folder', 'pack.pdf');
    let prints = 0;
    const counting: PdfEngine = {
      name: engine.name,
      print: (html, options) => {
        prints += 1;
        return engine.print(html, options);
      },
      close: async () => {},
    };
    await expect(exportPack(db, counting, { packName: samplePackName, definition, outPath: target })).rejects.toThrow(
      /the folder .*no-such-folder does not exist/,
    );
    expect(prints).toBe(0);
  });

  it('leaves an existing file at the target untouched when the export fails', async () => {
    const target = path.join(folder, 'kept.pdf');
    fs.writeFileSync(target, 'the earlier export');
    const broken = { ...definition, sections: [{ kind: 'meeting' as const, meetingId: 9999, form: 'full' as const }] };
    await expect(exportPack(db, engine, { packName: samplePackName, definition: broken, outPath: target })).rejects.toThrow(
      /No meeting with id 9999/,
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('the earlier export');
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
