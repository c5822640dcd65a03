// The one contract between the renderer and the store: every channel, its
// request and its response. Main, preload and renderer import it; the only
// code here is the channel list the bridge is built from.
import type {
  BriefingPack,
  Country,
  FollowUp,
  Meeting,
  MeetingParticipant,
  MeetingSummary,
  Note,
  NoteRevision,
  PackDefinition,
  PaperSize,
  ParticipantSide,
  Person,
  Programme,
  SearchHit,
  SearchKind,
  Sector,
  SectorEntry,
  SectorEntryWithCount,
  SectorSummary,
  Source,
  Summit,
  TimelineEvent,
} from './domain.ts';

export type { MeetingSummary, NoteRevision, SectorEntryWithCount, SectorSummary };

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
export interface Settings {
  homeTimeZone: string;
  theme: 'system' | 'light' | 'dark';
  language: 'en' | 'ko';
  classificationScheme: ClassificationScheme;
  /** How many automatic backups of the store are kept. */
  backupsToKeep: number;
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
  meetings: MeetingSummary[];
  timeline: TimelineEvent[];
  /** Everyone attending any of the summit's meetings, once each. */
  participants: Person[];
  /** Sectors with an entry dated within the summit's days. */
  sectors: SectorSummary[];
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
  timings: PackExportTimings;
}

type Channel_<Req, Res> = { request: Req; response: Res };
type Empty = Record<string, never>;
type ById = { id: number };

type EntityChannels = {
  [E in EntityName as `${E}.create`]: Channel_<EntityInput<E>, Entities[E]>;
} & {
  [E in EntityName as `${E}.update`]: Channel_<{ id: number; patch: Partial<EntityInput<E>> }, Entities[E]>;
} & {
  [E in EntityName as `${E}.delete`]: Channel_<ById, { deleted: Entities[E] }>;
};

interface QueryChannels {
  'dashboard.get': Channel_<Empty, Dashboard>;
  'summit.list': Channel_<Empty, Summit[]>;
  'summit.view': Channel_<ById, SummitView>;
  'meeting.brief': Channel_<ById, MeetingBrief>;
  'meeting.setParticipants': Channel_<
    { id: number; participants: { personId: number; side: ParticipantSide; role: string }[] },
    MeetingParticipant[]
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
  'settings.update': Channel_<Partial<Settings>, Settings>;
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
  'pack.list': Channel_<Empty, BriefingPack[]>;
  'pack.get': Channel_<ById, BriefingPack>;
  'pack.save': Channel_<{ name: string; definition: PackDefinition }, BriefingPack>;
  'pack.delete': Channel_<ById, { deleted: BriefingPack }>;
  'pack.export': Channel_<PackExportRequest, PackExportResult>;
  'pack.exportStatus': Channel_<ById, PackExportStatus>;
  'pack.cancelExport': Channel_<ById, { cancelled: boolean }>;
  'note.list': Channel_<{ kind?: 'note' | 'annotation' | 'all'; tag?: string }, Note[]>;
  'note.tags': Channel_<Empty, { tag: string; count: number }[]>;
  'note.trash': Channel_<ById, Note>;
  'note.restore': Channel_<ById, Note>;
  'note.listTrash': Channel_<Empty, Note[]>;
  'note.emptyTrash': Channel_<Empty, { deleted: number }>;
  'note.restoreRevision': Channel_<{ id: number; version: number; baseVersion: number }, NoteSaveResult>;
}

export type Contract = QueryChannels & EntityChannels;
export type Channel = keyof Contract;
export type Request<K extends Channel> = Contract[K]['request'];
export type Response<K extends Channel> = Contract[K]['response'];

/** Whether a channel changes the store: writes run in one transaction and tell every window. */
export type Access = 'read' | 'write';
const queryAccess = {
  'dashboard.get': 'read',
  'summit.list': 'read',
  'summit.view': 'read',
  'meeting.brief': 'read',
  'meeting.setParticipants': 'write',
  'person.list': 'read',
  'person.view': 'read',
  'country.list': 'read',
  'source.list': 'read',
  'programme.list': 'read',
  'sector.view': 'read',
  'timeline.list': 'read',
  'search.query': 'read',
  'settings.get': 'read',
  'settings.update': 'write',
  'backup.list': 'read',
  // Backups run on SQLite's online backup API, asynchronously, outside the dispatch's write transaction.
  'backup.create': 'read',
  'backup.restore': 'read',
  'note.get': 'read',
  'note.create': 'write',
  'note.save': 'write',
  'note.listFor': 'read',
  'note.revisions': 'read',
  'pack.list': 'read',
  'pack.get': 'read',
  'pack.save': 'write',
  'pack.delete': 'write',
  // Reads the store and writes a file, not the store: no store transaction held across the print.
  'pack.export': 'read',
  'pack.exportStatus': 'read',
  // Stops a print; the store is not touched.
  'pack.cancelExport': 'read',
  'note.list': 'read',
  'note.tags': 'read',
  'note.trash': 'write',
  'note.restore': 'write',
  'note.listTrash': 'read',
  'note.emptyTrash': 'write',
  'note.restoreRevision': 'write',
} as const satisfies Record<keyof QueryChannels, Access>;

export const channelAccess: Record<Channel, Access> = {
  ...queryAccess,
  ...(Object.fromEntries(
    entityNames.flatMap((entity) => [
      [`${entity}.create`, 'write'],
      [`${entity}.update`, 'write'],
      [`${entity}.delete`, 'write'],
    ]),
  ) as Record<keyof EntityChannels, Access>),
};
export const channels = Object.keys(channelAccess) as Channel[];

export type ErrorCode = 'invalid_request' | 'not_found' | 'conflict' | 'constraint' | 'read_only' | 'unknown_channel' | 'internal';
export interface IpcError {
  code: ErrorCode;
  message: string;
  /** The request field the message is about, for showing it at the form field. */
  field?: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Sent to every window after a write, so all of them show the same data. */
export interface ChangeEvent {
  channel: Channel;
  /** The entity the write touched, e.g. "meeting" for "meeting.update". */
  entity: string;
  id: number | null;
}

/** What the preload exposes as `window.sherpa`: one method per channel, nothing generic. */
export type SherpaApi = {
  readonly [K in Channel]: (request: Request<K>) => Promise<Result<Response<K>>>;
} & {
  readonly onChange: (listener: (event: ChangeEvent) => void) => () => void;
  /** Quit handshake: main asks the page to save every open note before the app exits. */
  readonly onFlushRequest: (listener: () => void) => () => void;
  /** Tells main that the page has saved (or journaled) everything after a flush request. */
  readonly flushDone: () => void;
};
