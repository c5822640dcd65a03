// The one contract between the renderer and the store: every channel, its
// request and its response. Main, preload and renderer import it; the only
// code here is the channel list the bridge is built from.

import type {
  BundleContents,
  BundleExportRequest,
  BundleExportResult,
  BundleImportOutcome,
  BundleImportProgress,
  BundleInspection,
  BundleNotImported,
  BundleOpenRequest,
  BundleReviewLines,
  BundleSelection,
  BundleStageRequest,
  ContactAddOutcome,
  ContactCard,
  DeskCard,
  RevokedContact,
} from './bundles.ts';
import type {
  ConflictResolution,
  ConflictResolved,
  ConflictSummary,
  RecordConflict,
  RestorationSettled,
  RestorationSettlement,
  RestoredRecord,
} from './conflicts.ts';
import type {
  BriefingPack,
  Country,
  FollowUp,
  ListStart,
  Meeting,
  MeetingParticipant,
  MeetingSummary,
  Note,
  NoteLink,
  NoteRevision,
  PackDefinition,
  PaperSize,
  ParticipantSide,
  Person,
  Programme,
  ReferenceGroup,
  SearchHit,
  SearchKind,
  Sector,
  SectorEntry,
  SectorEntryWithCount,
  SectorSummary,
  Source,
  Summit,
  TimelineEvent,
  WrittenBiography,
} from './domain.ts';
import type { GuardedSave, OpenedParticipant } from './guard.ts';
import { all, byId, type Dependency, joiningOrLeaving, shows } from './queryDependencies.ts';
import type { ReadOnlyRefusal, RefusalParams, RefusalReason } from './refusals.ts';
import type { SyncConfigureRequest, SyncOverview } from './syncSettings.ts';

export type { MeetingSummary, NoteRevision, ReferenceGroup, SectorEntryWithCount, SectorSummary };

/** Records a user creates, edits and deletes through forms. */
export interface Entities {
  summit: Summit;
  meeting: Meeting;
  person: Person;
  country: Country;
  source: Source;
  programme: Programme;
  sector: Sector;
  sectorEntry: SectorEntry;
  timelineEvent: TimelineEvent;
  followUp: FollowUp;
}
export type EntityName = keyof Entities;
export const entityNames = [
  'summit',
  'meeting',
  'person',
  'country',
  'source',
  'programme',
  'sector',
  'sectorEntry',
  'timelineEvent',
  'followUp',
] as const satisfies readonly EntityName[];
export type EntityInput<E extends EntityName> = Omit<Entities[E], 'id'>;

export interface ClassificationLevel {
  name: string;
  /** Portion mark printed before a section, e.g. "NR". */
  portion: string;
}
export interface ClassificationScheme {
  name: string;
  /** Lowest first: the order is what the app computes with. */
  levels: ClassificationLevel[];
}
/** A level of the saved scheme given a new name in Settings: everything marked `from` is carried to `to`. */
export interface LevelRename {
  from: string;
  to: string;
}
/** A change of settings; a scheme's renamed levels are said, as only the form that renamed them knows which they are. */
/**
 * `droppedLevelsConfirmed`: the levels this scheme removes that the desk was told still mark records and chose to
 * remove anyway (Settings asks Apply to be pressed again); a level removed while records carry it is refused otherwise.
 */
/**
 * `loweredLevelsConfirmed`: the levels this scheme moves below one they ranked above, while records carry them, that
 * the desk was told of (Settings asks Apply to be pressed again): a page holding both would then carry the other's
 * banner, so such a move is refused otherwise.
 */
export type SettingsUpdate = Partial<Settings> & {
  renamedLevels?: LevelRename[];
  droppedLevelsConfirmed?: string[];
  loweredLevelsConfirmed?: string[];
};
export interface Settings {
  homeTimeZone: string;
  theme: 'system' | 'light' | 'dark';
  language: 'en' | 'ko';
  classificationScheme: ClassificationScheme;
  /** The level a new record is offered first; '' to start it unmarked and ask. */
  defaultMarking: string;
  /** How many automatic backups of the store are kept. */
  backupsToKeep: number;
  /** Minutes without a key press or click before Sherpa locks itself. */
  autoLockMinutes: number;
}

/** One backup of the store, in the data folder's backups folder. */
export interface Backup {
  name: string;
  /** Full path, so the user can find it. */
  file: string;
  createdAt: string;
  reason: 'daily' | 'before-migration' | 'before-restore' | 'manual';
  bytes: number;
}

export interface Dashboard {
  upcomingSummits: Summit[];
  upcomingMeetings: MeetingSummary[];
  openFollowUps: FollowUp[];
  recentNotes: Note[];
}
export interface SummitView {
  summit: Summit;
  /** The host country chosen in the summit's form, or null. */
  country: Country | null;
  meetings: MeetingSummary[];
  timeline: TimelineEvent[];
  /**
   * Everyone attending any of the summit's meetings, once each: how many, and
   * the first few, by name (all of them with `summit.participants`).
   */
  participants: ListStart<Person>;
  /** Sectors with an entry dated within the summit's days: how many, and the first few (all with `summit.sectors`). */
  sectors: ListStart<Sector>;
}
export interface MeetingBrief {
  meeting: Meeting;
  summit: Summit | null;
  participants: MeetingParticipant[];
  counterpart: Person | null;
  followUps: FollowUp[];
  annotations: Note[];
  source: Source | null;
}
export interface PersonView {
  person: Person;
  country: Country | null;
  meetings: MeetingSummary[];
}
export interface ProgrammeView {
  programme: Programme;
  sectors: SectorSummary[];
}
export interface SectorView {
  sector: Sector;
  programme: Programme;
  entries: SectorEntryWithCount[];
}
export interface NoteContent {
  title: string;
  body: string;
  tags: string[];
  classification: string;
}
export type NoteSaveResult = { status: 'saved'; note: Note } | { status: 'conflict'; current: Note };

