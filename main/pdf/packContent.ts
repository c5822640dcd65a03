import { listFollowUpsOfMeeting } from '../../db/followUps.ts';
import { listMeetingBiographies } from '../../db/meetingBiographies.ts';
import { listParticipants, meetings } from '../../db/meetings.ts';
import { listNotesOfMeeting, listNotesOfSector, listNotesOfSectorEntry, listNotesOfSummit } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { countries, people, sources } from '../../db/people.ts';
import { listSectorEntries, programmes, sectors } from '../../db/sectors.ts';
import { listSummitsDuring, summits } from '../../db/summits.ts';
import { higherMarking, otherVersionsMarkings } from '../../db/sync/conflicts.ts';
import { globalIdsOf, type SyncedEntity } from '../../db/sync/history.ts';
import { listTimelineOfSummit } from '../../db/timeline.ts';
import type { ClassificationLevel, ClassificationScheme, NotesOn, UnmarkedRecord } from '../../shared/contract.ts';
import type {
  Country,
  FollowUp,
  Meeting,
  MeetingForm,
  MeetingParticipant,
  Note,
  PackDefinition,
  PaperSize,
  Person,
  Programme,
  Sector,
  SectorEntry,
  Source,
  Summit,
  TimelineEvent,
} from '../../shared/domain.ts';
import { highestMarking, nothingHeld, portionText } from '../../shared/markings.ts';
import { compareNames } from '../../shared/sortKey.ts';
import { dayInZone } from '../../shared/time.ts';
import { highestLevel, type MarkedItem, portionMark, type UnmarkedItem, unmarkedItem } from './classification.ts';
import { otherSummitOfNote, summitsOfDesk } from './noteSummit.ts';
import type { PackLanguage } from './template/format.ts';
import { type PackWords, packWords } from './template/packWords.ts';

// Everything a pack prints, read from the store in one go before any printing
// starts, with every portion mark and the banner already computed.

export type Marked<T> = T & { mark: string };

export interface MeetingContent {
  kind: 'meeting';
  form: MeetingForm;
  /** With its own portion mark: the brief's parts (purpose, points to make…) are the meeting's text and print it. */
  meeting: Marked<Meeting>;
  /** Each with its person's portion mark: it counts toward the section's mark and the banner. */
  participants: Marked<MeetingParticipant>[];
  /** With their own portion mark: their name and title print in the key details and on a pocket card. */
  counterpart: Marked<Person> | null;
  counterpartCountry: Country | null;
  /** The meeting's summit's zone, for its time there (a call with Honolulu during a summit in Nukuʻalofa). */
  summitTimeZone: string | null;
  followUps: Marked<FollowUp>[];
  annotations: Marked<Note>[];
  /** With its own portion mark: a full brief prints its line ("Source: …") and it counts there, sources section or not. */
  source: Marked<Source> | null;
  /**
   * The portion marks of the brief's sub-headings: the highest of what each heads. Participants
   * with none recorded heads the brief's own line saying so: the meeting's mark.
   */
  headingMarks: { participants: string; followUps: string; annotations: string };
}
export interface SectorContent {
  kind: 'sector';
  /** With its own portion mark: the state of play and our position are the sector's text and print it. */
  sector: Marked<Sector>;
  /** With its own portion mark: its code and name print under the sector's heading. */
  programme: Marked<Programme>;
  /** Each entry's source with its own portion mark: its line prints under the entry. */
  entries: Marked<SectorEntry & { annotations: Marked<Note>[]; source: Marked<Source> | null }>[];
  /** The portion mark of the "Recent developments" heading: the highest of the entries and their annotations, else the sector's. */
  entriesMark: string;
  /**
   * How many of the sector's entries this pack leaves out (taken out, or dated during another summit): a sector
   * printing none must not read as one with nothing recorded.
   */
  entriesLeftOut: number;
}
/** One dated row of the timeline annex: an event of the summit, a meeting of the pack, or an entry of a sector in it. */
export interface TimelineRow {
  key: string;
  origin: 'event' | 'meeting' | 'sectorEntry';
  occurredOn: string;
  precision: TimelineEvent['precision'];
  title: string;
  description: string;
  sourceExcerpt: string;
  /** The row's portion mark, "(UNMARKED)"-style when nobody marked the record it comes from. */
  mark: string;
  /** The marking of the record it comes from ('' when unmarked). */
  classification: string;
}
export interface TimelineContent {
  kind: 'timeline';
  rows: TimelineRow[];
  from: string | null;
  to: string | null;
}
export interface BiographiesContent {
  kind: 'biographies';
  /**
   * `biography` is the text written for this pack, else for one of its meetings, else the shared one;
   * `writtenFor` says which ("this pack" or the meeting's title), null for the shared text.
   */
  people: Marked<Person & { country: Country | null; writtenFor: string | null }>[];
}
export interface SourcesContent {
  kind: 'sources';
  sources: Marked<Source>[];
}
export interface NotesContent {
  kind: 'notes';
  /**
   * One group per summit, meeting or sector the notes are linked to, in the pack's order; its heading
   * names that record, so its mark is the highest of the record and the notes.
   */
  groups: { heading: string; mark: string; notes: Marked<Note>[]; on: NotesOn }[];
}
export type SectionBody = MeetingContent | SectorContent | TimelineContent | BiographiesContent | SourcesContent | NotesContent;

