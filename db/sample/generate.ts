import { type MeetingFormat, meetingFormats, meetingStatuses, pressAccess } from '../../shared/domain.ts';
import { sortKey } from '../../shared/sortKey.ts';
import { deferredNoteSearch } from '../migrations/0080-deferred-note-search.ts';
import { markingsOnEveryText } from '../migrations/0260-markings-on-timeline-follow-ups-summits.ts';
import { nameSortKeys } from '../migrations/1590-name-sort-keys.ts';
import { schemaVersion } from '../migrations/index.ts';
import type { Db } from '../open.ts';
import { indexPendingSearch } from '../search.ts';
import { statement } from '../sql.ts';
import { writePendingNoteRevisions } from '../sync/pendingNotes.ts';
import {
  compose,
  counterpartTitles,
  createRandom,
  fictionalCountries,
  fictionalPerson,
  foreignGivenNames,
  foreignSurnames,
  forumNames,
  hostCities,
  koreanGivenNames,
  koreanSurnames,
  ourTitles,
  projectCode,
  sectorNames,
  type TextContext,
  tagWords,
} from './benchmarkText.ts';

// A synthetic store at a desk's scale, for the benchmark. Every name in it is
// fictional (see benchmarkText.ts) and every source row says so. Nothing here
// reads the clock: the same seed and sizes give byte-identical content.

export interface DatasetSize {
  readonly summits: number;
  readonly meetings: number;
  readonly sectorEntries: number;
  /** Annotations on sector entries and meetings plus free-standing notes. */
  readonly annotations: number;
}

export interface DatasetOptions extends DatasetSize {
  readonly seed: number;
  /** Meetings of the busiest summit (the first); default 500, at most half of all meetings. */
  readonly largestSummitMeetings?: number;
  /**
   * Every this many annotations, one that falls on a meeting goes to the sample meeting (about one
   * in four draws falls on a meeting). Default 2,000, so its share grows with the store; the growth
   * benchmark scales it with the store (2,000 at 100,000) so a brief's own work stays the same.
   */
  readonly sampleMeetingEvery?: number;
}

/**
 * Bump when the same seed and sizes would give other content: the growth benchmark
 * keeps its large stores between runs under this version, the seed and the size.
 */
export const generatorVersion = 2;

/** What a desk that has used Sherpa for years holds. */
export const fullDataset: DatasetSize = { summits: 300, meetings: 6_000, sectorEntries: 50_000, annotations: 100_000 };
/** Small enough to generate and measure in seconds during development. */
export const quickDataset: DatasetSize = { summits: 30, meetings: 1_000, sectorEntries: 5_000, annotations: 10_000 };

export interface GeneratedDataset {
  readonly counts: Record<'sources' | 'countries' | 'people' | 'summits' | 'meetings' | 'programmes' | 'sectors', number> &
    Record<'sectorEntries' | 'annotations' | 'notes' | 'participants' | 'followUps' | 'timelineEvents', number>;
  /** The summit with the most meetings. */
  readonly largestSummitId: number;
  /** The sector with the most entries. */
  readonly busiestSectorId: number;
  /** A meeting of the largest summit with annotations, participants and follow-ups. */
  readonly sampleMeetingId: number;
}

const sectorsPerProgramme = sectorNames.length;
const epoch = Date.UTC(2012, 0, 1);
// Fictional data of no sensitivity: summits, sources, timeline events and follow-ups carry the lowest NATO level,
// a constant rather than a random pick so the generated store stays the same draw for draw as before they had markings.
const publicMarking = 'NATO UNCLASSIFIED';
const day = 86_400_000;

/** The tables migration 0260 gave a marking, left unmarked ('') on rows written before it. */
const markedSince0260 = ['summit', 'follow_up', 'timeline_event', 'source'] as const;

/**
 * A store generated at a schema before markings on every text (the benchmark
 * writes one at schema 20 to time the upgrade) holds summits, follow-ups,
 * timeline events and sources the upgrade rightly leaves unmarked, and a pack
 * refuses to print them. A desk marks them before its first pack; this gives
 * them the marking the generator writes at the current schema, so the upgraded
 * store holds what one generated at the current schema holds. Returns the rows marked.
 */
export function markRecordsGeneratedUnmarked(db: Db): number {
  if (schemaVersion(db) < markingsOnEveryText.version)
    throw new Error('Markings on every text come with schema 260: upgrade the store first.');
  return db.transaction(() =>
    markedSince0260.reduce(
      (marked, table) => marked + db.prepare(`UPDATE ${table} SET classification = ? WHERE classification = ''`).run(publicMarking).changes,
      0,
    ),
  )();
}

