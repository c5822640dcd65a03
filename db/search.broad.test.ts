import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './open.ts';
import { people } from './people.ts';
import { rankedMatchLimit, search } from './search.ts';
import { summits } from './summits.ts';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const summit = (title: string, description: string) =>
  summits.insert(db, {
    title,
    city: '',
    countryId: null,
    startDate: '2024-01-01',
    endDate: '2024-01-01',
    timeZone: 'UTC',
    description,
    sourceId: null,
  });

describe('a search matching more rows than are ranked', () => {
  it('still lists title matches first, then the newest body matches, each once', () => {
    const inTitle = summit('Maritime security dialogue', 'Talks covered energy.');
    const bodies = Array.from({ length: rankedMatchLimit + 5 }, (_, index) =>
      summit(`Meeting ${index}`, 'Talks covered maritime patrols.'),
    );
    const hits = search(db, { text: 'mari', limit: 20 });
    expect(hits).toHaveLength(20);
    expect(hits[0]?.id).toBe(inTitle);
    expect(hits.slice(1).map((hit) => hit.id)).toEqual(bodies.slice(-19).reverse());
  });

  it('finds the few matches of the kind asked for among many of other kinds', () => {
    const advisers = ['Adviser on maritime law', 'Maritime attaché', 'Naval adviser'].map((title) =>
      people.insert(db, {
        name: title,
        nativeName: '',
        title,
        countryId: null,
        biography: 'Works on maritime patrols.',
        classification: '',
        sourceId: null,
      }),
    );
    for (let index = 0; index <= rankedMatchLimit; index++) summit(`Meeting ${index}`, 'Talks covered maritime patrols.');
    const hits = search(db, { text: 'maritime', kinds: ['person'], limit: 20 });
    expect(hits.map((hit) => hit.id).sort()).toEqual([...advisers].sort());
  });
});