export type SectionContent = SectionBody & {
  /** The link target of the section's heading, for the contents page and the page-number read-back. */
  anchor: string;
  title: string;
  /** The portion mark of the section: the highest level of what it holds. */
  mark: string;
};

export interface PackContent {
  title: string;
  recipient: string;
  paper: PaperSize;
  summit: Summit | null;
  principal: Person | null;
  /** Venue date the pack is prepared on, YYYY-MM-DD. */
  preparedOn: string;
  homeTimeZone: string;
  /** The language the pack prints its own words in (headings, labels, dates): the desk's interface language. */
  language: PackLanguage;
  scheme: ClassificationScheme;
  /** The summit's portion mark: the cover prints its title, dates and city at it (not its description). */
  summitMark: string;
  /** The principal's portion mark, printed before their name on the cover; '' without a principal. */
  principalMark: string;
  banner: ClassificationLevel;
  /**
   * The title's portion mark: the banner's. The title is text the user typed and may say as much as
   * anything inside, but carries no marking of its own; printed at the highest marking of what the
   * pack holds, it is never marked lower than it may be. A pack holding unmarked material does not print.
   */
  titleMark: string;
  /** The portion mark of the contents page's heading: the highest of the section headings it lists. */
  contentsMark: string;
  /** The highest level anything carries; null when nothing carries a level of the scheme (the banner is then a stand-in). */
  highestMarked: ClassificationLevel | null;
  /** What carries no marking of the scheme: the pack is not exported until this is empty. */
  unmarked: UnmarkedItem[];
  /** The levels the scheme lacks that what prints carries, each once: the builder's banner names them, as the window's does. */
  outsideScheme: string[];
  sections: SectionContent[];
}

export interface GatherOptions {
  scheme: ClassificationScheme;
  homeTimeZone: string;
  preparedOn: string;
  paper?: PaperSize;
  /** English unless the desk works in another language. */
  language?: PackLanguage;
}

/**
 * A note or annotation with nothing written in it prints nothing. "Add
 * annotation" makes one at once, unmarked unless Settings give a marking: one
 * left empty would otherwise keep the whole pack from exporting until someone
 * marked a blank.
 */
export const hasWriting = (note: { title: string; body: string; tags: readonly string[] }) =>
  note.title.trim() !== '' || note.body.trim() !== '' || note.tags.length > 0;
