import { z } from 'zod';
import {
  bundlePartBytes,
  bundlePassphraseProblem,
  bundleRecordKinds,
  maxBundlePassphrase,
  maxDeskName,
  maxReviewLinesPage,
  maxStagedBundleBytes,
  minBundlePassphrase,
  type PassphraseProblem,
} from '../../shared/bundles.ts';
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
import {
  endsBeforeStart,
  maxLevelName,
  maxMeetingBiography,
  noteLimits,
  numberRanges,
  packLimits,
  textLimits,
} from '../../shared/fieldRules.ts';
import { schemeProblems } from '../../shared/markings.ts';
import type { RefusalReason } from '../../shared/refusals.ts';
import { builtOnFirstRead, once } from './builtOnFirstRead.ts';
import { because, id, isoDate, isoInstant, line, optionalId, prose, proseUpTo, requiredLine, searchLine, timeZone } from './validation.ts';

const level = line(maxLevelName);
// These kinds gained a marking after callers of their create channel existed: one
// left out is stored as unmarked (''), which the banner and the pack's check show as such.
const markingOfOlderRecord = level.optional();
const whole = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);

/** The fields of each record a form can set. Strict: an unknown field is an error, not silently dropped. Each built when first used. */
export const entityFields = builtOnFirstRead({
  summit: () =>
    z.strictObject({
      title: requiredLine(textLimits.summit.title),
      city: line(textLimits.summit.city),
      countryId: optionalId,
      startDate: isoDate,
      // Blank (or left out) for a one-day summit: entityBlanks makes its end its start.
      endDate: isoDate.or(z.literal('')).nullable().optional(),
      timeZone,
      description: prose,
      sourceId: optionalId,
      classification: markingOfOlderRecord,
    }),
  meeting: () =>
    z.strictObject({
      summitId: optionalId,
      title: requiredLine(textLimits.meeting.title),
      format: z.enum(meetingFormats),
      startsAt: isoInstant,
      startTimeKnown: z.boolean(),
      durationMinutes: whole(numberRanges.durationMinutes).nullable(),
      timeZone,
      venue: line(textLimits.meeting.venue),
      interpreters: line(textLimits.meeting.interpreters),
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
  person: () =>
    z.strictObject({
      name: requiredLine(textLimits.person.name),
      nativeName: line(textLimits.person.nativeName),
      title: line(textLimits.person.title),
      countryId: optionalId,
      biography: prose,
      classification: level,
      sourceId: optionalId,
    }),
  country: () =>
    z.strictObject({
      name: requiredLine(textLimits.country.name),
      nativeName: line(textLimits.country.nativeName),
      kind: z.enum(['country', 'organisation']),
      note: prose,
      sourceId: optionalId,
      classification: markingOfOlderRecord,
    }),
  source: () =>
    z.strictObject({
      title: requiredLine(textLimits.source.title),
      publisher: line(textLimits.source.publisher),
      location: line(textLimits.source.location),
      publishedOn: isoDate.nullable(),
      note: prose,
      classification: markingOfOlderRecord,
    }),
  programme: () =>
    z.strictObject({
      code: requiredLine(textLimits.programme.code),
      name: requiredLine(textLimits.programme.name),
      partnerId: optionalId,
      signedOn: isoDate.nullable(),
      sectorCount: whole(numberRanges.sectorCount).nullable(),
      description: prose,
      sourceId: optionalId,
      classification: markingOfOlderRecord,
    }),
  sector: () =>
    z.strictObject({
      programmeId: id,
      name: requiredLine(textLimits.sector.name),
      position: whole(numberRanges.position),
      summary: prose,
      ourPosition: prose,
      classification: level,
      sourceId: optionalId,
    }),
  sectorEntry: () =>
    z.strictObject({
      sectorId: id,
      occurredOn: isoDate,
      title: requiredLine(textLimits.sectorEntry.title),
      body: prose,
      sourceId: id,
      sourceExcerpt: prose,
      classification: level,
    }),
  timelineEvent: () =>
    z.strictObject({
      occurredOn: isoDate,
      precision: z.enum(['day', 'month', 'year']),
      title: requiredLine(textLimits.timelineEvent.title),
      description: prose,
      summitId: optionalId,
      sourceId: optionalId,
      sourceExcerpt: prose,
      classification: markingOfOlderRecord,
    }),
  followUp: () =>
    z.strictObject({
      meetingId: optionalId,
      description: requiredLine(textLimits.followUp.description),
      owner: line(textLimits.followUp.owner),
      dueOn: isoDate.nullable(),
      status: z.enum(followUpStatuses),
      classification: markingOfOlderRecord,
    }),
} satisfies Record<EntityName, () => z.ZodObject>);

const passphraseRefusals = {
  blank: because('passphrase_blank', 'must not be only spaces'),
  'too-short': because('passphrase_too_short', `must be at least ${minBundlePassphrase} characters, not counting spaces`),
  weak: because('passphrase_weak', 'is a repeated character, a short pattern or a run of letters or digits'),
} satisfies Record<PassphraseProblem, unknown>;

/** A bundle's passphrase by the rule the page applies too (shared/bundles.ts). */
function refuseWeakPassphrase(passphrase: string, context: z.RefinementCtx): void {
  const problem = bundlePassphraseProblem(passphrase);
  if (!problem) return;
  const { message, params } = passphraseRefusals[problem];
  context.addIssue({ code: 'custom', message, params: problem === 'too-short' ? { ...params, min: minBundlePassphrase } : params });
}

/** Rules across fields, checked on the whole record after an update is merged in. */
export const entityRules: Partial<
  Record<EntityName, (record: Record<string, unknown>) => { field: string; message: string; reason: RefusalReason } | null>
> = {
  summit: (summit) =>
    endsBeforeStart(summit.startDate, summit.endDate)
      ? { field: 'endDate', message: 'endDate: must not be before the start date', reason: 'end_before_start' }
      : null,
};

/**
 * What a field left blank stands for, filled in before the rules are checked,
 * so the stored record is whole: a summit with no end date lasts one day.
 */
export const entityBlanks: Partial<Record<EntityName, (record: Record<string, unknown>) => Record<string, unknown>>> = {
  summit: (summit) =>
    summit.endDate === '' || summit.endDate === null || summit.endDate === undefined ? { endDate: summit.startDate } : {},
};

const empty = z.strictObject({});
const byId = z.strictObject({ id });
const noteContent = once(() => ({
  title: line(noteLimits.title),
  body: prose,
  tags: z.array(requiredLine(noteLimits.tag)).max(noteLimits.tags),
  classification: level,
}));
/**
 * A scheme's shape, which is all a stored scheme is read with: one saved before
 * a rule was tightened stays the desk's scheme (and is refused, at the level at
 * fault, only when saved again) instead of the desk finding itself on NATO.
 */
export const storedScheme = z.strictObject({
  name: requiredLine(100),
  levels: z
    .array(z.strictObject({ name: requiredLine(100), portion: requiredLine(20) }))
    .min(1)
    .max(20),
});
const scheme = storedScheme.refine(
  (candidate) => schemeProblems(candidate).length === 0,
  because('scheme_invalid', 'level names and portion marks must be given and distinct'),
);
export const settingsFields = z.strictObject({
  homeTimeZone: timeZone,
  theme: z.enum(['system', 'light', 'dark']),
  language: z.enum(['en', 'ko']),
  classificationScheme: scheme,
  defaultMarking: level,
  backupsToKeep: z.number().int().min(1).max(100),
  autoLockMinutes: z.number().int().min(1).max(480),
});

const packSection = once(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('meeting'), meetingId: id, form: z.enum(meetingForms) }),
    z.strictObject({
      kind: z.literal('sector'),
      sectorId: id,
      removedEntryIds: z
        .array(id)
        .max(5000)
        .transform((ids) => [...new Set(ids)])
        .optional(),
      keptEntryIds: z
        .array(id)
        .max(5000)
        .transform((ids) => [...new Set(ids)])
        .optional(),
    }),
    z.strictObject({ kind: z.literal('timeline'), from: isoDate.nullable().optional(), to: isoDate.nullable().optional() }),
    z.strictObject({
      kind: z.literal('biographies'),
      // A person named twice would print twice: the later mentions are dropped, the order kept.
      personIds: z
        .array(id)
        .max(1000)
        .transform((ids) => [...new Set(ids)]),
      removedPersonIds: z.array(id).max(1000).optional(),
      // One text a person: a second printed nowhere (the last one given wins) yet was kept in the pack unseen.
      biographies: z
        .array(z.strictObject({ personId: id, text: prose, classification: level.optional() }))
        .max(1000)
        .refine(
          (biographies) => new Set(biographies.map((biography) => biography.personId)).size === biographies.length,
          because('repeated', 'each person may have one biography written for the pack'),
        )
        .optional(),
    }),
    z.strictObject({ kind: z.literal('sources') }),
    z.strictObject({
      kind: z.literal('notes'),
      keptNoteIds: z
        .array(id)
        .max(5000)
        .transform((ids) => [...new Set(ids)])
        .optional(),
    }),
  ]),
);
/** Each meeting and sector once, and the timeline, biographies and sources at most once each. */
const sectionKey = (section: PackSection) =>
  section.kind === 'meeting' ? `meeting ${section.meetingId}` : section.kind === 'sector' ? `sector ${section.sectorId}` : section.kind;