export type { BriefingPack, PackDefinition, PaperSize };
export interface PackExportRequest {
  id: number;
  paper?: PaperSize;
  /** Stamps each page with this recipient, the date and the next copy number. */
  copyFor?: string;
  /** Where to write the PDF; in the app only inside the exports folder. */
  outPath?: string;
}
/** Where an export's time went: Sherpa's own work against the engine's printing. */
export interface PackExportTimings {
  totalMs: number;
  /** Reading the store and building the content. */
  gatherMs: number;
  /** React to HTML, every pass. */
  renderMs: number;
  /** Inside the engine (load, layout, print), every pass. */
  engineMs: number;
  /** Of engineMs, the engine's own print call (Chromium's page.pdf). */
  enginePrintMs: number;
  /** Reading the printed PDFs back for page numbers. */
  readBackMs: number;
  writeMs: number;
  passes: number;
}
/** How far a running export is, for a progress bar: polled while pack.export is under way. */
/** A record in a pack without a marking of the scheme: the pack is not exported until it has one. */
/**
 * What an unmarked record is to the pack ("Follow-up", "Participant", a note on a meeting), so the builder names it
 * in the interface language: `name` says it in English, as the export's error and the command line do.
 */
export type UnmarkedRole =
  | 'record'
  | 'source'
  | 'principal'
  | 'followUp'
  | 'participant'
  | 'counterpart'
  | 'programme'
  | 'biographyFor'
  | 'noteOnMeeting'
  | 'noteOnEntry'
  | 'noteOnSummit'
  | 'noteOnSector';
export interface UnmarkedRecord {
  name: string;
  role: UnmarkedRole;
  /** The record's own title or name, as typed. */
  title: string;
  /** What it belongs to, as typed: the meeting a biography was written for, the record a note is on; '' for none. */
  on: string;
  /** The level it carries that the scheme lacks; '' when it carries none. */
  foreignLevel: string;
}

export type PackExportStatus =
  | { running: false }
  | { running: true; step: 'gathering' | 'layout' | 'numbering' | 'writing' | 'done'; fraction: number; message: string };
export interface PackExportResult {
  path: string;
  pages: number;
  bytes: number;
  /** The banner printed on every page: the highest level among the items included. */
  banner: string;
  copyNumber: number | null;
  /** Records that printed with empty boxes where the machine has no font for their characters. */
  unprintable: UnprintableRecord[];
  timings: PackExportTimings;
}

/** One record a pack will print, as the builder lists it before export. */
/** The record a group of a pack's notes is on: the PDF heads the group "Summit: …", the builder in its own language. */
export interface NotesOn {
  kind: 'summit' | 'meeting' | 'sector';
  title: string;
}
export interface PackPreviewRecord {
  kind: 'meeting' | 'participant' | 'followUp' | 'sector' | 'sectorEntry' | 'annotation' | 'note' | 'timelineEvent' | 'person' | 'source';
  title: string;
  /** For a note of the notes section, what it is on. */
  on?: NotesOn;
  /** Portion mark, e.g. "(NU)", as the PDF prints it before the record. */
  mark: string;
  /** The marking it prints at (a level name, '' when unmarked): the builder lists it on screen, so the window's banner counts it. */
  classification: string;
}
/** What a pack would print if exported now: each section with its records, and the banner. */
export interface PackPreview {
  /** The highest level of the scheme among what prints; '' when nothing carries one. */
  banner: string;
  /** Something prints with no marking, or one the scheme lacks: the banner cannot be worked out and export waits. */
  holdsUnmarked: boolean;
  /**
   * Markings of no level of the scheme that something printed carries (the scheme changed after it was marked, a
   * bundle from a desk on another scheme): the banner line names them, as the window's banner does.
   */
  outsideScheme: string[];
  /** Something prints with no marking at all. */
  holdsNoMarking: boolean;
  sections: {
    kind: PackDefinition['sections'][number]['kind'];
    title: string;
    mark: string;
    /** The section's marking: the highest level it holds, or the marking of something in it of no level of the scheme. */
    classification: string;
    records: PackPreviewRecord[];
  }[];
  /** The people of the pack's meetings: who the biographies can hold, for the builder's list. */
  peopleOfMeetings: { id: number; name: string; nativeName: string; title: string; biography: string; classification: string }[];
  /** Every entry of each sector section, taken out or not, so the builder can list them and put one back. */
  sectorEntries: { sectorId: number; entries: PackSectorEntryChoice[] }[];
  /**
   * Notes linked to the pack's sectors but written for another of the desk's summits, kept or not, so
   * the builder can list them and keep one; empty when the pack has no notes section.
   */
  otherSummitNotes: PackOtherSummitNote[];
  /** Records holding characters no installed font can draw: they would print as empty boxes. */
  unprintable: UnprintableRecord[];
}
/** A sector's note written for another summit, as the builder lists it: left out of the pack unless kept. */
export interface PackOtherSummitNote {
  id: number;
  title: string;
  /** Portion mark, e.g. "(NS)"; "(UNMARKED)"-style when nobody marked it. */
  mark: string;
  /** The day it was written, at that summit's venue. */
  writtenOn: string;
  /** The title of the summit it was written for. */
  otherSummit: string;
  removed: boolean;
}
/** A record whose text holds characters the machine's fonts cannot draw, and their scripts. */
export interface UnprintableRecord {
  /**
   * 'marking': the banner and the portion marks, which every page prints whatever the records say. The cover's
   * texts each as what they are ('packTitle', 'packRecipient', 'copyFor'), so the one at fault is the one named.
   */
  kind: PackPreviewRecord['kind'] | 'packTitle' | 'packRecipient' | 'copyFor' | 'summit' | 'programme' | 'country' | 'marking';
  /** How the builder names the record: its title or name (for 'marking', the banner's). */
  title: string;
  /** ISO 15924 codes of the scripts left undrawn (e.g. "Ethi"), for the interface to name in the user's language. */
  scripts: string[];
  /** The first few such characters, to show what is meant. */
  characters: string;
}
/** One entry of a sector section as the builder lists it: its mark, date and title, and whether it prints. */
export interface PackSectorEntryChoice {
  id: number;
  occurredOn: string;
  title: string;
  /** Portion mark, e.g. "(S)"; "(UNMARKED)"-style when nobody marked it. */
  mark: string;
  /** Its marking, which the window's banner counts while the builder lists it. */
  classification: string;
  removed: boolean;
  /** Dated after the pack's summit ended. */
  afterSummit: boolean;
  /** The title of another summit the entry is dated during (not during the pack's own): left out unless kept. */
  otherSummit: string | null;
}

