import { z } from 'zod';
import type { Channel, EntityName } from '../../shared/contract.ts';
import { entityNames } from '../../shared/contract.ts';
import {
  followUpStatuses,
  meetingFormats,
  meetingForms,
  meetingStatuses,
  type PackSection,
  paperSizes,
  pressAccess,
  searchKinds,
} from '../../shared/domain.ts';
import { id, isoDate, isoInstant, line, optionalId, prose, requiredLine, timeZone } from './validation.ts';

const level = line(100);

/** The fields of each record a form can set. Strict: an unknown field is an error, not silently dropped. */
export const entityFields = {
  summit: z.strictObject({
    title: requiredLine(200),
    city: line(200),
    countryId: optionalId,
    startDate: isoDate,
    endDate: isoDate,
    timeZone,
    description: prose,
    sourceId: optionalId,
  }),
  meeting: z.strictObject({
    summitId: optionalId,
    title: requiredLine(200),
    format: z.enum(meetingFormats),
    startsAt: isoInstant,
    startTimeKnown: z.boolean(),
    durationMinutes: z
      .number()
      .int()
      .positive()
      .max(24 * 60)
      .nullable(),
    timeZone,
    venue: line(300),
    interpreters: line(300),
    press: z.enum(pressAccess),
    purpose: prose,
    objectives: prose,
    theirAsks: prose,
    pointsToMake: prose,
    linesToTake: prose,
    defensivePoints: prose,
    background: prose,
    sensitivities: prose,
    protocolNotes: prose,
    pressLine: prose,
    outcome: prose,
    status: z.enum(meetingStatuses),
    counterpartId: optionalId,
    classification: level,
    sourceId: optionalId,
  }),
  person: z.strictObject({
    name: requiredLine(200),
    nativeName: line(200),
    title: line(300),
    countryId: optionalId,
    biography: prose,
    classification: level,
    sourceId: optionalId,
  }),
  country: z.strictObject({
    name: requiredLine(200),
    nativeName: line(200),
    kind: z.enum(['country', 'organisation']),
    note: prose,
    sourceId: optionalId,
  }),
  source: z.strictObject({
    title: requiredLine(500),
    publisher: line(300),
    location: line(2000),
    publishedOn: isoDate.nullable(),
    note: prose,
  }),
  programme: z.strictObject({
    code: requiredLine(40),
    name: requiredLine(200),
    partnerId: optionalId,
    signedOn: isoDate.nullable(),
    sectorCount: z.number().int().min(0).max(1000).nullable(),
    description: prose,
    sourceId: optionalId,
  }),
  sector: z.strictObject({
    programmeId: id,
    name: requiredLine(200),
    position: z.number().int().min(0).max(100_000),
    summary: prose,
    ourPosition: prose,
    classification: level,
    sourceId: optionalId,
  }),
  sectorEntry: z.strictObject({
    sectorId: id,
    occurredOn: isoDate,
    title: requiredLine(300),
    body: prose,
    sourceId: id,
    sourceExcerpt: prose,
    classification: level,
  }),
  timelineEvent: z.strictObject({
    occurredOn: isoDate,
    precision: z.enum(['day', 'month', 'year']),
    title: requiredLine(300),
    description: prose,
    summitId: optionalId,
    sourceId: optionalId,
    sourceExcerpt: prose,
  }),
  followUp: z.strictObject({
    meetingId: optionalId,
    description: requiredLine(2000),
    owner: line(200),
    dueOn: isoDate.nullable(),
    status: z.enum(followUpStatuses),
  }),
} satisfies Record<EntityName, z.ZodObject>;

/** Rules across fields, checked on the whole record after an update is merged in. */
export const entityRules: Partial<Record<EntityName, (record: Record<string, unknown>) => { field: string; message: string } | null>> = {
  summit: (summit) =>
    String(summit.endDate) < String(summit.startDate) ? { field: 'endDate', message: 'endDate: must not be before the start date' } : null,
};

const empty = z.strictObject({});
const byId = z.strictObject({ id });
const noteContent = {
  title: line(300),
  body: prose,
  tags: z.array(requiredLine(60)).max(50),
  classification: level,
};
const scheme = z.strictObject({
  name: requiredLine(100),
  levels: z
    .array(z.strictObject({ name: requiredLine(100), portion: requiredLine(20) }))
    .min(1)
    .max(20)
    .refine((levels) => new Set(levels.map((entry) => entry.name)).size === levels.length, 'level names must be distinct'),
});
export const settingsFields = z.strictObject({
  homeTimeZone: timeZone,
  theme: z.enum(['system', 'light', 'dark']),
  language: z.enum(['en', 'ko']),
  classificationScheme: scheme,
  backupsToKeep: z.number().int().min(1).max(100),
});