/** Generates the dataset into a migrated store, in one transaction. */
export function generateDataset(db: Db, options: DatasetOptions): GeneratedDataset {
  const generated = db.transaction(() => withSearchIndexedAfter(db, () => insertAll(db, options)))();
  // Saved notes wait to be indexed for search (migration 0080); a generated store starts fully indexed.
  if (schemaVersion(db) >= deferredNoteSearch.version) indexPendingSearch(db);
  // Their replication revisions were written as they were inserted, but the store, migrated empty, took none of
  // them as written (2700: `note_saves_after` was left at no time at all), so every note waited by its time and a
  // start's first statement on the replication tables went through all of them. A desk takes its saves at every
  // start: the generated store is left as one leaves it (their texts unchanged, no revision is written again).
  writePendingNoteRevisions(db);
  return generated;
}

/**
 * Indexes the generated rows for search in one statement per table after they are all written,
 * in place of the per-row triggers (migration 0020) that index each as it is inserted: FTS5
 * takes rows in rowid order far faster (half the generator's time went to those triggers).
 * The triggers are put back exactly as they were, and the index holds the same rows.
 * Notes are left alone: since 0080 they are indexed in one batch anyway.
 */
function withSearchIndexedAfter<T>(db: Db, insert: () => T): T {
  const triggers = db
    .prepare(
      `SELECT name, tbl_name AS tableName, sql FROM sqlite_master
       WHERE type = 'trigger' AND name = tbl_name || '_search_insert' AND tbl_name != 'note' ORDER BY name`,
    )
    .all() as { name: string; tableName: string; sql: string }[];
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
  const result = insert();
  for (const trigger of triggers) {
    // The trigger's one INSERT … SELECT over NEW becomes the same SELECT over every row of its table.
    const body = trigger.sql
      .slice(trigger.sql.indexOf('BEGIN') + 'BEGIN'.length, trigger.sql.lastIndexOf('END'))
      .trim()
      .replace(/;$/, '')
      .replace(/\bNEW\./g, 'R.');
    db.exec(`${body} FROM ${trigger.tableName} AS R ORDER BY R.id`);
    db.exec(trigger.sql);
  }
  return result;
}