type Channel_<Req, Res> = { request: Req; response: Res };
type Empty = Record<string, never>;
type ById = { id: number };

type EntityChannels = {
  [E in EntityName as `${E}.get`]: Channel_<ById, Entities[E]>;
} & {
  [E in EntityName as `${E}.create`]: Channel_<EntityInput<E>, Entities[E]>;
} & {
  [E in EntityName as `${E}.update`]: Channel_<GuardedUpdate<E>, GuardedSave<Entities[E]>>;
} & {
  [E in EntityName as `${E}.delete`]: Channel_<DeleteRequest, DeleteResult<E>>;
} & {
  [E in EntityName as `${E}.references`]: Channel_<ById, RecordReferences>;
};

// ---- Guarded writes (r6-guard): shared/guard.ts says why the opened values, not a revision ----
export type { GuardedSave, OpenedParticipant };
/**
 * Changing some fields of a record. `expected` holds each changed field's value
 * as the editor opened it: if the store reads otherwise now (another window, a
 * sync), nothing is written and the answer is `stale` with the record as it is.
 * A field left out of `expected` is written unchecked: only a form that could not
 * read the stored value (a time in a zone this machine lacks) leaves one out.
 * `expected` is required, so an editor that forgets it does not compile; trusted
 * writers pass `{}` (nothing checked): tests and tools writing as "the other
 * window" or "the other desk" on purpose. (The store's schema still takes a
 * request without it, from a tool that does not use these types.)
 * Replication and bundles never come through here: they merge revisions
 * (db/sync/merge.ts), and two desks' edits become a conflict kept side by side.
 */
export interface GuardedUpdate<E extends EntityName> {
  id: number;
  patch: Partial<EntityInput<E>>;
  expected: Partial<EntityInput<E>>;
}
// ---- end of guarded writes ----

/**
 * Deleting one record; `takeAlong` also deletes what cites it and moves its annotations to the trash.
 * A record holding another desk's versions not yet settled (a sync conflict) is refused as
 * `conflict` (`unsettled_conflict`) unless `withOtherVersions`: those are then closed with it (kept
 * in its history), or the first exchange would bring the record back with one of their texts.
 */
export interface DeleteRequest {
  id: number;
  takeAlong?: boolean;
  withOtherVersions?: boolean;
}
export interface DeleteResult<E extends EntityName> {
  deleted: Entities[E];
  /** Hand to `deletion.undo` to put everything back with the same ids. */
  undoId: number;
  /** What the delete took with it or unlinked. */
  references: ReferenceGroup[];
}
/** What refers to a record: what a plain delete would do, and what a delete that takes them along would. */
export interface RecordReferences {
  alone: ReferenceGroup[];
  takeAlong: ReferenceGroup[];
  /** Other desks' versions of it not yet settled (a sync conflict): a delete must say it closes them too. */
  otherVersions?: number;
}
export interface UndoResult {
  entity: EntityName | 'pack';
  id: number;
  name: string;
  /** Everything put back with it. */
  references: ReferenceGroup[];
}

