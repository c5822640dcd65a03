// Domain records as the store returns them. Shared with main, preload and
// renderer as types only: this file holds no code.

export type IsoDate = string;
export type IsoInstant = string;

export interface Source {
  id: number;
  title: string;
  publisher: string;
  location: string;
  publishedOn: IsoDate | null;
  note: string;
  /** The note's marking; '' when nobody marked it (shown as unmarked, never as the lowest level). */
  classification: string;
}

export type CountryKind = 'country' | 'organisation';
export interface Country {
  id: number;
  name: string;
  nativeName: string;
  kind: CountryKind;
  note: string;
  sourceId: number | null;
  /** The note's marking; '' when nobody marked it (shown as unmarked, never as the lowest level). */
  classification: string;
}

export interface Person {
  id: number;
  name: string;
  nativeName: string;
  title: string;
  countryId: number | null;
  biography: string;
  classification: string;
  sourceId: number | null;
}

export interface Summit {
  id: number;
  title: string;
  city: string;
  countryId: number | null;
  startDate: IsoDate;
  endDate: IsoDate;
  timeZone: string;
  description: string;
  sourceId: number | null;
  /** '' when nobody marked it: shown as unmarked, never as the lowest level. */
  classification: string;
}

export const meetingFormats = ['bilateral', 'pull-aside', 'plenary', 'working-dinner', 'other'] as const;
export type MeetingFormat = (typeof meetingFormats)[number];
export const meetingStatuses = ['planned', 'confirmed', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const pressAccess = ['open', 'closed', 'unknown'] as const;
export type PressAccess = (typeof pressAccess)[number];

/** The sections of a meeting brief a desk officer writes, in the order a brief shows them. */
export const briefSections = [
  'purpose',
  'objectives',
  'theirAsks',
  'pointsToMake',
  'linesToTake',
  'defensivePoints',
  'background',
  'sensitivities',
  'protocolNotes',
  'pressLine',
  'outcome',
] as const;
export type BriefSection = (typeof briefSections)[number];

/** A brief with every section still to be written. */
export const blankBrief = Object.fromEntries(briefSections.map((section) => [section, ''])) as Record<BriefSection, string>;

export interface Meeting extends Record<BriefSection, string> {
  id: number;
  summitId: number | null;
  title: string;
  format: MeetingFormat;
  /** UTC instant; when `startTimeKnown` is false only the venue-local date is meaningful. */
  startsAt: IsoInstant;
  startTimeKnown: boolean;
  durationMinutes: number | null;
  timeZone: string;
  venue: string;
  interpreters: string;
  press: PressAccess;
  status: MeetingStatus;
  counterpartId: number | null;
  classification: string;
  sourceId: number | null;
}

export type ParticipantSide = 'ours' | 'theirs';
export interface MeetingParticipant {
  personId: number;
  name: string;
  nativeName: string;
  title: string;
  side: ParticipantSide;
  role: string;
  /** The person's own marking: a brief that shows the person carries it (the banner counts it). */
  classification: string;
}

export interface Programme {
  id: number;
  code: string;
  name: string;
  partnerId: number | null;
  signedOn: IsoDate | null;
  sectorCount: number | null;
  description: string;
  sourceId: number | null;
  /** The description's marking; '' when nobody marked it (shown as unmarked, never as the lowest level). */
  classification: string;
}

export interface Sector {
  id: number;
  programmeId: number;
  name: string;
  position: number;
  summary: string;
  ourPosition: string;
  classification: string;
  sourceId: number | null;
}

export interface SectorEntry {
  id: number;
  sectorId: number;
  occurredOn: IsoDate;
  title: string;
  body: string;
  sourceId: number;
  sourceExcerpt: string;
  classification: string;
}

export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];
export interface TimelineEvent {
  id: number;
  occurredOn: IsoDate;
  precision: DatePrecision;
  title: string;
  description: string;
  summitId: number | null;
  sourceId: number | null;
  sourceExcerpt: string;
  /** '' when nobody marked it: shown as unmarked, never as the lowest level. */
  classification: string;
}

export interface Note {
  id: number;
  sectorEntryId: number | null;
  meetingId: number | null;
  /** A free-standing note linked to a summit or a sector (a meeting link is `meetingId`). */
  summitId: number | null;
  sectorId: number | null;
  title: string;
  body: string;
  tags: string[];
  classification: string;
  /** Bumped on every save; a save based on an older version is a conflict. */
  version: number;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  deletedAt: IsoInstant | null;
}

