import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { gatherPackContent } from '../packContent.ts';
import { samplePackDefinition } from '../samplePack.ts';
import { renderPackHtml } from './packDocument.ts';

// A Canadian desk's cover, its summit's long title beside the dates, printed "31 October 2026 – 2" and, on the next
// line, "November 2026": each date now stays whole, and the line may break only at the range's dash.

describe('the cover’s summit dates', () => {
  it('keep each date on one line, breaking only beside the dash', () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    db.prepare("UPDATE summit SET title = ?, start_date = '2026-10-31', end_date = '2026-11-02'").run(
      'XXe Sommet de la Francophonie, Siem Reap 2026 (fictif)',
    );
    for (const language of ['en', 'ko'] as const) {
      const content = gatherPackContent(db, samplePackDefinition(db), {
        scheme: presetSchemes.nato,
        homeTimeZone: 'America/Toronto',
        preparedOn: '2026-10-20',
        language,
      });
      const html = renderPackHtml(content, { author: 'Pupitre' });
      // The dates' text, without the spans that keep each Korean word whole.
      const dates = html.match(/class="cover-dates">(.*?)<\/p>/)?.[1]?.replace(/<[^>]*>/g, '');
      expect(dates).toBe(
        language === 'en'
          ? '31\u00a0October\u00a02026 – 2\u00a0November\u00a02026'
          : '2026년\u00a010월\u00a031일 – 2026년\u00a011월\u00a02일',
      );
    }
    db.close();
  });
});