export function gatherPackContent(db: Db, definition: PackDefinition, options: GatherOptions): PackContent {
  const { scheme } = options;
  const language = options.language ?? 'en';
  const headings = packWords[language].headings;
  const otherVersions = otherVersionsMarkings(db);
  const levels = scheme.levels.map((level) => level.name);
  /**
   * A record two desks changed at once prints its winner's text, marked no lower than any version kept beside it
   * (a colleague's raised marking may have lost to an edit made elsewhere): under-marking would leak, until settled.
   * An unmarked record stays unmarked: the pack waits for someone to mark it.
   */
  const settled = <T extends { id: number; classification: string }>(entity: SyncedEntity, record: T): T => {
    const others = otherVersions.get(`${entity}:${record.id}`);
    if (!others || record.classification === '') return record;
    return { ...record, classification: higherMarking([record.classification, ...others], levels) };
  };
  const timelineEntities: Record<string, SyncedEntity> = { event: 'timeline_event', meeting: 'meeting', entry: 'sector_entry' };
  /** A timeline row, keyed `meeting-3`, `event-7` or `entry-2`, settled as its record is. */
  const settledRow = (key: string, classification: string) => {
    const [kind = '', id = ''] = key.split('-');
    const entity = timelineEntities[kind];
    return entity ? settled(entity, { id: Number(id), classification }) : { classification };
  };
  const everyItem: MarkedItem[] = [];
  const unmarked: UnmarkedItem[] = [];
  const citedSourceIds = new Set<number>();
  const cite = (sourceId: number | null) => sourceId !== null && citedSourceIds.add(sourceId);
  // Records listed to mark, by the key of what they are: a meeting prints in its brief and as a
  // timeline row, an entry in its sector and as a row, yet each is one record to mark.
  const listed = new Set<string>();
  const mark = <T extends { classification: string }>(
    record: T,
    name: string,
    recordKey?: string,
    label?: MarkedItem['label'],
  ): Marked<T> => {
    const item = { classification: record.classification, name };
    everyItem.push(item);
    const refused = unmarkedItem(scheme, label ? { ...item, label } : item);
    if (refused && (recordKey === undefined || !listed.has(recordKey))) unmarked.push(refused);
    if (recordKey !== undefined) listed.add(recordKey);
    return { ...record, mark: portionMark(scheme, item) };
  };
  // A section holding material of no level of the scheme has no level either: the lowest would understate it.
  // It says what that material carries: "(UNMARKED)" when anything is unmarked, else the other scheme's marking
  // ("(NATO SECRET)"), never "(UNMARKED)" for marked material, which an officer would then mark afresh, perhaps lower.
  // (Such a pack is never printed; the builder's preview shows this mark.)
  // A heading over nothing says so: the lowest level would claim material the section does not hold.
  const headingMark = (items: MarkedItem[]) => {
    if (items.length === 0) return `(${nothingHeld})`;
    const outside = items.flatMap((item) => unmarkedItem(scheme, item) ?? []);
    if (outside.length === 0) return `(${highestLevel(scheme, items).portion})`;
    return portionText(scheme, outside.some((item) => item.foreignLevel === '') ? '' : (outside[0]?.foreignLevel ?? ''));
  };
  const listedInContents: MarkedItem[] = [];
  const sectionMark = (items: MarkedItem[]) => {
    listedInContents.push(...items);
    return headingMark(items);
  };
  const markedItems = (records: { classification: string; title?: string; name?: string }[]) =>
    records.map((record) => ({ classification: record.classification, name: record.title ?? record.name ?? '' }));

  // A source prints under a brief or an entry, and in the sources section: one record, listed once if unmarked.
  const markSource = (source: Source) =>
    mark(source, `Source: ${source.title}`, `source-${source.id}`, { role: 'source', title: source.title, on: '' });

  const summit = definition.summitId === null ? null : settled('summit', summits.get(db, definition.summitId));
  cite(summit?.sourceId ?? null);
  const summitMark = summit ? mark(summit, summit.title).mark : '';
  const principal = definition.principalId === null ? null : settled('person', people.get(db, definition.principalId));
  // The cover prints the principal's name and title from their record: it is marked, counts towards the banner, and holds the export back unmarked.
  const principalMark = principal
    ? mark(principal, `Principal: ${principal.name}`, `person-${principal.id}`, { role: 'principal', title: principal.name, on: '' }).mark
    : '';
  const includedMeetingIds: number[] = [];

  const sections = definition.sections.map((section, index): SectionContent => {
    const anchor = `section-${index + 1}`;
    switch (section.kind) {
      case 'meeting': {
        const meeting = settled('meeting', meetings.get(db, section.meetingId));
        includedMeetingIds.push(meeting.id);
        cite(meeting.sourceId);
        const annotations = listNotesOfMeeting(db, meeting.id)
          .filter(hasWriting)
          .map((note) =>
            mark(
              settled('note', note),
              note.title || `Note on ${meeting.title}`,
              undefined,
              untitledNote(note, 'noteOnMeeting', meeting.title),
            ),
          );
        const followUps = sameOnEveryDesk(db, 'follow_up', listFollowUpsOfMeeting(db, meeting.id), byDueDay).map((followUp) =>
          mark(settled('follow_up', followUp), `Follow-up: ${followUp.description}`, undefined, {
            role: 'followUp',
            title: followUp.description,
            on: '',
          }),
        );
        // Our side first, as the brief on screen groups them; within a side, the store's order by name.
        const bySide = listParticipants(db, meeting.id).sort((a, b) => Number(a.side === 'theirs') - Number(b.side === 'theirs'));
        const participants = bySide.map((participant) =>
          mark(participant, `Participant: ${participant.name}`, `person-${participant.personId}`, {
            role: 'participant',
            title: participant.name,
            on: '',
          }),
        );
        const markedMeeting = mark(meeting, meeting.title, `meeting-${meeting.id}`);
        const sourceRecord = meeting.sourceId === null ? null : (sources.find(db, meeting.sourceId) ?? null);
        // Only a full brief prints its source line; a pocket card does not.
        const source = sourceRecord && section.form === 'full' ? markSource(sourceRecord) : null;
        const counterpartRecord = meeting.counterpartId === null ? null : (people.find(db, meeting.counterpartId) ?? null);
        const counterpart = counterpartRecord
          ? mark(counterpartRecord, `Counterpart: ${counterpartRecord.name}`, `person-${counterpartRecord.id}`, {
              role: 'counterpart',
              title: counterpartRecord.name,
              on: '',
            })
          : null;
        return {
          kind: 'meeting',
          anchor,
          title: meeting.title,
          mark: sectionMark(
            markedItems([
              meeting,
              ...(counterpart ? [counterpart] : []),
              ...participants,
              ...annotations,
              ...followUps,
              ...(source ? [source] : []),
            ]),
          ),
          form: section.form,
          meeting: markedMeeting,
          participants,
          counterpart,
          counterpartCountry: counterpart?.countryId == null ? null : (countries.find(db, counterpart.countryId) ?? null),
          summitTimeZone: meeting.summitId === null ? null : (summits.find(db, meeting.summitId)?.timeZone ?? null),
          followUps,
          annotations,
          source,
          headingMarks: {
            participants: headingMark(markedItems(participants.length > 0 ? participants : [meeting])),
            followUps: headingMark(markedItems(followUps)),
            annotations: headingMark(markedItems(annotations)),
          },
        };
      }
      case 'sector': {
        const sector = settled('sector', sectors.get(db, section.sectorId));
        cite(sector.sourceId);
        const markedSector = mark(sector, sector.name);
        const entries = entriesInPack(db, section, definition.summitId).map(({ annotationCount: _count, ...unsettled }) => {
          const entry = settled('sector_entry', unsettled);
          cite(entry.sourceId);
          const annotations = listNotesOfSectorEntry(db, entry.id)
            .filter(hasWriting)
            .map((note) =>
              mark(
                settled('note', note),
                note.title || `Note on ${entry.title}`,
                undefined,
                untitledNote(note, 'noteOnEntry', entry.title),
              ),
            );
          const source = sources.find(db, entry.sourceId);
          return mark({ ...entry, annotations, source: source ? markSource(source) : null }, entry.title, `entry-${entry.id}`);
        });
        const programme = programmes.get(db, sector.programmeId);
        const markedProgramme = mark(programme, `Programme: ${programme.name}`, `programme-${programme.id}`, {
          role: 'programme',
          title: programme.name,
          on: '',
        });
        const entrySources = entries.flatMap((entry) => (entry.source ? [entry.source] : []));
        const held = [sector, ...entries, ...entries.flatMap((entry) => entry.annotations), markedProgramme, ...entrySources];
        return {
          kind: 'sector',
          anchor,
          title: sector.name,
          mark: sectionMark(held.map((record) => ({ classification: record.classification, name: '' }))),
          sector: markedSector,
          programme: markedProgramme,
          entries,
          entriesLeftOut: listSectorEntries(db, section.sectorId).length - entries.length,
          entriesMark: headingMark(
            (entries.length > 0 ? [...entries, ...entries.flatMap((entry) => entry.annotations), ...entrySources] : [sector]).map(
              (record) => ({ classification: record.classification, name: '' }),
            ),
          ),
        };
      }
      case 'timeline': {
        const from = section.from ?? null;
        const to = section.to ?? null;
        // Only the rows inside the range print, so only they count towards the banner and the unmarked check.
        const rows = timelineRows(db, definition, summit, { from, to }, headings).map((row) => ({
          ...row,
          classification: settledRow(row.key, row.classification).classification,
        }));
        for (const row of rows) if (row.citing !== null) cite(row.citing);
        return {
          kind: 'timeline',
          anchor,
          title: headings.timeline,
          mark: sectionMark(rows.map(({ classification }) => ({ classification, name: '' }))),
          rows: rows.map(({ citing: _citing, heldAt: _heldAt, classification, ...row }) => ({
            ...row,
            classification,
            mark: mark({ classification }, row.title, row.key).mark,
          })),
          from,
          to,
        };
      }
      case 'biographies': {
        const removed = new Set(section.removedPersonIds ?? []);
        const written = new Map((section.biographies ?? []).map((entry) => [entry.personId, entry]));
        const forMeetings = meetingBiographiesOf(db, definition, levels);
        const ofMeetings = peopleOfMeetings(db, definition);
        // An explicit choice narrows the people of the pack's meetings; it never reaches beyond them.
        const chosen = section.personIds.length > 0 ? ofMeetings.filter((personId) => section.personIds.includes(personId)) : ofMeetings;
        const biographies = chosen
          .filter((personId) => !removed.has(personId))
          .map((personId) => {
            const person = settled('person', people.get(db, personId));
            const packEntry = written.get(personId);
            const packText = packEntry?.text.trim() ?? '';
            const meetingText = forMeetings.get(personId);
            // Written for this pack, else for one of its meetings, else the shared text; only the shared one cites its source.
            const writtenFor = packText ? headings.thisPack : meetingText ? meetingText.meetingTitle : null;
            if (writtenFor === null) cite(person.sourceId);
            const country = person.countryId === null ? null : (countries.find(db, person.countryId) ?? null);
            const biography = packText || meetingText?.text || person.biography;
            // The text's own marking: the pack's choice, or for a text written for a meeting the higher of the meeting's
            // now and its own, or the person's.
            const textMarking = packText
              ? (packEntry?.classification ?? person.classification)
              : (meetingText?.classification ?? person.classification);
            if (unmarkedItem(scheme, { classification: person.classification, name: '' }))
              return mark({ ...person, biography, writtenFor, country }, person.name, `person-${person.id}`);
            if (unmarkedItem(scheme, { classification: textMarking, name: '' }))
              return mark(
                { ...person, classification: textMarking, biography, writtenFor, country },
                `${person.name} (biography written for ${writtenFor})`,
                undefined,
                { role: 'biographyFor', title: person.name, on: writtenFor ?? '' },
              );
            // One portion prints the person's record and the text: it carries the higher of the two markings.
            const classification = highestLevel(
              scheme,
              [person.classification, textMarking].map((each) => ({ classification: each, name: '' })),
            ).name;
            return mark({ ...person, classification, biography, writtenFor, country }, person.name, `person-${person.id}`);
          });
        return {
          kind: 'biographies',
          anchor,
          title: headings.biographies,
          mark: sectionMark(markedItems(biographies)),
          people: biographies,
        };
      }
      case 'notes': {
        const groups = linkedNotes(db, definition, summit, new Set(section.keptNoteIds ?? []), headings)
          .map((group) => {
            const notes = group.notes
              .filter(hasWriting)
              .map((note) =>
                mark(
                  settled('note', note),
                  note.title || `Note on ${group.heading}`,
                  undefined,
                  untitledNote(note, group.role, group.onTitle),
                ),
              );
            // The group's heading prints the title of what the notes are on: that record's marking counts.
            const held = [{ classification: group.named.classification, name: '' }, ...markedItems(notes)];
            return { heading: group.heading, on: { kind: group.kind, title: group.onTitle }, held, notes };
          })
          .filter((group) => group.notes.length > 0);
        return {
          kind: 'notes',
          anchor,
          title: headings.notes,
          mark: sectionMark(groups.flatMap((group) => group.held)),
          groups: groups.map(({ held, ...group }) => ({ ...group, mark: headingMark(held) })),
        };
      }
      default:
        // The sources section: filled in below, once every other section has said what it cites.
        return { kind: 'sources', anchor, title: headings.sources, mark: sectionMark([]), sources: [] };
    }
  });
  const cited = [...citedSourceIds]
    .map((sourceId) => sources.find(db, sourceId))
    .filter((source): source is Source => source !== undefined)
    .sort((a, b) => compareNames(a.title, b.title));
  // A source's note prints only in the sources section: it counts only when the pack has one.
  const sourcesSection = sections.find((section) => section.kind === 'sources');
  if (sourcesSection?.kind === 'sources') {
    sourcesSection.sources = cited.map(markSource);
    sourcesSection.mark = sectionMark(markedItems(sourcesSection.sources));
  }

  const banner = highestLevel(scheme, everyItem);
  return {
    title: definition.title,
    recipient: definition.recipient,
    paper: options.paper ?? definition.paper,
    summit,
    principal,
    preparedOn: options.preparedOn,
    homeTimeZone: options.homeTimeZone,
    language,
    scheme,
    summitMark,
    principalMark,
    banner,
    titleMark: `(${banner.portion})`,
    contentsMark: headingMark(listedInContents),
    highestMarked: highestMarking(
      scheme,
      everyItem.map((item) => item.classification),
    ).level,
    unmarked,
    outsideScheme: [...new Set(unmarked.flatMap((item) => (item.foreignLevel ? [item.foreignLevel] : [])))],
    sections,
  };
}