interface QueryChannels {
  'dashboard.get': Channel_<Empty, Dashboard>;
  'summit.list': Channel_<Empty, Summit[]>;
  'summit.view': Channel_<ById, SummitView>;
  /** Everyone attending the summit's meetings, once each, by name: opened from the summit view. */
  'summit.participants': Channel_<ById, Person[]>;
  /** Every sector with an entry dated within the summit's days, with its entry count: opened from the summit view. */
  'summit.sectors': Channel_<ById, SectorSummary[]>;
  'meeting.brief': Channel_<ById, MeetingBrief>;
  /** `expected`: the list as the editor opened it; one changed since is not replaced (answered `stale`). null only from trusted writers (see GuardedUpdate). */
  'meeting.setParticipants': Channel_<
    { id: number; participants: { personId: number; side: ParticipantSide; role: string }[]; expected: OpenedParticipant[] | null },
    GuardedSave<MeetingParticipant[]>
  >;
  'person.list': Channel_<Empty, Person[]>;
  'person.view': Channel_<ById, PersonView>;
  'country.list': Channel_<Empty, Country[]>;
  'source.list': Channel_<Empty, Source[]>;
  'programme.list': Channel_<Empty, ProgrammeView[]>;
  'sector.view': Channel_<ById, SectorView>;
  'timeline.list': Channel_<Empty, TimelineEvent[]>;
  'search.query': Channel_<{ text: string; kinds?: SearchKind[]; summitId?: number; sectorId?: number; limit?: number }, SearchHit[]>;
  'settings.get': Channel_<Empty, Settings>;
  /** Whether the store takes writes now, and if not why: being checked after an unexpected stop, or for good (read-only). */
  'store.writes': Channel_<Empty, StoreWrites>;
  'settings.update': Channel_<SettingsUpdate, Settings>;
  /** How many records carry each level named: said before a scheme drops or renames one. */
  'settings.markingCounts': Channel_<{ levels: string[] }, Record<string, number>>;
  'backup.list': Channel_<Empty, Backup[]>;
  'backup.create': Channel_<Empty, Backup>;
  /** Replaces the store's content with a backup; the state before is kept as a backup of its own. Reload the views after. */
  'backup.restore': Channel_<{ name: string }, { restored: Backup; before: Backup }>;
  'note.get': Channel_<ById, Note>;
  'note.create': Channel_<{ sectorEntryId?: number; meetingId?: number } & NoteContent, Note>;
  /** `continuesSession`: the window saved this note before without leaving it (one revision per typing session). */
  'note.save': Channel_<{ id: number; baseVersion: number; continuesSession?: boolean } & NoteContent, NoteSaveResult>;
  'note.listFor': Channel_<{ sectorEntryId: number } | { meetingId: number }, Note[]>;
  'note.revisions': Channel_<ById, NoteRevision[]>;
  /** Links a free-standing note to one summit, meeting or sector (null: to nothing); its text and version stay. */
  'note.link': Channel_<{ id: number; link: NoteLink }, Note>;
  'pack.list': Channel_<Empty, BriefingPack[]>;
  'pack.get': Channel_<ById, BriefingPack>;
  /**
   * Saves under a name, replacing the pack of that name. `expected`: that pack's definition as the
   * builder last took it in (null: it knew of none); a pack saved elsewhere since is not replaced,
   * refused as `conflict` naming the pack (the builder reads it and says so). Required, as every
   * editor's update: a save that forgot it is refused at its field, never taken as a blind replace.
   */
  'pack.save': Channel_<{ name: string; definition: PackDefinition; expected: PackDefinition | null }, BriefingPack>;
  /** `undoId` goes to `deletion.undo`, which puts the pack back with the same id. */
  'pack.delete': Channel_<ById, { deleted: BriefingPack; undoId: number }>;
  'pack.export': Channel_<PackExportRequest, PackExportResult>;
  'pack.exportStatus': Channel_<ById, PackExportStatus>;
  'pack.cancelExport': Channel_<ById, { cancelled: boolean }>;
  /** What in a saved pack carries no marking of the scheme, listed before export (export refuses while any is left). */
  'pack.unmarked': Channel_<ById, UnmarkedRecord[]>;
  /** Biographies written for one meeting, by person: a pack prints them instead of the shared ones. */
  'meeting.biographies': Channel_<ById, WrittenBiography[]>;
  /** Writes (or, with an empty text, removes) a person's biography for a meeting; answers the meeting's list. */
  /** `expected`: the text as the editor opened it ('' for none); one saved since is not replaced (answered `stale`). null only from trusted writers (see GuardedUpdate). */
  'meeting.setBiography': Channel_<
    { meetingId: number; personId: number; text: string; expected: string | null },
    GuardedSave<WrittenBiography[]>
  >;
  /** What a definition (saved or not) would print now: the builder's list before export. */
  'pack.preview': Channel_<{ definition: PackDefinition }, PackPreview>;
  /**
   * The cover's texts as typed in the builder (title, recipient, the copy's recipient): any no installed font
   * draws, named as the preview names them, asked at each keystroke without gathering the pack again.
   */
  'pack.unprintableCover': Channel_<{ title: string; recipient: string; copyFor: string }, UnprintableRecord[]>;
  /**
   * What the installed fonts draw, as merged [first, last] code point ranges; null where Sherpa cannot
   * tell (no fontconfig). The window shows text with the same fonts, and warns of the same boxes.
   */
  'fonts.coverage': Channel_<Empty, { ranges: [number, number][] } | null>;
  'note.list': Channel_<{ kind?: 'note' | 'annotation' | 'all'; tag?: string }, Note[]>;
  'note.tags': Channel_<Empty, { tag: string; count: number }[]>;
  'note.trash': Channel_<ById, Note>;
  'note.restore': Channel_<ById, Note>;
  'note.listTrash': Channel_<Empty, Note[]>;
  'note.emptyTrash': Channel_<Empty, { deleted: number }>;
  /** Deletes an annotation left with nothing written in it; one that holds anything is kept. */
  'note.discardIfEmpty': Channel_<ById, { discarded: boolean }>;
  'note.restoreRevision': Channel_<{ id: number; version: number; baseVersion: number }, NoteSaveResult>;
  /** Puts back what one recent delete removed, with the same ids. */
  'deletion.undo': Channel_<ById, UndoResult>;
  // ---- Conflicts between desks (conflictui) ----
  /** Records two desks changed at once, with other versions kept beside the one shown. */
  'conflict.list': Channel_<Empty, ConflictSummary[]>;
  /** One record's versions side by side, field by field; `id` is the record's id shared by every desk. */
  'conflict.get': Channel_<{ id: string }, RecordConflict>;
  /** Keeps, dismisses, takes or merges; written as revisions, so every desk converges on it. */
  'conflict.resolve': Channel_<ConflictResolution, ConflictResolved>;
  /** Records deleted on one desk and kept because records added on another refer to them; the same on every desk. */
  'conflict.restorations': Channel_<Empty, RestoredRecord[]>;
  /** Keeps such a record (the notice goes on every desk) or deletes it with the records referring to it. */
  'conflict.settleRestoration': Channel_<RestorationSettlement, RestorationSettled>;
  // ---- Live replication (Settings → Sync) ----
  /** The server, the summits this desk shares and the state line. */
  'sync.status': Channel_<Empty, SyncOverview>;
  /** Connects to the desk's server (https, or http on this computer only) and chooses the summits shared; starts replicating. */
  'sync.configure': Channel_<SyncConfigureRequest, SyncOverview>;
  /** Stops replicating and forgets the server and its password; records stay as they are. */
  'sync.disconnect': Channel_<Empty, SyncOverview>;
  /** A round with the server now; answers once it is done (the state line says how it went). */
  'sync.now': Channel_<Empty, SyncOverview>;
}