function insertAll(db: Db, options: DatasetOptions): GeneratedDataset {
  // Migration tests generate into older schemas, where these records have no marking yet.
  const marking =
    schemaVersion(db) >= markingsOnEveryText.version
      ? { column: ', classification', value: `, '${publicMarking}'` }
      : { column: '', value: '' };
  // Since 1590 each name is written with its sort key, as the store writes it.
  const keyed = schemaVersion(db) >= nameSortKeys.version;
  const keyColumn = (column: string) => (keyed ? `, ${column}` : '');
  const keyValue = keyed ? ', ?' : '';
  const keyOf = (text: string) => (keyed ? [sortKey(text)] : []);
  const random = createRandom(options.seed);
  const offsetOf = zoneOffsets();

  const sourceCount = Math.max(10, Math.ceil(options.summits / 2));
  const insertSource = statement(
    db,
    `INSERT INTO source (title, publisher, location, published_on, note, updated_at${marking.column}${keyColumn('title_key')})
     VALUES (?, ?, ?, ?, ?, ?${marking.value}${keyValue})`,
  );
  const sourceIds: number[] = [];
  for (let index = 1; index <= sourceCount; index++) {
    const published = isoDate(epoch + random.int(0, 5_000) * day);
    const title = `Synthetic benchmark source ${index}: ${random.pick(['cable', 'readout', 'report', 'press release', 'non-paper'])}`;
    sourceIds.push(
      Number(
        insertSource.run(
          title,
          random.pick(['Benchmark desk', 'Benchmark embassy', '벤치마크 공관']),
          `benchmark/source-${index}.txt`,
          published,
          'Generated for the benchmark: fictional, not real reporting.',
          `${published}T09:00:00.000Z`,
          ...keyOf(title),
        ).lastInsertRowid,
      ),
    );
  }

  const insertCountry = statement(
    db,
    `INSERT INTO country (name, native_name, kind, note, source_id${keyColumn('name_key')}) VALUES (?, ?, ?, ?, ?${keyValue})`,
  );
  const countryIds = fictionalCountries.map((country) =>
    Number(
      insertCountry.run(country.name, country.nativeName, country.kind, 'Fictional.', random.pick(sourceIds), ...keyOf(country.name))
        .lastInsertRowid,
    ),
  );
  const homeName = 'Home country (benchmark)';
  const home = Number(insertCountry.run(homeName, '본국', 'country', 'Fictional.', sourceIds[0], ...keyOf(homeName)).lastInsertRowid);

  const insertPerson = statement(
    db,
    `INSERT INTO person (name, native_name, title, country_id, biography, classification, source_id, updated_at${keyColumn('name_key')})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?${keyValue})`,
  );
  const personCount = Math.max(40, Math.ceil(options.meetings / 5));
  const ours: number[] = [];
  const theirs: { id: number; title: string; countryIndex: number }[] = [];
  for (let index = 0; index < personCount; index++) {
    const isOurs = index % 4 === 0;
    const korean = isOurs || random.chance(0.15);
    const [surname, nativeSurname] = random.pick(koreanSurnames);
    const [given, nativeGiven] = random.pick(koreanGivenNames);
    const name = korean ? `${surname} ${given}` : `${random.pick(foreignGivenNames)} ${random.pick(foreignSurnames)}`;
    const countryIndex = random.int(0, countryIds.length - 1);
    const title = isOurs ? random.pick(ourTitles) : random.pick(counterpartTitles);
    const since = 2005 + random.int(0, 20);
    const biography = korean
      ? `${since}년부터 현직. 이전 경력: 외교부 국장, 주요국 대사관 참사관. 발음: ${name}.`
      : `In office since ${since}. Previously ambassador and director for security policy; studied law and economics. Speaks English and French.`;
    const id = Number(
      insertPerson.run(
        name,
        korean ? `${nativeSurname}${nativeGiven}` : '',
        title,
        isOurs ? home : countryIds[countryIndex],
        biography,
        random.pick(['NATO UNCLASSIFIED', 'NATO UNCLASSIFIED', 'NATO RESTRICTED']),
        random.pick(sourceIds),
        `${2020 + random.int(0, 5)}-01-15T10:00:00.000Z`,
        ...keyOf(name),
      ).lastInsertRowid,
    );
    if (isOurs) ours.push(id);
    else theirs.push({ id, title, countryIndex });
  }

  const insertSummit = statement(
    db,
    `INSERT INTO summit (title, city, country_id, start_date, end_date, time_zone, description, source_id, updated_at${marking.column})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?${marking.value})`,
  );
  const summitRows: { id: number; start: number; days: number; city: string; timeZone: string; forum: string; countryIndex: number }[] = [];
  for (let index = 0; index < options.summits; index++) {
    const host = random.pick(hostCities);
    const countryIndex = random.int(0, countryIds.length - 1);
    const forum = random.pick(forumNames);
    const start = epoch + Math.floor((index / Math.max(1, options.summits)) * 5_800 + random.int(0, 15)) * day;
    const days = random.int(1, 3);
    const country = fictionalCountries[countryIndex]?.name ?? '';
    const id = Number(
      insertSummit.run(
        `${forum}, ${host.city} ${new Date(start).getUTCFullYear()} (#${index + 1})`,
        host.city,
        countryIds[countryIndex],
        isoDate(start),
        isoDate(start + (days - 1) * day),
        host.timeZone,
        `${forum} hosted by ${country} in ${host.city}. Delegations from about thirty partners; the agenda covers security, technology and trade. (Fictional benchmark data.)`,
        random.pick(sourceIds),
        `${isoDate(start)}T08:00:00.000Z`,
      ).lastInsertRowid,
    );
    summitRows.push({ id, start, days, city: host.city, timeZone: host.timeZone, forum, countryIndex });
  }

  const insertTimeline = statement(
    db,
    `INSERT INTO timeline_event (occurred_on, precision, title, description, summit_id, source_id, source_excerpt${marking.column})
     VALUES (?, ?, ?, ?, ?, ?, ?${marking.value})`,
  );
  let timelineEvents = 0;
  for (const summit of summitRows) {
    for (let event = random.int(2, 6); event > 0; event--) {
      insertTimeline.run(
        isoDate(summit.start - random.int(0, 400) * day),
        random.pick(['day', 'day', 'month']),
        random.pick(['Preparatory meeting of senior officials', 'Sherpa meeting', 'Draft declaration circulated', '고위관리회의']),
        `Step in the preparation of the ${summit.forum} in ${summit.city}.`,
        summit.id,
        random.pick(sourceIds),
        'Fictional benchmark excerpt.',
      );
      timelineEvents++;
    }
  }

  const insertMeeting = statement(
    db,
    `INSERT INTO meeting (summit_id, title, format, starts_at, start_time_known, duration_minutes, time_zone, venue, interpreters, press,
       purpose, objectives, their_asks, points_to_make, lines_to_take, defensive_points, background, sensitivities, protocol_notes,
       press_line, status, outcome, counterpart_id, classification, source_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertParticipant = statement(db, `INSERT INTO meeting_participant (meeting_id, person_id, side, role) VALUES (?, ?, ?, ?)`);
  const insertFollowUp = statement(
    db,
    `INSERT INTO follow_up (meeting_id, description, owner, due_on, status, updated_at${marking.column}) VALUES (?, ?, ?, ?, ?, ?${marking.value})`,
  );
  const largest = Math.min(options.largestSummitMeetings ?? 500, Math.floor(options.meetings / 2));
  const meetingIds: number[] = [];
  const meetingsOfLargest: number[] = [];
  let participants = 0;
  let followUps = 0;
  for (let index = 0; index < options.meetings; index++) {
    const summit =
      index < largest || summitRows.length === 1 ? summitRows[0] : summitRows[1 + ((index - largest) % Math.max(1, summitRows.length - 1))];
    if (!summit) break;
    const counterpart = random.pick(theirs);
    const country = fictionalCountries[counterpart.countryIndex]?.name ?? '';
    const context: TextContext = {
      country,
      counterpart: counterpart.title,
      sector: random.pick(sectorNames).toLowerCase(),
      city: summit.city,
      forum: summit.forum,
      year: new Date(summit.start).getUTCFullYear() + random.int(-3, 1),
      person: fictionalPerson(random),
      project: projectCode(random),
    };
    const korean = random.chance(0.3);
    const text = (kind: Parameters<typeof compose>[1], min: number, max: number) => compose(random, kind, korean, context, min, max);
    const format: MeetingFormat = random.pick(meetingFormats);
    const status = random.pick(meetingStatuses);
    const localMinutes = random.int(8 * 4, 19 * 4) * 15;
    const localMidnight = summit.start + random.int(0, summit.days - 1) * day;
    const startsAt = localMidnight + localMinutes * 60_000;
    const utc = startsAt - offsetOf(summit.timeZone, startsAt) * 60_000;
    const id = Number(
      insertMeeting.run(
        summit.id,
        `${format === 'bilateral' ? 'Bilateral' : format === 'working-dinner' ? 'Working dinner' : 'Meeting'} with the ${counterpart.title} of ${country}`.slice(
          0,
          200,
        ),
        format,
        new Date(utc).toISOString(),
        random.chance(0.9) ? 1 : 0,
        random.pick([20, 30, 30, 45, 60, 90]),
        summit.timeZone,
        `${random.pick(['Bilateral room', 'Delegation office', 'Hotel salon', 'Conference centre, room'])} ${random.int(1, 30)}, ${summit.city}`,
        random.pick(['Consecutive, both sides', 'Simultaneous (EN–KO)', 'None needed', '순차통역']),
        random.pick(pressAccess),
        text('purpose', 1, 2),
        text('objectives', 1, 3),
        text('theirAsks', 1, 3),
        text('pointsToMake', 2, 5),
        text('linesToTake', 1, 2),
        text('defensivePoints', 1, 2),
        text('background', 2, 4),
        text('sensitivities', 1, 2),
        text('protocolNotes', 1, 3),
        text('pressLine', 1, 2),
        status,
        status === 'held' ? text('outcome', 1, 3) : '',
        counterpart.id,
        random.pick(['NATO UNCLASSIFIED', 'NATO UNCLASSIFIED', 'NATO RESTRICTED', 'NATO CONFIDENTIAL']),
        random.pick(sourceIds),
        `${isoDate(summit.start)}T07:00:00.000Z`,
      ).lastInsertRowid,
    );
    meetingIds.push(id);
    if (summit === summitRows[0]) meetingsOfLargest.push(id);
    const delegation = [
      ...random.sample(ours, random.int(1, 3)),
      counterpart.id,
      ...random.sample(theirs, random.int(0, 2)).map((p) => p.id),
    ];
    for (const personId of new Set(delegation)) {
      const side = ours.includes(personId) ? 'ours' : 'theirs';
      insertParticipant.run(
        id,
        personId,
        side,
        personId === counterpart.id ? 'Head of delegation' : random.pick(['Adviser', 'Note-taker', '']),
      );
      participants++;
    }
    for (let action = random.int(0, 3); action > 0; action--) {
      insertFollowUp.run(
        id,
        korean
          ? random.pick(['회담 결과 보고서 작성 및 배포', '상대측에 후속 서한 발송', '실무그룹 위임사항 초안 작성'])
          : random.pick([
              'Send the readout to the embassy',
              'Draft terms of reference for the working group',
              'Reply on the secondment request',
            ]),
        random.pick(['Desk officer', 'Embassy', 'Legal division', '정책과']),
        isoDate(summit.start + random.int(7, 60) * day),
        random.pick(['open', 'open', 'done', 'dropped']),
        `${isoDate(summit.start)}T12:00:00.000Z`,
      );
      followUps++;
    }
  }

  const insertProgramme = statement(
    db,
    `INSERT INTO programme (code, name, partner_id, signed_on, sector_count, description, source_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSector = statement(
    db,
    `INSERT INTO sector (programme_id, name, position, summary, our_position, classification, source_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const programmeCount = Math.max(1, Math.ceil(options.sectorEntries / 2_500));
  const sectorIds: number[] = [];
  for (let index = 0; index < programmeCount; index++) {
    const countryIndex = index % countryIds.length;
    const programmeId = Number(
      insertProgramme.run(
        `BP-${String(index + 1).padStart(3, '0')}`,
        `Partnership programme with ${fictionalCountries[countryIndex]?.name ?? ''}`,
        countryIds[countryIndex],
        isoDate(epoch + random.int(0, 4_000) * day),
        sectorsPerProgramme,
        'Fictional programme generated for the benchmark.',
        random.pick(sourceIds),
      ).lastInsertRowid,
    );
    sectorNames.forEach((name, position) => {
      sectorIds.push(
        Number(
          insertSector.run(
            programmeId,
            name,
            position,
            `State of play of ${name.toLowerCase()} with this partner: regular expert talks, one exercise a year, a workplan reviewed annually.`,
            'We support deeper cooperation at a pace both sides can sustain.',
            random.pick(['NATO UNCLASSIFIED', 'NATO RESTRICTED']),
            random.pick(sourceIds),
          ).lastInsertRowid,
        ),
      );
    });
  }

  const insertEntry = statement(
    db,
    `INSERT INTO sector_entry (sector_id, occurred_on, title, body, source_id, source_excerpt, classification, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The first sector gets about three times its share, as a busy desk's main file does.
  const weights = sectorIds.map((_, index) => (index === 0 ? 3 : 0.5 + random.next()));
  const cumulative: number[] = [];
  weights.reduce((sum, weight, index) => {
    cumulative[index] = sum + weight;
    return sum + weight;
  }, 0);
  const totalWeight = cumulative.at(-1) ?? 1;
  const entryIds: number[] = [];
  const entriesPerSector = new Map<number, number>();
  for (let index = 0; index < options.sectorEntries; index++) {
    const target = random.next() * totalWeight;
    const sectorIndex = Math.max(
      0,
      cumulative.findIndex((bound) => bound > target),
    );
    const sectorId = sectorIds[sectorIndex] ?? sectorIds[0] ?? 0;
    entriesPerSector.set(sectorId, (entriesPerSector.get(sectorId) ?? 0) + 1);
    const korean = random.chance(0.3);
    const occurred = epoch + random.int(0, 5_400) * day;
    const context: TextContext = {
      country: random.pick(fictionalCountries).name,
      counterpart: random.pick(counterpartTitles),
      sector: (sectorNames[sectorIndex % sectorsPerProgramme] ?? '').toLowerCase(),
      city: random.pick(hostCities).city,
      forum: random.pick(forumNames),
      year: new Date(occurred).getUTCFullYear(),
      person: fictionalPerson(random),
      project: projectCode(random),
    };
    const body = compose(random, 'entry', korean, context, 2, 5);
    entryIds.push(
      Number(
        insertEntry.run(
          sectorId,
          isoDate(occurred),
          body.split(/(?<=[.다함음])\s/)[0]?.slice(0, 120) || 'Entry',
          body,
          random.pick(sourceIds),
          compose(random, 'entry', korean, context, 1, 1),
          random.pick(['NATO UNCLASSIFIED', 'NATO UNCLASSIFIED', 'NATO UNCLASSIFIED', 'NATO RESTRICTED']),
          `${isoDate(occurred)}T16:00:00.000Z`,
        ).lastInsertRowid,
      ),
    );
  }

  const insertNote = statement(
    db,
    `INSERT INTO note (sector_entry_id, meeting_id, title, body, tags, classification, version, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertRevision = statement(
    db,
    `INSERT INTO note_revision (note_id, version, title, body, tags, classification, saved_at) VALUES (?, 1, ?, ?, ?, ?, ?)`,
  );
  let annotations = 0;
  let freeNotes = 0;
  const sampleMeetingEvery = Math.max(1, Math.round(options.sampleMeetingEvery ?? 2_000));
  for (let index = 0; index < options.annotations; index++) {
    const roll = random.next();
    // Two in three annotate a sector entry, one in four a meeting, the rest stand alone; the sample meeting
    // gets one in 2,000 on top (about fifty at full size), as a busy meeting does, unless the options fix it.
    const entryId = roll < 0.65 && entryIds.length > 0 ? random.pick(entryIds) : null;
    const meetingId =
      entryId === null && roll < 0.9 && meetingIds.length > 0
        ? index % sampleMeetingEvery === 0 && meetingsOfLargest.length > 0
          ? meetingsOfLargest[0]
          : random.pick(meetingIds)
        : null;
    if (entryId === null && meetingId === null) freeNotes++;
    else annotations++;
    const korean = random.chance(0.35);
    const context: TextContext = {
      country: random.pick(fictionalCountries).name,
      counterpart: random.pick(counterpartTitles),
      sector: random.pick(sectorNames).toLowerCase(),
      city: random.pick(hostCities).city,
      forum: random.pick(forumNames),
      year: 2012 + random.int(0, 15),
      person: fictionalPerson(random),
      project: projectCode(random),
    };
    const body = compose(random, 'note', korean, context, 1, 4);
    const tags = JSON.stringify(random.sample(tagWords, random.int(0, 3)));
    const created = epoch + random.int(0, 5_400) * day + random.int(0, 86_399) * 1000;
    const createdAt = new Date(created).toISOString();
    const title = random.chance(0.6)
      ? korean
        ? random.pick(['메모', '확인사항', '회의 후 메모'])
        : random.pick(['Note', 'To check', 'After the call'])
      : '';
    const classification = random.pick(['NATO UNCLASSIFIED', 'NATO UNCLASSIFIED', 'NATO UNCLASSIFIED', 'NATO RESTRICTED']);
    const noteId = Number(
      insertNote.run(
        entryId,
        meetingId ?? null,
        title,
        body,
        tags,
        classification,
        createdAt,
        createdAt,
        random.chance(0.02) ? createdAt : null,
      ).lastInsertRowid,
    );
    insertRevision.run(noteId, title, body, tags, classification, createdAt);
  }

  const busiestSectorId = [...entriesPerSector.entries()].reduce((best, current) => (current[1] > best[1] ? current : best), [0, -1])[0];
  return {
    counts: {
      sources: sourceIds.length,
      countries: countryIds.length + 1,
      people: personCount,
      summits: summitRows.length,
      meetings: meetingIds.length,
      programmes: programmeCount,
      sectors: sectorIds.length,
      sectorEntries: entryIds.length,
      annotations,
      notes: freeNotes,
      participants,
      followUps,
      timelineEvents,
    },
    largestSummitId: summitRows[0]?.id ?? 0,
    busiestSectorId,
    sampleMeetingId: meetingsOfLargest[0] ?? meetingIds[0] ?? 0,
  };
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Minutes a zone is ahead of UTC at a (venue-local, read as UTC) instant; formatters are cached per zone. */
function zoneOffsets(): (timeZone: string, localAsUtc: number) => number {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const offsetAt = (timeZone: string, utc: number): number => {
    let formatter = formatters.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
      formatters.set(timeZone, formatter);
    }
    const parts = Object.fromEntries(formatter.formatToParts(utc).map((part) => [part.type, Number(part.value)]));
    const local = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
    return Math.round((local - Math.floor(utc / 60_000) * 60_000) / 60_000);
  };
  // Guess with the offset at the local reading, then correct once across a DST change.
  return (timeZone, localAsUtc) => offsetAt(timeZone, localAsUtc - offsetAt(timeZone, localAsUtc) * 60_000);
}