/** A pack's definition as a save must give it; built when first used. */
export const packDefinition = once(() =>
  z.strictObject({
    title: requiredLine(packLimits.title),
    recipient: line(packLimits.recipient),
    summitId: optionalId,
    principalId: optionalId,
    paper: z.enum(paperSizes),
    sections: z
      .array(packSection())
      .min(1, 'a pack needs at least one section')
      .max(5000)
      .refine(
        (sections) => new Set(sections.map(sectionKey)).size === sections.length,
        because('repeated', 'each section may appear once'),
      ),
  }),
);

// A record's id shared by every desk (`meeting:<uuid>`), one of its revisions (`N-hash`), one of its fields.
const recordId = z.string().regex(/^[a-z_]+:[0-9a-f]{32}(\.[0-9a-f]{32})?$/, 'must be the id of a record');
const revision = z.string().regex(/^[1-9][0-9]{0,8}-[0-9a-z]{1,64}$/, 'must be a revision of the record');
const columnName = z.string().regex(/^[a-z_]{1,64}$/, 'must be the name of a field');
const fewFields = (fields: object) => Object.keys(fields).length <= 200;

/** A value as the store holds it: what an update's `expected` may carry for each field of the record. */
const storedValue = z.union([z.string().max(1_000_000), z.number(), z.boolean(), z.null()]).optional();
function storedValues(entity: EntityName) {
  return z.strictObject(Object.fromEntries(Object.keys(entityFields[entity].shape).map((field) => [field, storedValue])));
}