// ---- Exchange: contact cards and signed bundles for desks with no network between them ----
interface ExchangeChannels {
  /** This desk's contact card (its key pair is made on first use), and the card as text to hand to colleagues. */
  'desk.card': Channel_<Empty, DeskCard>;
  'desk.rename': Channel_<{ deskName: string }, DeskCard>;
  /** Writes the card as a text file into the exports folder, for a stick or a message. */
  'desk.saveCard': Channel_<Empty, { path: string }>;
  /** Colleagues' desks accepted here: bundles go to them, and theirs are recognised. */
  'contact.list': Channel_<Empty, ContactCard[]>;
  /** Accepts a colleague's card, pasted or read from its file. */
  'contact.add': Channel_<{ text: string }, ContactAddOutcome>;
  'contact.remove': Channel_<{ fingerprint: string }, { removed: ContactCard }>;
  /**
   * Stops trusting an accepted desk's key (its laptop lost or stolen): its card leaves the accepted desks, and a
   * bundle it signs or its card offered again is refused from then on.
   */
  'contact.revoke': Channel_<{ fingerprint: string }, { revoked: RevokedContact }>;
  /** Desks whose keys this desk no longer trusts, the latest first. */
  'contact.listRevoked': Channel_<Empty, RevokedContact[]>;
  /** What a bundle of this selection would hold, and its markings: shown before export. */
  'bundle.contents': Channel_<{ selection: BundleSelection }, BundleContents>;
  /** Signs and encrypts the selection into a `.sherpa` file in the exports folder. */
  'bundle.export': Channel_<BundleExportRequest, BundleExportResult>;
  /** Hands over one part of a bundle too large for one request; inspect and import then name the upload. */
  'bundle.stage': Channel_<BundleStageRequest, { upload: string; received: number; complete: boolean }>;
  /** Verifies and decrypts a bundle and says what importing it would change; changes nothing. */
  'bundle.inspect': Channel_<BundleOpenRequest, BundleInspection>;
  /**
   * Merges a bundle by the replication rules, a slice at a time once every check passed (a refused bundle changes
   * nothing; one cut short by a crash is completed by importing it again); `acceptSigner` after its fingerprint was checked.
   */
  'bundle.import': Channel_<BundleOpenRequest & { acceptSigner: boolean }, BundleImportOutcome>;
  /** How far the import under way has come, for the page to show while it waits; null when none is. */
  'bundle.importProgress': Channel_<Empty, BundleImportProgress | null>;
  /** Bundles opened for review and neither imported nor cancelled (Sherpa closed meanwhile): their files are asked for again. */
  'bundle.notImported': Channel_<Empty, BundleNotImported[]>;
  /** Stops asking for a bundle's file (the review was cancelled, or the officer no longer wants it). */
  'bundle.forget': Channel_<{ bundleId: string }, { forgotten: boolean }>;
  /** A page of the records the bundle reviewed last would change in one way (new, updated, conflicting), in the review's order. */
  'bundle.reviewLines': Channel_<
    { bundleId: string; change: 'new' | 'updated' | 'conflicting'; offset: number; limit: number },
    BundleReviewLines
  >;
}

export type Contract = QueryChannels & EntityChannels & ExchangeChannels;
export type Channel = keyof Contract;
export type Request<K extends BridgeChannel> = FullContract[K]['request'];
export type Response<K extends BridgeChannel> = FullContract[K]['response'];

/**
 * The side effects a channel has, declared apart from each other (as Actual
 * Budget wraps a handler in `mutator(undoable(fn))`): the dispatch honours both.
 */
