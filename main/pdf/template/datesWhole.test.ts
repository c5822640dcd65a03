import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { gatherPackContent } from '../packContent.ts';
import { samplePackDefinition } from '../samplePack.ts';
import { renderPackHtml } from './packDocument.ts';
import { footerTemplate, headerTemplate } from './pageFurniture.ts';

// Every date the pack prints, and every time with its zone, stays whole on its line, as the cover's summit dates
// now do: a narrow timeline or follow-up cell printed "30 September" over "2026", a key-details line "01:30" at its
// end and "EDT" below, which in the hour Ottawa's clocks pass twice says nothing. Read from the rendered HTML, with
// ~ for each no-break space and the spans that keep a Korean word whole taken out.

const printed = (text: string) => text.replaceAll('~', '\u00a0');
const textOf = (html: string) => html.replace(/<[^>]*>/g, '');

function renderSample(language: 'en' | 'ko') {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  db.prepare("UPDATE summit SET start_date = '2026-09-29', end_date = '2026-09-30'").run();
  const meeting = db.prepare('SELECT id FROM meeting ORDER BY id LIMIT 1').get() as { id: number };
  // 01:30 in Ottawa, the first time that night (EDT), for 90 minutes: it ends at 02:00 EST, the clocks turned back
  // meanwhile; the venue's zone the home zone, and Vilnius, where the summit is, already on winter time.
  db.prepare(
    "UPDATE meeting SET starts_at = '2026-11-01T05:30:00.000Z', start_time_known = 1, time_zone = 'America/Toronto', duration_minutes = 90",
  ).run();
  db.prepare(
    "INSERT INTO follow_up (meeting_id, description, owner, due_on) VALUES (?, 'Send the text of the joint statement', 'Desk', '2026-09-30')",
  ).run(meeting.id);
  db.prepare("UPDATE source SET published_on = '2026-09-30'").run();
  db.prepare("UPDATE sector_entry SET occurred_on = '2026-09-30'").run();
  const definition = samplePackDefinition(db);
  const content = gatherPackContent(
    db,
    {
      ...definition,
      sections: definition.sections.map((section) =>
        section.kind === 'timeline' ? { ...section, from: '2026-09-01', to: '2026-11-30' } : section,
      ),
    },
    { scheme: presetSchemes.nato, homeTimeZone: 'America/Toronto', preparedOn: '2026-09-30', language },
  );
  const html = renderPackHtml(content, { author: 'Pupitre' });
  db.close();
  return html.slice(html.indexOf('<body'));
}

const en = renderSample('en');
const ko = renderSample('ko');
const day = { en: printed('30~September~2026'), ko: printed('2026년~9월~30일') };

describe('dates in the printed pack', () => {
  it('keeps the meeting’s date, and its time with its zone, whole in its key details', () => {
    const when = (html: string) =>
      textOf(/<tr><th scope="row">(?:When|<span class="ko-word">일시<\/span>)<\/th><td>(.*?)<\/td>/.exec(html)?.[1] ?? '');
    expect(when(en)).toBe(printed('1~November~2026, 01:30~EDT – 02:00~EST (venue); 07:30~EET – 09:00~EET (summit)'));
    expect(when(ko)).toBe(printed('2026년~11월~1일, 01:30~EDT – 02:00~EST (현지); 07:30~EET – 09:00~EET (정상회의)'));
  });

  it('keeps each date whole in the timeline’s date cells and in its caption', () => {
    for (const [html, language] of [
      [en, 'en'],
      [ko, 'ko'],
    ] as const) {
      const timeline = textOf(html.slice(html.indexOf('pack-section timeline')));
      expect(timeline).toContain(day[language]);
      expect(timeline).toContain(
        language === 'en' ? printed('From 1~September~2026 to 30~November~2026.') : printed('2026년~9월~1일부터 2026년~11월~30일까지.'),
      );
    }
  });

  it('keeps the meeting’s duration whole in its key details', () => {
    const duration = (html: string) =>
      textOf(
        [...html.matchAll(/<tr><th scope="row">(.*?)<\/th><td>(.*?)<\/td>/g)].find(([, label]) =>
          ['Duration', '소요 시간'].includes(textOf(label ?? '')),
        )?.[2] ?? '',
      );
    expect(duration(en)).toBe(printed('1~h~30~min'));
    expect(duration(ko)).toBe(printed('1시간~30분'));
  });

  it('keeps a follow-up’s due date whole in its cell', () => {
    expect(en).toMatch(new RegExp(`<td>${day.en}</td><td>Open</td>`));
    expect(textOf(ko)).toContain(`Desk${day.ko}`);
  });

  it('keeps the dates of sector entries, sources and the cover whole', () => {
    for (const [html, language] of [
      [en, 'en'],
      [ko, 'ko'],
    ] as const) {
      const text = textOf(html);
      expect(text).toContain(`${day[language]} — `);
      expect(textOf(html.slice(html.indexOf('pack-section sources')))).toContain(`(${day[language]})`);
      expect(textOf(html.slice(html.indexOf('class="cover"'), html.indexOf('pack-section toc')))).toContain(
        language === 'en' ? printed('29~September~2026 – 30~September~2026') : printed('2026년~9월~29일 – 2026년~9월~30일'),
      );
    }
  });
});

describe('dates in the running header and footer', () => {
  const furniture = (language: 'en' | 'ko') => ({
    banner: 'NATO UNCLASSIFIED',
    packTitle: 'Vilnius pack',
    titleMark: '(NU)',
    preparedOn: '2026-09-30',
    language,
    copy: { recipient: 'Ambassador Kim', number: 3, issuedOn: '2026-09-30' },
  });

  it('keeps the copy’s date and the date prepared whole', () => {
    expect(textOf(headerTemplate(furniture('en')))).toContain(`· ${day.en}`);
    expect(textOf(footerTemplate(furniture('en')))).toContain(`Prepared ${day.en}`);
    expect(textOf(headerTemplate(furniture('ko')))).toContain(`· ${day.ko}`);
    expect(textOf(footerTemplate(furniture('ko')))).toContain(`작성일 ${day.ko}`);
    // No Korean-word spans in the page templates: the whole line is kept, or "2026" could end a line before "년".
    expect(footerTemplate(furniture('ko'))).toContain(`<span style="white-space:nowrap">작성일 ${day.ko}</span>`);
  });
});