const packSection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('meeting'), meetingId: id, form: z.enum(meetingForms) }),
  z.strictObject({ kind: z.literal('sector'), sectorId: id }),
  z.strictObject({ kind: z.literal('timeline') }),
  z.strictObject({ kind: z.literal('biographies'), personIds: z.array(id).max(1000) }),
  z.strictObject({ kind: z.literal('sources') }),
]);
/** Each meeting and sector once, and the timeline, biographies and sources at most once each. */
const sectionKey = (section: PackSection) =>
  section.kind === 'meeting' ? `meeting ${section.meetingId}` : section.kind === 'sector' ? `sector ${section.sectorId}` : section.kind;
export const packDefinition = z.strictObject({
  title: requiredLine(200),
  recipient: line(200),
  summitId: optionalId,
  principalId: optionalId,
  paper: z.enum(paperSizes),
  sections: z
    .array(packSection)
    .min(1, 'a pack needs at least one section')
    .max(5000)
    .refine((sections) => new Set(sections.map(sectionKey)).size === sections.length, 'each section may appear once'),
});

const entitySchemas = Object.fromEntries(
  entityNames.flatMap((entity) => [
    [`${entity}.create`, entityFields[entity]],
    [`${entity}.update`, z.strictObject({ id, patch: entityFields[entity].partial() })],
    [`${entity}.delete`, byId],
  ]),
);

/** A request schema for every channel; the dispatch refuses anything that does not parse. */
export const requestSchemas: Record<Channel, z.ZodType> = {
  ...entitySchemas,
  'dashboard.get': empty,
  'summit.list': empty,
  'summit.view': byId,
  'meeting.brief': byId,
  'meeting.setParticipants': z.strictObject({
    id,
    participants: z
      .array(z.strictObject({ personId: id, side: z.enum(['ours', 'theirs']), role: line(200) }))
      .max(200)
      .refine((list) => new Set(list.map((entry) => entry.personId)).size === list.length, 'each person may appear once'),
  }),
  'person.list': empty,
  'person.view': byId,
  'country.list': empty,
  'source.list': empty,
  'programme.list': empty,
  'sector.view': byId,
  'timeline.list': empty,
  'search.query': z.strictObject({
    text: line(500),
    kinds: z.array(z.enum(searchKinds)).max(searchKinds.length).optional(),
    summitId: id.optional(),
    sectorId: id.optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  'settings.get': empty,
  'settings.update': settingsFields.partial(),
  'backup.list': empty,
  'backup.create': empty,
  'backup.restore': z.strictObject({ name: z.string().regex(/^sherpa-[0-9TZ-]+[a-z-]+\.sqlite$/, 'must be the name of a backup') }),
  'note.get': byId,
  'note.create': z
    .strictObject({ sectorEntryId: id.optional(), meetingId: id.optional(), ...noteContent })
    .refine((note) => note.sectorEntryId === undefined || note.meetingId === undefined, 'annotates one thing at most'),
  'note.save': z.strictObject({ id, baseVersion: z.number().int().positive(), continuesSession: z.boolean().optional(), ...noteContent }),
  'note.listFor': z.union([z.strictObject({ sectorEntryId: id }), z.strictObject({ meetingId: id })]),
  'note.revisions': byId,
  'pack.list': empty,
  'pack.get': byId,
  'pack.save': z.strictObject({ name: requiredLine(200), definition: packDefinition }),
  'pack.delete': byId,
  'pack.exportStatus': byId,
  'pack.cancelExport': byId,
  'pack.export': z.strictObject({
    id,
    paper: z.enum(paperSizes).optional(),
    copyFor: requiredLine(200).optional(),
    outPath: requiredLine(4096).optional(),
  }),
  'note.list': z.strictObject({ kind: z.enum(['note', 'annotation', 'all']).optional(), tag: requiredLine(60).optional() }),
  'note.tags': empty,
  'note.trash': byId,
  'note.restore': byId,
  'note.listTrash': empty,
  'note.emptyTrash': empty,
  'note.restoreRevision': z.strictObject({ id, version: z.number().int().positive(), baseVersion: z.number().int().positive() }),
} as Record<Channel, z.ZodType>;