export interface ChannelEffects {
  /** Runs inside one write transaction: all of it is stored, or none. */
  readonly transaction: boolean;
  /**
   * Tells every window what changed: `touched` sends the records the call
   * reports it changed (none, none sent), `everything` says the whole store was
   * replaced (or opened), `locked` that it was closed and nothing of it may stay shown.
   */
  readonly announces: 'touched' | 'everything' | 'locked' | false;
  /**
   * A read a view shows through a query (declared with `shows`): what of the
   * store its answer shows, so which changes make it stale (renderer/src/queryScope.ts).
   * A read without it is called, never cached: a command, or asking what refers to a record.
   */
  readonly shows?: (request: never) => Dependency[];
}
const reads = { transaction: false, announces: false } as const satisfies ChannelEffects;
const writes = { transaction: true, announces: 'touched' } as const satisfies ChannelEffects;

/** Every record a user edits: what a search, or what a pack would print, can show. */
const everyEntity: ChangedEntity[] = [...entityNames, 'note'];
const queryEffects = {
  'dashboard.get': shows(() => all('summit', 'meeting', 'followUp', 'note')),
  'summit.list': shows(() => all('summit')),
  'summit.view': shows(({ id }) => [
    { entity: 'summit', id },
    ...all('country', 'meeting', 'timelineEvent', 'person', 'sector', 'sectorEntry'),
  ]),
  'summit.participants': shows(({ id }) => [{ entity: 'summit', id }, ...all('meeting', 'person')]),
  'summit.sectors': shows(({ id }) => [{ entity: 'summit', id }, ...all('sector', 'sectorEntry')]),
  // Its annotations are patched in place when one is edited (noteHolders in renderer/src/queryScope.ts).
  'meeting.brief': shows(({ id }) => [
    { entity: 'meeting', id },
    ...all('summit', 'person', 'followUp', 'source'),
    joiningOrLeaving('note'),
  ]),
  'meeting.setParticipants': writes,
  'person.list': shows(() => all('person')),
  'person.view': shows(({ id }) => [{ entity: 'person', id }, ...all('country', 'meeting')]),
  'country.list': shows(() => all('country')),
  'source.list': shows(() => all('source')),
  'programme.list': shows(() => all('programme', 'sector')),
  // Entries carry a count of their annotations: it changes when one is added or trashed, not edited.
  'sector.view': shows(({ id }) => [{ entity: 'sector', id }, ...all('programme', 'sectorEntry'), joiningOrLeaving('note')]),
  'timeline.list': shows(() => all('timelineEvent')),
  'search.query': shows(() => all(...everyEntity)),
  'settings.get': shows(() => all('settings')),
  // Changes without any write: the check after an unexpected stop passing (main/core.ts announces it).
  'store.writes': shows(() => all('store')),
  'settings.update': writes,
  'settings.markingCounts': shows(() => all(...everyEntity)),
  'backup.list': shows(() => all('backup')),
  // Backups run on SQLite's online backup API, asynchronously, outside a store transaction;
  // a new backup is news for every window's backup list, a restore replaces everything shown.
  'backup.create': { transaction: false, announces: 'touched' },
  'backup.restore': { transaction: false, announces: 'everything' },
  'note.get': shows(byId('note')),
  'note.create': writes,
  'note.save': writes,
  'note.listFor': shows(() => [joiningOrLeaving('note')]),
  'note.revisions': shows(byId('note')),
  'pack.list': shows(() => all('pack')),
  'pack.get': shows(byId('pack')),
  'pack.save': writes,
  'pack.delete': writes,
  // Reads the store and writes a file, not the store: no store transaction held across the print.
  'pack.export': reads,
  // Polled while an export runs; no store change bears on it.
  'pack.exportStatus': shows(() => []),
  // Stops a print; the store is not touched.
  'pack.cancelExport': reads,
  // What a pack would print unmarked: any marking, record or pack change bears on it.
  'pack.unmarked': shows(() => all(...everyEntity, 'pack', 'settings')),
  // What a pack would print: any record of its summit, and the settings (home zone, scheme).
  'pack.preview': shows(() => all(...everyEntity, 'pack', 'settings')),
  // Reads the machine's fonts, not the store.
  'pack.unprintableCover': shows(() => []),
  // Read once per process (a font installed later counts after a restart): nothing the store does changes it.
  'fonts.coverage': shows(() => []),
  'note.link': writes,
  // A meeting's own biographies change with that meeting (meeting.setBiography says so).
  'meeting.biographies': shows(byId('meeting')),
  'meeting.setBiography': writes,
  'note.list': shows(() => [joiningOrLeaving('note')]),
  // Tags change with a note's edit too: refreshed when the edited note's tags differ (refreshNote).
  'note.tags': shows(() => [joiningOrLeaving('note')]),
  'note.trash': writes,
  'note.restore': writes,
  'note.listTrash': shows(() => [joiningOrLeaving('note')]),
  'note.emptyTrash': writes,
  'note.discardIfEmpty': writes,
  'note.restoreRevision': writes,
  'deletion.undo': writes,
  // A record joins the list when an exchange with another desk brings a conflict (that announces
  // what it wrote), leaves it when settled here, or when a record is deleted: never on a plain edit,
  // so typing in a note does not re-read every record's history.
  'conflict.list': shows(() => [{ entity: 'conflict' }, ...everyEntity.map(joiningOrLeaving)]),
  // The versions side by side: the record's own edits change the version shown.
  'conflict.get': shows(() => all(...everyEntity, 'conflict')),
  'conflict.resolve': writes,
  // Like the conflicts list: a merge that brings a record back or answers its deletion announces 'conflict'.
  'conflict.restorations': shows(() => [{ entity: 'conflict' }, ...everyEntity.map(joiningOrLeaving)]),
  'conflict.settleRestoration': writes,
  // The state line, and the summits offered for sharing by title. Every saved record changes how
  // many changes wait to be sent: a local save makes it stale at once, not at the next exchange.
  'sync.status': shows(() => all('sync', ...everyEntity)),
  // Replication talks to a server for as long as it takes: never inside a store transaction. Each merged batch is its own.
  'sync.configure': { transaction: false, announces: 'touched' },
  'sync.disconnect': { transaction: false, announces: 'touched' },
  'sync.now': { transaction: false, announces: 'touched' },
} as const satisfies { [K in keyof QueryChannels]: ChannelEffects & { shows?: (request: QueryChannels[K]['request']) => Dependency[] } };

