import type { Country, Person, Source } from '../shared/domain.ts';
import type { Db } from './open.ts';
import { table } from './sql.ts';

export const people = table<Person>({
  table: 'person',
  kind: 'person',
  touch: true,
  columns: {
    id: 'id',
    name: 'name',
    nativeName: 'native_name',
    title: 'title',
    countryId: 'country_id',
    biography: 'biography',
    classification: 'classification',
    sourceId: 'source_id',
  },
});

export const countries = table<Country>({
  table: 'country',
  kind: 'country or organisation',
  touch: false,
  columns: {
    id: 'id',
    name: 'name',
    nativeName: 'native_name',
    kind: 'kind',
    note: 'note',
    sourceId: 'source_id',
    classification: 'classification',
  },
});

export const sources = table<Source>({
  table: 'source',
  kind: 'source',
  touch: true,
  columns: {
    id: 'id',
    title: 'title',
    publisher: 'publisher',
    location: 'location',
    publishedOn: 'published_on',
    note: 'note',
    classification: 'classification',
  },
});

export function listPeople(db: Db): Person[] {
  return people.all(db, 'ORDER BY name, id');
}

/** Everyone in any meeting of a summit (participant or counterpart), once each, by name. */
export function listPeopleOfSummit(db: Db, summitId: number): Person[] {
  return people.all(
    db,
    `WHERE id IN (SELECT mp.person_id FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id WHERE m.summit_id = ?)
        OR id IN (SELECT counterpart_id FROM meeting WHERE summit_id = ?)
     ORDER BY name, id`,
    summitId,
    summitId,
  );
}

export function listCountries(db: Db): Country[] {
  return countries.all(db, 'ORDER BY kind, name');
}

export function listSources(db: Db): Source[] {
  return sources.all(db, 'ORDER BY title, id');
}