const entitySchemas: Record<string, () => z.ZodType> = Object.fromEntries(
  entityNames.flatMap((entity) => [
    [`${entity}.get`, () => byId],
    [`${entity}.create`, () => entityFields[entity]],
    // `expected` holds stored values, so only their shape is checked: a stored text may break a rule made since.
    [`${entity}.update`, () => z.strictObject({ id, patch: entityFields[entity].partial(), expected: storedValues(entity) })],
    [`${entity}.delete`, () => z.strictObject({ id, takeAlong: z.boolean().optional(), withOtherVersions: z.boolean().optional() })],
    [`${entity}.references`, () => byId],
  ]),
);

// ---- Exchange: cards and bundles ----
const fingerprint = z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/, 'must be a desk fingerprint: five groups of four letters or digits');
const bundleSelection = z.union([
  z.strictObject({ summitId: id }),
  z.strictObject({
    records: z
      .array(z.strictObject({ kind: z.enum(bundleRecordKinds.filter((kind) => kind !== 'participant')), id }))
      .min(1, 'choose at least one record')
      .max(5000),
  }),
]);
// Base64 of the file; the transport's request limit keeps it under a megabyte.
const bundleFile = z
  .string()
  .min(1, 'choose a bundle file')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the file’s content, base64');
const openingPassphrase = z.string().max(maxBundlePassphrase).optional();
const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'must be an upload id: 32 hex digits');
const bundleSource = (extra: z.ZodRawShape) =>
  z.union([
    z.strictObject({ file: bundleFile, passphrase: openingPassphrase, ...extra }),
    z.strictObject({ upload: uploadId, passphrase: openingPassphrase, ...extra }),
  ]);