/**
 * The notes section: notes linked to the summit, to the pack's sectors, and to
 * its meetings printed as pocket cards (a full brief prints its own notes). A
 * sector's note written for another of the desk's summits prints only when kept.
 */
function linkedNotes(
  db: Db,
  definition: PackDefinition,
  summit: Summit | null,
  kept: ReadonlySet<number>,
  headings: PackWords['headings'],
): NotesGroup[] {
  const groups: NotesGroup[] = [];
  if (summit)
    groups.push({
      heading: headings.onSummit(summit.title),
      kind: 'summit',
      role: 'noteOnSummit',
      onTitle: summit.title,
      named: summit,
      notes: listNotesOfSummit(db, summit.id),
    });
  const sectorNotes = new Map(sectorNotesOfPack(db, definition).map((sector) => [sector.sectorId, sector.notes]));
  for (const section of definition.sections) {
    if (section.kind === 'meeting' && section.form === 'pocket') {
      const meeting = meetings.get(db, section.meetingId);
      groups.push({
        heading: headings.onMeeting(meeting.title),
        kind: 'meeting',
        role: 'noteOnMeeting',
        onTitle: meeting.title,
        named: meeting,
        notes: listNotesOfMeeting(db, meeting.id),
      });
    }
    if (section.kind === 'sector') {
      const sector = sectors.get(db, section.sectorId);
      const notes = (sectorNotes.get(sector.id) ?? [])
        .filter(({ note, otherSummit }) => otherSummit === null || kept.has(note.id))
        .map(({ note }) => note);
      groups.push({
        heading: headings.onSector(sector.name),
        kind: 'sector',
        role: 'noteOnSector',
        onTitle: sector.name,
        named: sector,
        notes,
      });
    }
  }
  return groups.filter((group) => group.notes.length > 0);
}

