import { listFollowUpsOfMeeting } from '../../db/followUps.ts';
import { listParticipants, meetings } from '../../db/meetings.ts';
import { listNotesOfMeeting, listNotesOfSectorEntry } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { countries, people, sources } from '../../db/people.ts';
import { listSectorEntries, programmes, sectors } from '../../db/sectors.ts';
import { summits } from '../../db/summits.ts';
import { listTimeline } from '../../db/timeline.ts';
import type { ClassificationLevel, ClassificationScheme } from '../../shared/contract.ts';
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
import { highestLevel, type MarkedItem, portionMark, type UnmarkedItem, unmarkedItem } from './classification.ts';

// Everything a pack prints, read from the store in one go before any printing
// starts, with every portion mark and the banner already computed.

export type Marked<T> = T & { mark: string };

export interface MeetingContent {
  kind: 'meeting';
  form: MeetingForm;
  meeting: Meeting;
  participants: MeetingParticipant[];
  counterpart: Person | null;
  followUps: FollowUp[];
  annotations: Marked<Note>[];
  source: Source | null;
}
export interface SectorContent {
  kind: 'sector';
  sector: Sector;
  programme: Programme;
  entries: Marked<SectorEntry & { annotations: Marked<Note>[]; source: Source | null }>[];
}
export interface TimelineContent {
  kind: 'timeline';
  events: TimelineEvent[];
}
export interface BiographiesContent {
  kind: 'biographies';
  people: Marked<Person & { country: Country | null }>[];
}
export interface SourcesContent {
  kind: 'sources';
  sources: Source[];
}
export type SectionBody = MeetingContent | SectorContent | TimelineContent | BiographiesContent | SourcesContent;

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
  scheme: ClassificationScheme;
  banner: ClassificationLevel;
  /** What carries no marking of the scheme: the pack is not exported until this is empty. */
  unmarked: UnmarkedItem[];
  sections: SectionContent[];
}

export interface GatherOptions {
  scheme: ClassificationScheme;
  homeTimeZone: string;
  preparedOn: string;
  paper?: PaperSize;
}

export function gatherPackContent(db: Db, definition: PackDefinition, options: GatherOptions): PackContent {
  const { scheme } = options;
  const everyItem: MarkedItem[] = [];
  const unmarked: UnmarkedItem[] = [];
  const citedSourceIds = new Set<number>();
  const cite = (sourceId: number | null) => sourceId !== null && citedSourceIds.add(sourceId);
  const mark = <T extends { classification: string }>(record: T, name: string): Marked<T> => {
    const item = { classification: record.classification, name };
    everyItem.push(item);
    const refused = unmarkedItem(scheme, item);
    if (refused) unmarked.push(refused);
    return { ...record, mark: portionMark(scheme, item) };
  };
  const sectionMark = (items: MarkedItem[]) => `(${highestLevel(scheme, items).portion})`;
  const markedItems = (records: { classification: string; title?: string; name?: string }[]) =>
    records.map((record) => ({ classification: record.classification, name: record.title ?? record.name ?? '' }));

  const summit = definition.summitId === null ? null : summits.get(db, definition.summitId);
  cite(summit?.sourceId ?? null);
  const principal = definition.principalId === null ? null : people.get(db, definition.principalId);
  const includedMeetingIds: number[] = [];

  const sections = definition.sections.map((section, index): SectionContent => {
    const anchor = `section-${index + 1}`;
    switch (section.kind) {
      case 'meeting': {
        const meeting = meetings.get(db, section.meetingId);
        includedMeetingIds.push(meeting.id);
        cite(meeting.sourceId);
        const annotations = listNotesOfMeeting(db, meeting.id).map((note) => mark(note, note.title || `Note on ${meeting.title}`));
        mark(meeting, meeting.title);
        return {
          kind: 'meeting',
          anchor,
          title: meeting.title,
          mark: sectionMark(markedItems([meeting, ...annotations])),
          form: section.form,
          meeting,
          participants: listParticipants(db, meeting.id),
          counterpart: meeting.counterpartId === null ? null : (people.find(db, meeting.counterpartId) ?? null),
          followUps: listFollowUpsOfMeeting(db, meeting.id),
          annotations,
          source: meeting.sourceId === null ? null : (sources.find(db, meeting.sourceId) ?? null),
        };
      }
      case 'sector': {
        const sector = sectors.get(db, section.sectorId);
        cite(sector.sourceId);
        mark(sector, sector.name);
        const entries = listSectorEntries(db, sector.id).map(({ annotationCount: _count, ...entry }) => {
          cite(entry.sourceId);
          const annotations = listNotesOfSectorEntry(db, entry.id).map((note) => mark(note, note.title || `Note on ${entry.title}`));
          return mark({ ...entry, annotations, source: sources.find(db, entry.sourceId) ?? null }, entry.title);
        });
        const held = [sector, ...entries, ...entries.flatMap((entry) => entry.annotations)];
        return {
          kind: 'sector',
          anchor,
          title: sector.name,
          mark: sectionMark(held.map((record) => ({ classification: record.classification, name: '' }))),
          sector,
          programme: programmes.get(db, sector.programmeId),
          entries,
        };
      }
      case 'timeline': {
        const events = listTimeline(db);
        for (const event of events) cite(event.sourceId);
        return { kind: 'timeline', anchor, title: 'Timeline', mark: sectionMark([]), events };
      }
      case 'biographies': {
        const chosen = section.personIds.length > 0 ? section.personIds : peopleOfMeetings(db, definition);
        const biographies = chosen.map((personId) => {
          const person = people.get(db, personId);
          cite(person.sourceId);
          const country = person.countryId === null ? null : (countries.find(db, person.countryId) ?? null);
          return mark({ ...person, country }, person.name);
        });
        return { kind: 'biographies', anchor, title: 'Biographies', mark: sectionMark(markedItems(biographies)), people: biographies };
      }
      default:
        // The sources section: filled in below, once every other section has said what it cites.
        return { kind: 'sources', anchor, title: 'Sources', mark: sectionMark([]), sources: [] };
    }
  });
  const cited = [...citedSourceIds]
    .map((sourceId) => sources.find(db, sourceId))
    .filter((source): source is Source => source !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title));
  for (const section of sections) if (section.kind === 'sources') section.sources = cited;

  return {
    title: definition.title,
    recipient: definition.recipient,
    paper: options.paper ?? definition.paper,
    summit,
    principal,
    preparedOn: options.preparedOn,
    homeTimeZone: options.homeTimeZone,
    scheme,
    banner: highestLevel(scheme, everyItem),
    unmarked,
    sections,
  };
}

/** With no one chosen, the biographies are of everyone in the pack's meetings, counterparts first. */
function peopleOfMeetings(db: Db, definition: PackDefinition): number[] {
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
