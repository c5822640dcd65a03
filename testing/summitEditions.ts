import type { Db } from '../db/open.ts';
import { summits } from '../db/summits.ts';

/**
 * One edition of a summit a desk titles alike every year ("Cumbre Iberoamericana" in Cuenca, then Madrid), one day
 * long, for the tests of what tells editions apart (renderer/src/records/summitLabels.ts).
 */
export function addEdition(db: Db, city: string, day: string): number {
  return summits.insert(db, {
    classification: 'NATO UNCLASSIFIED',
    title: 'Cumbre Iberoamericana',
    city,
    countryId: null,
    startDate: day,
    endDate: day,
    timeZone: 'Europe/Madrid',
    description: '',
    sourceId: null,
  });
}