/** The notes printed under one heading, and what they are on, for the builder to name an untitled one in its language. */
interface NotesGroup {
  heading: string;
  kind: NotesOn['kind'];
  role: 'noteOnSummit' | 'noteOnMeeting' | 'noteOnSector';
  onTitle: string;
  named: { classification: string };
  notes: Note[];
}

/** An untitled note is named by what it is on; a titled one by its title. */
function untitledNote(note: Note, role: UnmarkedRecord['role'], onTitle: string): MarkedItem['label'] {
  return note.title ? { role: 'record', title: note.title, on: '' } : { role, title: '', on: onTitle };
}

/**
 * The notes linked to each of the pack's sectors, each with the other summit it
 * was written for (null when written for the pack's own, or for none): the
 * notes section and the builder's list read this one answer.
 */
export function sectorNotesOfPack(
  db: Db,
  definition: PackDefinition,
): { sectorId: number; notes: { note: Note; otherSummit: Summit | null }[] }[] {
  const writtenFor = summitsOfDesk(db);
  return definition.sections.flatMap((section) =>
    section.kind === 'sector'
      ? [
          {
            sectorId: section.sectorId,
            notes: listNotesOfSector(db, section.sectorId).map((note) => ({
              note,
              otherSummit: otherSummitOfNote(writtenFor, note, definition.summitId),
            })),
          },
        ]
      : [],
  );
}