const maxParts = Math.ceil(maxStagedBundleBytes / bundlePartBytes);
const exchangeSchemas = {
  'desk.card': () => z.strictObject({}),
  'desk.rename': () => z.strictObject({ deskName: requiredLine(maxDeskName) }),
  'desk.saveCard': () => z.strictObject({}),
  'contact.list': () => z.strictObject({}),
  'contact.add': () => z.strictObject({ text: z.string().max(5000, 'must be at most 5000 characters: a card is a few lines') }),
  'contact.remove': () => z.strictObject({ fingerprint }),
  'contact.revoke': () => z.strictObject({ fingerprint }),
  'contact.listRevoked': () => z.strictObject({}),
  'bundle.contents': () => z.strictObject({ selection: bundleSelection }),
  'bundle.export': () =>
    z
      .strictObject({
        selection: bundleSelection,
        recipients: z
          .array(fingerprint)
          .max(100)
          .refine((list) => new Set(list).size === list.length, because('repeated', 'each desk may appear once')),
        passphrase: z.string().max(maxBundlePassphrase).superRefine(refuseWeakPassphrase).optional(),
      })
      .refine((request) => request.recipients.length > 0 || request.passphrase !== undefined, {
        message: 'choose at least one desk or a passphrase',
        path: ['recipients'],
      }),
  'bundle.stage': () =>
    z
      .strictObject({
        upload: uploadId,
        part: z.number().int().min(0),
        parts: z
          .number()
          .int()
          .min(1)
          .max(maxParts, `must be at most ${maxParts}: a bundle is at most ${maxStagedBundleBytes / 1024 / 1024} MB`),
        data: bundleFile.refine((data) => data.length <= Math.ceil(bundlePartBytes / 3) * 4, 'is larger than one part'),
      })
      .refine((request) => request.part < request.parts, { message: 'must be below parts', path: ['part'] }),
  'bundle.inspect': () => bundleSource({}),
  'bundle.import': () => bundleSource({ acceptSigner: z.boolean() }),
  'bundle.importProgress': () => z.strictObject({}),
  'bundle.notImported': () => z.strictObject({}),
  'bundle.forget': () => z.strictObject({ bundleId: z.string().min(1).max(100) }),
  'bundle.reviewLines': () =>
    z.strictObject({
      bundleId: z.string().min(1).max(100),
      change: z.enum(['new', 'updated', 'conflicting']),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(maxReviewLinesPage),
    }),
};