export const followUpStatuses = ['open', 'done', 'dropped'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
export interface FollowUp {
  id: number;
  meetingId: number | null;
  description: string;
  owner: string;
  dueOn: IsoDate | null;
  status: FollowUpStatus;
  /** '' when nobody marked it: shown as unmarked, never as the lowest level. */
  classification: string;
}

export const searchKinds = [
  'summit',
  'meeting',
  'person',
  'sector',
  'sectorEntry',
  'annotation',
  'note',
  'source',
  'timelineEvent',
  'followUp',
  'country',
  'programme',
  'meetingBiography',
] as const;
export type SearchKind = (typeof searchKinds)[number];
export interface SearchHit {
  kind: SearchKind;
  id: number;
  title: string;
  /** Text with matches wrapped in U+E000 … U+E001, so the renderer can highlight without HTML. */
  snippet: string;
  summitId: number | null;
  sectorId: number | null;
  /** The record's marking ('' when unmarked): every kind carries one. */
  classification: string;
  /** A meeting's own biography: where it is read. */
  biography?: BiographyPlace;
}

/** A biography written for one meeting, where the person's shared one does not fit. */
export interface WrittenBiography {
  personId: number;
  /** The person's name: a biography stays when its person is no longer the meeting's counterpart. */
  name: string;
  text: string;
  /** Its own marking: the meeting's when written, kept when the meeting's changes later (its text does not). */
  classification: string;
}

/** The meeting a biography was written for (its title under the meeting's own marking) and its person. */
export interface BiographyPlace {
  meetingId: number;
  meetingTitle: string;
  meetingClassification: string;
  personId: number;
}

/** A light row for lists: no brief text, so thousands of meetings load quickly. */
export interface MeetingSummary {
  id: number;
  summitId: number | null;
  title: string;
  format: Meeting['format'];
  startsAt: string;
  startTimeKnown: boolean;
  /** Lists show the meeting's end, and the summit's programme marks meetings whose spans overlap. */
  durationMinutes: number | null;
  timeZone: string;
  venue: string;
  status: Meeting['status'];
  /** Lists show the meeting's portion mark beside its title. */
  classification: string;
}

export interface NoteRevision {
  noteId: number;
  version: number;
  title: string;
  body: string;
  tags: string[];
  classification: string;
  savedAt: string;
}

export interface SectorSummary extends Sector {
  entryCount: number;
}

/**
 * The start of a list that can run to thousands, and how many it holds: what a
 * view paints first. The whole list is read when the user opens it.
 */
export interface ListStart<T> {
  total: number;
  first: T[];
}

export interface SectorEntryWithCount extends SectorEntry {
  annotationCount: number;
}

/** Paper sizes a briefing pack prints on. */
export const paperSizes = ['a4', 'letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** A meeting goes into a pack as its full brief or as a one-page pocket card. */
export const meetingForms = ['full', 'pocket'] as const;
export type MeetingForm = (typeof meetingForms)[number];

/** One section of a pack, in the order the pack prints them; the cover and contents always come first. */
export type PackSection =
  | { kind: 'meeting'; meetingId: number; form: MeetingForm }
  | {
      kind: 'sector';
      sectorId: number;
      /**
       * Entries of the sector the user took out of this pack: sector entries belong to no summit, so
       * a sector shared by two summits holds material of both. Absent in packs saved before: all print.
       */
      removedEntryIds?: number[];
      /**
       * Entries dated during another of the desk's summits (and not during this pack's) that the user
       * kept in this pack: such an entry is that summit's material, left out unless kept here.
       */
      keptEntryIds?: number[];
    }
  /** Events of the pack's summit, its meetings and the entries of its sectors, between the two dates when set. */
  | { kind: 'timeline'; from?: IsoDate | null; to?: IsoDate | null }
  | {
      kind: 'biographies';
      /** Legacy explicit choice; either way only people of the pack's meetings print. Empty: all of them. */
      personIds: number[];
      /** People of the pack's meetings the user took out of this pack. */
      removedPersonIds?: number[];
      /** A biography written for this pack, printed instead of the shared one. */
      biographies?: PackBiography[];
    }
  | { kind: 'sources' }
  /** Notes linked to the pack's summit, its sectors, and its meetings printed as pocket cards. */
  | {
      kind: 'notes';
      /**
       * Notes linked to one of the pack's sectors but written for another of the desk's summits that
       * the user kept in this pack: such a note is that summit's material, left out unless kept here.
       */
      keptNoteIds?: number[];
    };

/** What a free-standing note is linked to: one summit, meeting or sector, or nothing. */
export type NoteLink = { summitId: number } | { meetingId: number } | { sectorId: number } | null;

export interface PackBiography {
  personId: number;
  text: string;
  /** The text's own marking; absent in packs saved before it was asked: the person's, as those printed. */
  classification?: string;
}
export type PackSectionKind = PackSection['kind'];

/** What a saved pack holds: what to print, never the printed text, so a re-export shows current data. */
export interface PackDefinition {
  title: string;
  recipient: string;
  summitId: number | null;
  /** The person the pack prepares, named on the cover. */
  principalId: number | null;
  paper: PaperSize;
  sections: PackSection[];
}

export interface BriefingPack {
  id: number;
  name: string;
  definition: PackDefinition;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

// --- Deleting and undoing (records) ---

/** What happens to a row that refers to a record being deleted. */
export type ReferenceEffect = 'deleted' | 'trashed' | 'unlinked' | 'blocks';
/** Rows of one table that refer to a record, as the user is told about them before and after a delete. */
export interface ReferenceGroup {
  /** The store's table, e.g. "note" (annotations), "follow_up"; "free_note" for notes on a summit or sector. */
  table: string;
  effect: ReferenceEffect;
  count: number;
  /** The first few, by name or title, each in the parts it is made of. */
  names: ReferenceName[];
}
/**
 * A referring row's name, part by part: one part for most rows; a participant's is its person's name and its
 * meeting's title, each from a record with its own marking, and a biography's adds its own text. Each part's
 * mark is shown beside that part and counted in the banner.
 */
export type ReferenceName = ReferenceNamePart[];
export interface ReferenceNamePart {
  text: string;
  /** The marking of the record the part comes from; null for one that has none (a briefing pack). */
  marking: string | null;
}