const exchangeEffects = {
  // The desk's key pair is made when the store is first opened (main/core.ts).
  'desk.card': shows(() => all('desk')),
  'desk.rename': writes,
  // Write a file, not the store.
  'desk.saveCard': reads,
  'contact.list': shows(() => all('contact')),
  'contact.add': writes,
  'contact.remove': writes,
  'contact.revoke': writes,
  'contact.listRevoked': shows(() => all('contact')),
  'bundle.contents': shows(() => all(...everyEntity)),
  // Seals what the store holds into a file; the bundle code settles deletions in a transaction of its own.
  'bundle.export': reads,
  // Kept in the main process's memory until inspected and imported (or ten minutes pass); the store is not touched.
  'bundle.stage': reads,
  'bundle.inspect': reads,
  // Merges a slice at a time, each its own transaction; any kind of record may have changed, and its signer joined the contacts.
  'bundle.import': { transaction: false, announces: 'everything' },
  // The main process's memory of the import under way, asked again and again while it runs: never cached.
  'bundle.importProgress': reads,
  'bundle.notImported': shows(() => all('contact')),
  'bundle.forget': writes,
  // The main process's memory of the last review: the store is not read.
  'bundle.reviewLines': reads,
} as const satisfies {
  [K in keyof ExchangeChannels]: ChannelEffects & { shows?: (request: ExchangeChannels[K]['request']) => Dependency[] };
};

const storeEffects: Record<Channel, ChannelEffects> = {
  ...queryEffects,
  ...exchangeEffects,
  ...(Object.fromEntries(
    entityNames.flatMap((entity) => [
      [`${entity}.get`, shows(byId(entity))],
      [`${entity}.create`, writes],
      [`${entity}.update`, writes],
      [`${entity}.delete`, writes],
      [`${entity}.references`, reads],
    ]),
  ) as Record<keyof EntityChannels, ChannelEffects>),
};
type ShownBy<M> = { [K in keyof M]: M[K] extends { shows: unknown } ? K : never }[keyof M];
/** The channels a view reads through a query: those that say what they show. */
export type ReadChannel = ShownBy<typeof queryEffects> | ShownBy<typeof exchangeEffects> | `${EntityName}.get`;
/** The store's channels, answered by the dispatch over an open store. */
export const channels = Object.keys(storeEffects) as Channel[];

export type ErrorCode =
  | 'invalid_request'
  | 'not_found'
  | 'conflict'
  | 'constraint'
  | 'read_only'
  | 'unknown_channel'
  // Over `maxRequestBytes` (shared/limits.ts), refused before it is read.
  | 'too_large'
  | 'internal'
  // The web harness refused the page's token: the address is from an earlier start, or mistyped.
  | 'link_not_valid'
  | SessionErrorCode;