/** A request schema for every channel, each built when the channel is first called; the dispatch refuses anything that does not parse. */
export const requestSchemas: Record<Channel, z.ZodType> = builtOnFirstRead<Record<Channel, z.ZodType>>({
  ...entitySchemas,
  ...exchangeSchemas,
  'dashboard.get': () => empty,
  'summit.list': () => empty,
  'summit.view': () => byId,
  'summit.participants': () => byId,
  'summit.sectors': () => byId,
  'meeting.brief': () => byId,
  'meeting.setParticipants': () =>
    z.strictObject({
      id,
      participants: z
        .array(z.strictObject({ personId: id, side: z.enum(['ours', 'theirs']), role: line(200) }))
        .max(200)
        .refine(
          (list) => new Set(list.map((entry) => entry.personId)).size === list.length,
          because('repeated', 'each person may appear once'),
        ),
      expected: z
        .array(z.strictObject({ personId: id, side: z.enum(['ours', 'theirs']), role: z.string().max(10_000) }))
        .max(10_000)
        .nullable(),
    }),
  'person.list': () => empty,
  'person.view': () => byId,
  'country.list': () => empty,
  'source.list': () => empty,
  'programme.list': () => empty,
  'sector.view': () => byId,
  'timeline.list': () => empty,
  'search.query': () =>
    z.strictObject({
      text: searchLine(500),
      kinds: z.array(z.enum(searchKinds)).max(searchKinds.length).optional(),
      summitId: id.optional(),
      sectorId: id.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
  'settings.get': () => empty,
  'settings.markingCounts': () => z.strictObject({ levels: z.array(line(maxLevelName)).max(20) }),
  'settings.update': () =>
    settingsFields.partial().extend({
      renamedLevels: z
        .array(z.strictObject({ from: requiredLine(maxLevelName), to: requiredLine(maxLevelName) }))
        .max(20)
        .optional(),
      droppedLevelsConfirmed: z.array(line(maxLevelName)).max(20).optional(),
      loweredLevelsConfirmed: z.array(line(maxLevelName)).max(20).optional(),
    }),
  'backup.list': () => empty,
  'backup.create': () => empty,
  'backup.restore': () => z.strictObject({ name: z.string().regex(/^sherpa-[0-9TZ-]+[a-z-]+\.sqlite$/, 'must be the name of a backup') }),
  'note.get': () => byId,
  'note.create': () =>
    z
      .strictObject({ sectorEntryId: id.optional(), meetingId: id.optional(), ...noteContent() })
      .refine((note) => note.sectorEntryId === undefined || note.meetingId === undefined, 'annotates one thing at most'),
  'note.save': () =>
    z.strictObject({ id, baseVersion: z.number().int().positive(), continuesSession: z.boolean().optional(), ...noteContent() }),
  'note.listFor': () => z.union([z.strictObject({ sectorEntryId: id }), z.strictObject({ meetingId: id })]),
  'note.revisions': () => byId,
  'note.link': () =>
    z.strictObject({
      id,
      link: z.union([z.strictObject({ summitId: id }), z.strictObject({ meetingId: id }), z.strictObject({ sectorId: id }), z.null()]),
    }),
  'pack.list': () => empty,
  'pack.get': () => byId,
  'pack.save': () =>
    z.strictObject({
      name: requiredLine(packLimits.name),
      definition: packDefinition(),
      // As stored, so only its shape (values as JSON holds them): a definition saved before a rule was tightened still compares.
      // Required: an editor that forgot what it opened would replace a colleague's save unseen.
      expected: z.record(z.string(), z.json()).nullable(),
    }),
  'pack.delete': () => byId,
  'pack.exportStatus': () => byId,
  'pack.cancelExport': () => byId,
  'pack.unmarked': () => byId,
  'meeting.biographies': () => byId,
  'meeting.setBiography': () =>
    z.strictObject({
      meetingId: id,
      personId: id,
      text: proseUpTo(maxMeetingBiography),
      expected: z.string().max(1_000_000).nullable(),
    }),
  // A builder still being filled in: no title or section yet is fine for a preview.
  'pack.preview': () =>
    z.strictObject({
      definition: packDefinition().extend({ title: line(200), sections: z.array(packSection()).max(5000) }),
    }),
  'fonts.coverage': () => empty,
  'store.writes': () => empty,
  'pack.unprintableCover': () =>
    z.strictObject({
      title: z.string().max(packLimits.title),
      recipient: z.string().max(packLimits.recipient),
      copyFor: z.string().max(packLimits.copyFor),
    }),
  'pack.export': () =>
    z.strictObject({
      id,
      paper: z.enum(paperSizes).optional(),
      copyFor: requiredLine(packLimits.copyFor).optional(),
      outPath: requiredLine(4096).optional(),
    }),
  'note.list': () =>
    z.strictObject({ kind: z.enum(['note', 'annotation', 'all']).optional(), tag: requiredLine(noteLimits.tag).optional() }),
  'note.tags': () => empty,
  'note.trash': () => byId,
  'note.restore': () => byId,
  'note.listTrash': () => empty,
  'note.emptyTrash': () => empty,
  'note.discardIfEmpty': () => byId,
  'note.restoreRevision': () => z.strictObject({ id, version: z.number().int().positive(), baseVersion: z.number().int().positive() }),
  'deletion.undo': () => byId,
  // ---- Conflicts between desks (conflictui) ----
  'conflict.list': () => empty,
  'conflict.get': () => z.strictObject({ id: recordId }),
  'conflict.resolve': () =>
    z.discriminatedUnion('action', [
      z.strictObject({ id: recordId, winnerRev: revision, action: z.literal('keep'), lowersMarkingTo: level.optional() }),
      z.strictObject({
        id: recordId,
        winnerRev: revision,
        action: z.enum(['dismiss', 'take']),
        rev: revision,
        lowersMarkingTo: level.optional(),
      }),
      z.strictObject({
        id: recordId,
        winnerRev: revision,
        action: z.literal('merge'),
        choices: z.record(columnName, revision).refine(fewFields, 'must name at most 200 fields'),
        texts: z.record(columnName, prose).refine(fewFields, 'must name at most 200 fields').optional(),
        lowersMarkingTo: level.optional(),
      }),
    ]),
  'conflict.restorations': () => empty,
  'conflict.settleRestoration': () =>
    z.discriminatedUnion('action', [
      z.strictObject({ id: recordId, deletion: revision, action: z.literal('keep') }),
      z.strictObject({
        id: recordId,
        deletion: revision,
        action: z.literal('delete'),
        referrers: z.array(recordId).max(10_000, 'must name at most 10000 records'),
      }),
    ]),
  'sync.status': () => empty,
  'sync.configure': () =>
    z.strictObject({
      url: line(2000),
      username: line(200),
      password: z.string().max(1000, 'must be at most 1000 characters').optional(),
      summitIds: z.array(id).max(10_000),
      joinDatabases: z.array(line(300)).max(1000).optional(),
    }),
  'sync.disconnect': () => empty,
  'sync.now': () => empty,
} as unknown as Record<Channel, () => z.ZodType>);