interface GatheredRow extends Omit<TimelineRow, 'mark'> {
  citing: number | null;
  classification: string;
  /** When a meeting is held, if its time of day is known: same-day rows print in that order. */
  heldAt: string | null;
}

/**
 * Rows by day; on one day the undated-in-the-day rows (events, entries, meetings
 * at no stated time) first, then meetings in the order they are held, so a
 * day reads as its programme whatever order the meetings were entered in.
 */
function byDayThenTime(a: GatheredRow, b: GatheredRow): number {
  return (
    a.occurredOn.localeCompare(b.occurredOn) ||
    (a.heldAt === null ? 0 : 1) - (b.heldAt === null ? 0 : 1) ||
    (a.heldAt ?? '').localeCompare(b.heldAt ?? '')
  );
}

const byDueDay = (a: { dueOn: string | null }, b: { dueOn: string | null }) =>
  (a.dueOn === null ? 1 : 0) - (b.dueOn === null ? 1 : 0) || (a.dueOn ?? '').localeCompare(b.dueOn ?? '');

/**
 * Sorted by `order`, ties broken by each record's global id: a pack exported on two desks that have met prints
 * the same, though each desk numbered first the records it wrote itself (a row id would order them apart).
 */
function sameOnEveryDesk<T extends { id: number }>(db: Db, entity: SyncedEntity, records: T[], order: (a: T, b: T) => number): T[] {
  const globalIds = globalIdsOf(
    db,
    entity,
    records.map((record) => record.id),
  );
  const globalId = (record: T) => globalIds.get(record.id) ?? '';
  return [...records].sort((a, b) => order(a, b) || globalId(a).localeCompare(globalId(b)) || a.id - b.id);
}

