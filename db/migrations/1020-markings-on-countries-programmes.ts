import type { Migration } from './index.ts';

// Countries and programmes carry prose (a country's note, a programme's
// description) and had no marking, so that prose showed with no portion mark
// at all. Each gains a `classification` column; '' reads as unmarked, never as
// the lowest level, so no note a desk wrote claims a marking nobody gave it.
// As in 0260, only the bundled sample's rows citing its public article are
// marked (same title and location, written out so the migration never
// changes), and only while still unmarked.
const sampleArticle = {
  title: 'South Korea: ‘Tailored partnership’ with NATO to boost security cooperation',
  location: 'rok-nato-itpp-vilnius-2023.txt (bundled with Sherpa)',
};
const publicMarking = 'NATO UNCLASSIFIED';

export const markingsOnCountriesProgrammes: Migration = {
  version: 1020,
  name: 'markings on countries and programmes',
  up(db) {
    db.exec(`
      ALTER TABLE country ADD COLUMN classification TEXT NOT NULL DEFAULT '';
      ALTER TABLE programme ADD COLUMN classification TEXT NOT NULL DEFAULT '';
    `);
    const article = 'SELECT id FROM source WHERE title = @title AND location = @location';
    for (const table of ['country', 'programme']) {
      db.prepare(`UPDATE ${table} SET classification = @marking WHERE source_id IN (${article}) AND classification = ''`).run({
        ...sampleArticle,
        marking: publicMarking,
      });
    }
  },
};
