import type { Migration } from './index.ts';

// Markings on every record that prints text (issue 10): timeline events,
// follow-up actions, summits and sources had no marking, so a pack holding
// only the timeline took the scheme's lowest level as its banner and printed
// those rows without a portion mark. Each gains a `classification` column;
// '' reads as unmarked (never the lowest level), so no record a desk wrote
// claims a marking nobody gave it.
// The bundled sample's rows are the exception: they quote one public article,
// and the sample marks everything it quotes NATO UNCLASSIFIED. Only rows citing
// that article (same title and location, written out so the migration never
// changes) are marked, and only while still unmarked.
const sampleArticle = {
  title: 'South Korea: ‘Tailored partnership’ with NATO to boost security cooperation',
  location: 'rok-nato-itpp-vilnius-2023.txt (bundled with Sherpa)',
};
const publicMarking = 'NATO UNCLASSIFIED';

export const markingsOnEveryText: Migration = {
  version: 260,
  name: 'markings on timeline events, follow-up actions, summits and sources',
  up(db) {
    db.exec(`
      ALTER TABLE timeline_event ADD COLUMN classification TEXT NOT NULL DEFAULT '';
      ALTER TABLE follow_up ADD COLUMN classification TEXT NOT NULL DEFAULT '';
      ALTER TABLE summit ADD COLUMN classification TEXT NOT NULL DEFAULT '';
      ALTER TABLE source ADD COLUMN classification TEXT NOT NULL DEFAULT '';
    `);
    const article = 'SELECT id FROM source WHERE title = @title AND location = @location';
    const params = { ...sampleArticle, marking: publicMarking };
    db.prepare(`UPDATE source SET classification = @marking WHERE id IN (${article}) AND classification = ''`).run(params);
    for (const table of ['summit', 'timeline_event']) {
      db.prepare(`UPDATE ${table} SET classification = @marking WHERE source_id IN (${article}) AND classification = ''`).run(params);
    }
  },
};