const timelineEntityOf: Record<GatheredRow['origin'], SyncedEntity> = {
  event: 'timeline_event',
  meeting: 'meeting',
  sectorEntry: 'sector_entry',
};

/**
 * The timeline annex: the summit's own events, the pack's meetings and the
 * entries of the pack's sectors, between `from` and `to` when set. Nothing
 * else in the store, however close in date, belongs to this pack.
 */
function timelineRows(
  db: Db,
  definition: PackDefinition,
  summit: Summit | null,
  range: { from: string | null; to: string | null },
  headings: PackWords['headings'],
): GatheredRow[] {
  const rows: GatheredRow[] = [];
  if (summit)
    for (const event of listTimelineOfSummit(db, summit.id))
      rows.push({
        key: `event-${event.id}`,
        origin: 'event',
        occurredOn: event.occurredOn,
        precision: event.precision,
        title: event.title,
        description: event.description,
        sourceExcerpt: event.sourceExcerpt,
        citing: event.sourceId,
        classification: event.classification,
        heldAt: null,
      });
  for (const section of definition.sections) {
    if (section.kind === 'meeting') {
      const meeting = meetings.get(db, section.meetingId);
      rows.push({
        key: `meeting-${meeting.id}`,
        origin: 'meeting',
        // The venue's calendar day: the day the meeting is held where it is held.
        occurredOn: dayInZone(meeting.startsAt, meeting.timeZone),
        precision: 'day',
        title: meeting.title,
        description: meeting.venue ? headings.venueOf(meeting.venue) : '',
        sourceExcerpt: '',
        citing: meeting.sourceId,
        classification: meeting.classification,
        heldAt: meeting.startTimeKnown ? meeting.startsAt : null,
      });
    }
    if (section.kind === 'sector') {
      const sector = sectors.get(db, section.sectorId);
      for (const entry of entriesInPack(db, section, definition.summitId))
        rows.push({
          key: `entry-${entry.id}`,
          origin: 'sectorEntry',
          occurredOn: entry.occurredOn,
          precision: 'day',
          title: entry.title,
          description: sector.name,
          sourceExcerpt: entry.sourceExcerpt,
          citing: entry.sourceId,
          classification: entry.classification,
          heldAt: null,
        });
    }
  }
  const inRange = rows.filter(
    (row) => (range.from === null || row.occurredOn >= range.from) && (range.to === null || row.occurredOn <= range.to),
  );
  // Same-day rows of no time, which each desk numbered apart: by kind, then by global id, the same on every desk.
  const rowId = (row: GatheredRow) => Number(row.key.slice(row.key.lastIndexOf('-') + 1));
  const globalIds = new Map<string, string>();
  for (const origin of ['event', 'meeting', 'sectorEntry'] as const) {
    const ofOrigin = inRange.filter((row) => row.origin === origin).map(rowId);
    for (const [id, globalId] of globalIdsOf(db, timelineEntityOf[origin], ofOrigin)) globalIds.set(`${origin} ${id}`, globalId);
  }
  const tie = (row: GatheredRow) => globalIds.get(`${row.origin} ${rowId(row)}`) ?? '';
  const kindOf = (row: GatheredRow) => row.key.slice(0, row.key.lastIndexOf('-'));
  return inRange.sort(
    (a, b) =>
      byDayThenTime(a, b) ||
      kindOf(a).localeCompare(kindOf(b)) ||
      tie(a).localeCompare(tie(b)) ||
      a.key.localeCompare(b.key, 'en', { numeric: true }),
  );
}

