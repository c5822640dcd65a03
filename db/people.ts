import type { Country, ListStart, Person, Source } from '../shared/domain.ts';
import type { Db } from './open.ts';
import { statement, table } from './sql.ts';

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
  return people.all(db, 'ORDER BY name_key, name, id');
}

/** Everyone in any meeting of a summit (participant or counterpart), once each, by name. */
export function listPeopleOfSummit(db: Db, summitId: number): Person[] {
  return people.all(
    db,
    `WHERE id IN (SELECT mp.person_id FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id WHERE m.summit_id = ?)
        OR id IN (SELECT counterpart_id FROM meeting WHERE summit_id = ?)
     ORDER BY name_key, name, id`,
    summitId,
    summitId,
  );
}

export function listCountries(db: Db): Country[] {
  return countries.all(db, 'ORDER BY kind, name_key, name');
}

export function listSources(db: Db): Source[] {
  return sources.all(db, 'ORDER BY title_key, title, id');
}

/**
 * How many people attend a summit's meetings, and the `shown` a summit view
 * paints first, by name: the counterparts of its earliest meetings, then the
 * other participants of those meetings. Each list stops after `shown` people,
 * so the work does not grow with the thousands a big summit can gather
 * (listPeopleOfSummit reads them all, when the user opens the list).
 */
export function peopleOfSummitStart(db: Db, summitId: number, shown: number): ListStart<Person> {
  const { total } = statement(
    db,
    `SELECT count(*) AS total FROM (
       SELECT mp.person_id FROM meeting m JOIN meeting_participant mp ON mp.meeting_id = m.id WHERE m.summit_id = ?
       UNION SELECT counterpart_id FROM meeting WHERE summit_id = ? AND counterpart_id IS NOT NULL)`,
  ).get(summitId, summitId) as { total: number };
  // In the order of meeting_by_summit (summit, start, id), so SQLite stops reading at the limit instead of sorting the summit.
  const counterparts = statement(
    db,
    `SELECT DISTINCT counterpart_id FROM meeting WHERE summit_id = ? AND counterpart_id IS NOT NULL ORDER BY starts_at, id LIMIT ?`,
  )
    .pluck()
    .all(summitId, shown) as number[];
  const participants = statement(
    db,
    `SELECT DISTINCT mp.person_id FROM meeting m JOIN meeting_participant mp ON mp.meeting_id = m.id
     WHERE m.summit_id = ? ORDER BY m.starts_at, m.id LIMIT ?`,
  )
    .pluck()
    .all(summitId, shown) as number[];
  const firstIds = [...new Set([...counterparts, ...participants])].slice(0, shown);
  return {
    total,
    first: people.all(db, 'WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name_key, name, id', JSON.stringify(firstIds)),
  };
}