export interface IpcError {
  code: ErrorCode;
  message: string;
  /** The request field the message is about, for showing it at the form field. */
  field?: string;
  /** The records a refusal is about, by the names the user gave them: the page says the rule in the user's language and lists these. */
  names?: string[];
  // r6-words: what the page words in the user's language (shared/refusals.ts); `message` stays English, for logs.
  /** Why, more precisely than the code: the page's sentence for it. */
  reason?: RefusalReason;
  /** The values that sentence names (a length, a backup's name). */
  params?: RefusalParams;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What a change can touch: the form-edited records, notes, packs, the settings, the backups, the conflicts between desks, replication's state, this desk's card and its contacts. */
export type ChangedEntity =
  | EntityName
  | 'note'
  | 'pack'
  | 'settings'
  | 'backup'
  | 'conflict'
  | 'sync'
  | 'desk'
  | 'contact'
  // Whether the store takes writes (store.writes): no record, the store as a whole.
  | 'store';

/** Whether the store takes writes now; `reason`, when not, for the page to word (shared/refusalTexts.ts). */
export interface StoreWrites {
  writable: boolean;
  reason: ReadOnlyRefusal | null;
}
/** Records of one entity that a write touched, and how: lists care about records joining or leaving. */
export interface Touched {
  entity: ChangedEntity;
  how: 'created' | 'updated' | 'deleted';
  /** Empty for what has no numeric id (the settings, a backup). */
  ids: number[];
}
/**
 * Sent to every window after a write that changed something, so each refetches
 * only what it shows of it. A restore replaced the whole store: everything.
 */
export type ChangeEvent =
  | { channel: BridgeChannel; scope: 'everything' }
  | { channel: BridgeChannel; scope: 'touched'; touched: Touched[] }
  // Sherpa locked (a window's lock, the idle timer, the machine sleeping): every window drops all it holds of the store.
  | { channel: BridgeChannel; scope: 'locked' };

/** What the preload exposes as `window.sherpa`: one method per channel, nothing generic. */
export type SherpaApi = {
  readonly [K in BridgeChannel]: (request: Request<K>) => Promise<Result<Response<K>>>;
} & {
  readonly onChange: (listener: (event: ChangeEvent) => void) => () => void;
  /** Quit handshake: main asks the page to save every open note before the app exits. */
  readonly onFlushRequest: (listener: () => void) => () => void;
  /** Tells main that the page has saved (or journaled) everything after a flush request. */
  readonly flushDone: () => void;
};

// ---- Session: encryption at rest and the lock ----
// Answered by the lock layer around the dispatch (main/session/), not by the
// store's handlers: while locked there is no open store to hand them to.

/** Every store channel answers this while the session is locked; so do these session channels when their secret is wrong. */
export type SessionErrorCode = 'locked' | 'wrong_secret' | 'key_file_damaged';

export interface SessionStatus {
  locked: boolean;
  /** False on first run: the user sets a passphrase (and a plain store, if any, is encrypted). */
  keysSet: boolean;
  /** Plaintext files from before encryption, waiting for the user to choose: encrypt or remove. */
  plaintextLeftovers: string[];
  /** The user asked for the passphrase at every start (kept in the key file, so it holds before unlock). */
  askAtStart: boolean;
  /** Whether this computer's keychain can open Sherpa at start (false on Linux basic_text and in the web target: the passphrase is always asked). */
  keychainProtects: boolean;
}
export interface SessionSetUp {
  /** Shown once; Sherpa keeps only the data key wrapped by it. */
  recoveryKey: string;
  plaintextLeftovers: string[];
}

interface SessionChannels {
  'session.status': Channel_<Empty, SessionStatus>;
  /** First run: sets the passphrase, encrypts any plain store, unlocks. */
  'session.setup': Channel_<{ passphrase: string }, SessionSetUp>;
  'session.unlock': Channel_<{ passphrase: string }, SessionStatus>;
  /** Opens with the recovery key (another machine, a forgotten passphrase) and sets a new passphrase. */
  'session.recover': Channel_<{ recoveryKey: string; newPassphrase: string }, SessionStatus>;
  'session.lock': Channel_<Empty, SessionStatus>;
  'session.changePassphrase': Channel_<{ passphrase: string; newPassphrase: string }, SessionStatus>;
  /** A new recovery key after the passphrase is re-entered; the old one stops working. */
  'session.newRecoveryKey': Channel_<{ passphrase: string }, { recoveryKey: string }>;
  /** Ask for the passphrase at every start (the keychain copy is removed), or stop asking (needs the passphrase; the copy is written back). */
  'session.askAtStart': Channel_<{ ask: true } | { ask: false; passphrase: string }, SessionStatus>;
  'session.settleLeftovers': Channel_<{ action: 'encrypt' | 'remove' }, { settled: string[]; failed: string[] }>;
  /** Key material for the page's draft journal: derived from the store key (HKDF), never the store key itself. */
  'session.draftKey': Channel_<Empty, { key: string }>;
}
export type SessionChannel = keyof SessionChannels;
export const sessionChannels = [
  'session.status',
  'session.setup',
  'session.unlock',
  'session.recover',
  'session.lock',
  'session.changePassphrase',
  'session.newRecoveryKey',
  'session.askAtStart',
  'session.settleLeftovers',
  'session.draftKey',
] as const satisfies readonly SessionChannel[];
/** Session channels a locked session still answers. */
export const openWhileLocked: readonly SessionChannel[] = [
  'session.status',
  'session.setup',
  'session.unlock',
  'session.recover',
  'session.lock',
];

export type FullContract = Contract & SessionChannels;
/** Every channel the page can call: the store's and the session's. */
export type BridgeChannel = keyof FullContract;
export const bridgeChannels: readonly BridgeChannel[] = [...channels, ...sessionChannels];

// The lock layer honours these as the dispatch honours the store's: none runs in a store transaction.
const sessionEffects = {
  'session.status': reads,
  // A store opened: every window (one still on its lock screen too) fetches what it shows.
  'session.setup': { transaction: false, announces: 'everything' },
  'session.unlock': { transaction: false, announces: 'everything' },
  'session.recover': { transaction: false, announces: 'everything' },
  'session.lock': { transaction: false, announces: 'locked' },
  // The key file is rewrapped; the store and what windows show are untouched.
  'session.changePassphrase': reads,
  'session.newRecoveryKey': reads,
  'session.askAtStart': reads,
  // Old plaintext backups encrypted or removed: news for every window's backup list.
  'session.settleLeftovers': { transaction: false, announces: 'touched' },
  'session.draftKey': reads,
} as const satisfies Record<SessionChannel, ChannelEffects>;

/** Every channel's side effects, the store's and the session's. */
export const channelEffects: Record<BridgeChannel, ChannelEffects> = { ...storeEffects, ...sessionEffects };