/**
 * The entries a sector section prints: the sector's, but those taken out of
 * this pack and those dated during another of the desk's summits (not during
 * the pack's own) unless kept here. Sector entries belong to no summit: a
 * sector every summit writes in holds each summit's entries and annotations,
 * and a pack prints its own summit's material unless the officer chooses more.
 * Their annotations, notes, sources and timeline rows follow them, as
 * everything is read from this one list.
 */
export function entriesInPack(db: Db, section: Extract<PackDefinition['sections'][number], { kind: 'sector' }>, summitId: number | null) {
  const removed = new Set(section.removedEntryIds ?? []);
  const kept = new Set(section.keptEntryIds ?? []);
  const entries = listSectorEntries(db, section.sectorId).filter(
    (entry) => !removed.has(entry.id) && (kept.has(entry.id) || otherSummitOf(db, entry.occurredOn, summitId) === null),
  );
  return sameOnEveryDesk(db, 'sector_entry', entries, (a, b) => b.occurredOn.localeCompare(a.occurredOn));
}

/**
 * Another summit an entry of this day may belong to: one whose days include it, other than the pack's own. A day
 * two summits share (a CICA meeting in Astana the week of the SCO in Bishkek) cannot tell whose the entry is, so it
 * counts as the other's too: left out unless kept, as printing another summit's material is the worse mistake.
 * A pack of no summit (its summit deleted, say) owns no summit's days: every summit's entries are another's.
 */
export function otherSummitOf(db: Db, day: string, summitId: number | null): Summit | null {
  return listSummitsDuring(db, day).find((summit) => summit.id !== summitId) ?? null;
}

/**
 * Biographies written for the pack's meetings, by person: the first meeting in the pack's order wins. Each is
 * marked the higher of its meeting's marking now (raised since, the text goes with it) and its own (the one it
 * was written under: a meeting marked down since does not take the text down with it).
 */
function meetingBiographiesOf(
  db: Db,
  definition: PackDefinition,
  levels: readonly string[],
): Map<number, { text: string; meetingTitle: string; classification: string }> {
  const found = new Map<number, { text: string; meetingTitle: string; classification: string }>();
  for (const section of definition.sections) {
    if (section.kind !== 'meeting') continue;
    const meeting = meetings.get(db, section.meetingId);
    for (const { personId, text, classification } of listMeetingBiographies(db, meeting.id))
      if (!found.has(personId))
        found.set(personId, {
          text,
          meetingTitle: `the meeting “${meeting.title}”`,
          classification: higherMarking([meeting.classification, classification], levels),
        });
  }
  return found;
}

/** The people of the pack's meetings, counterparts first: the only people a pack's biographies may print. */
export function peopleOfMeetings(db: Db, definition: PackDefinition): number[] {
  const ids = new Set<number>();
  for (const section of definition.sections) {
    if (section.kind !== 'meeting') continue;
    const meeting = meetings.get(db, section.meetingId);
    if (meeting.counterpartId !== null) ids.add(meeting.counterpartId);
  }
  for (const section of definition.sections) {
    if (section.kind !== 'meeting') continue;
    for (const participant of listParticipants(db, section.meetingId)) ids.add(participant.personId);
  }
  return [...ids];
}
