import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchCopy, openScratchDatabase } from '../../db/testing.ts';
import { type Channel, channelEffects, channels, type ErrorCode, type Request } from '../../shared/contract.ts';
import { blankBrief, type PackDefinition } from '../../shared/domain.ts';
import { asStoredLine } from '../../shared/fieldRules.ts';
import { readsAsUnmarked } from '../../shared/markings.ts';
import { backupFolder } from '../backups.ts';
import { openStore, storeFileName } from '../store.ts';
import { createDispatch, type Dispatch } from './dispatch.ts';
import { createHandlers } from './handlers/index.ts';

// Every channel gets at least `runsPerChannel` generated payloads: hostile
// values of every type, and valid requests with fields dropped, added,
// retyped or filled with hostile text. Each must answer a typed error or a
// correct result, never throw, and a refused call must leave the store
// byte-for-byte as it was (the whole database is serialized and compared).

const runsPerChannel = Number(process.env.SHERPA_FUZZ_RUNS ?? 500);
const errorCodes: readonly ErrorCode[] = ['invalid_request', 'not_found', 'conflict', 'constraint', 'read_only', 'unknown_channel'];

const packDefinition: PackDefinition = {
  title: 'Vilnius <b>2023</b>',
  recipient: 'Seoul desk',
  summitId: 1,
  principalId: null,
  paper: 'a4',
  sections: [{ kind: 'meeting', meetingId: 1, form: 'full' }, { kind: 'sector', sectorId: 1 }, { kind: 'timeline' }, { kind: 'sources' }],
};

const noteContent = { title: 'Prep', body: 'Line one\nLine two', tags: ['ITPP'], classification: 'NATO UNCLASSIFIED' };

/**
 * One valid request per channel, against the sample store plus one note, one
 * follow-up and one uncited source. A channel added without one is still fuzzed, from `{}`, and
 * named in the summary so someone adds it.
 */
const validRequests: Partial<{ [K in Channel]: Request<K> }> = {
  'dashboard.get': {},
  'summit.list': {},
  'summit.view': { id: 1 },
  'summit.participants': { id: 1 },
  'summit.sectors': { id: 1 },
  'meeting.brief': { id: 1 },
  'meeting.setParticipants': { id: 1, participants: [{ personId: 1, side: 'ours', role: 'Head of delegation' }], expected: null },
  'person.list': {},
  'person.view': { id: 1 },
  'country.list': {},
  'source.list': {},
  'programme.list': {},
  'sector.view': { id: 1 },
  'timeline.list': {},
  'search.query': { text: 'cyber', kinds: ['sectorEntry'], limit: 10 },
  'settings.get': {},
  'store.writes': {},
  'settings.markingCounts': { levels: ['NATO SECRET'] },
  'settings.update': { theme: 'dark', homeTimeZone: 'Asia/Seoul', backupsToKeep: 3 },
  'backup.list': {},
  'backup.create': {},
  'backup.restore': { name: 'sherpa-20230701T080000Z-manual.sqlite' },
  'note.get': { id: 1 },
  'note.create': { meetingId: 1, ...noteContent },
  'note.save': { id: 1, baseVersion: 1, ...noteContent },
  'note.listFor': { meetingId: 1 },
  'note.revisions': { id: 1 },
  'pack.list': {},
  'pack.save': { name: 'Vilnius pocket pack', definition: packDefinition, expected: null },
  'pack.get': { id: 1 },
  'pack.delete': { id: 1 },
  // Printing is not wired into the fuzz store (it would start Chromium per call): a valid request is answered "not available".
  'pack.export': { id: 1, paper: 'letter', copyFor: 'Seoul desk' },
  'pack.exportStatus': { id: 1 },
  'pack.cancelExport': { id: 1 },
  'pack.unmarked': { id: 1 },
  'pack.unprintableCover': { title: 'Vilnius pack', recipient: 'Private Office', copyFor: 'Seoul desk' },
  'fonts.coverage': {},
  'note.list': { kind: 'all', tag: 'ITPP' },
  'note.tags': {},
  'note.trash': { id: 1 },
  'note.restore': { id: 1 },
  'note.listTrash': {},
  'note.emptyTrash': {},
  'note.discardIfEmpty': { id: 1 },
  'note.restoreRevision': { id: 1, version: 1, baseVersion: 1 },
  'desk.card': {},
  'desk.rename': { deskName: 'Seoul desk' },
  'desk.saveCard': {},
  'contact.list': {},
  // Answered with a refusal the page translates ("not a card"): an answer, not an error.
  'contact.add': { text: 'SHERPA DESK CARD' },
  'bundle.contents': { selection: { summitId: 1 } },
  'bundle.export': { selection: { summitId: 1 }, recipients: [], passphrase: 'correct horse battery' },
  'bundle.stage': { upload: '0123456789abcdef0123456789abcdef', part: 0, parts: 2, data: 'U0hFUlBB' },
  'bundle.inspect': { file: 'U0hFUlBB' },
  'bundle.import': { file: 'U0hFUlBB', acceptSigner: false },
  'bundle.importProgress': {},
  'bundle.notImported': {},
  'bundle.forget': { bundleId: 'no such bundle' },
  'summit.create': {
    title: 'Washington Summit',
    city: 'Washington',
    countryId: null,
    startDate: '2024-07-09',
    endDate: '2024-07-11',
    timeZone: 'America/New_York',
    description: '',
    sourceId: null,
    classification: '',
  },
  'summit.get': { id: 1 },
  'summit.update': { id: 1, patch: { description: 'Updated' }, expected: {} },
  'summit.delete': { id: 1 },
  'meeting.create': {
    summitId: 1,
    title: 'Pull-aside',
    format: 'pull-aside',
    startsAt: '2023-07-12T07:30:00Z',
    startTimeKnown: true,
    durationMinutes: 20,
    timeZone: 'Europe/Vilnius',
    venue: '',
    interpreters: '',
    press: 'closed',
    ...blankBrief,
    status: 'planned',
    counterpartId: null,
    classification: '',
    sourceId: null,
  },
  'meeting.get': { id: 1 },
  'meeting.update': { id: 1, patch: { outcome: 'Held as planned' }, expected: {} },
  'meeting.delete': { id: 2 },
  'person.create': {
    name: 'Jane Doe',
    nativeName: '',
    title: 'Desk officer',
    countryId: null,
    biography: '',
    classification: '',
    sourceId: null,
  },
  'person.get': { id: 1 },
  'person.update': { id: 1, patch: { title: 'Secretary General' }, expected: {} },
  'person.delete': { id: 3 },
  'country.create': { name: 'Japan', nativeName: '日本', kind: 'country', note: '', sourceId: null, classification: '' },
  'country.get': { id: 1 },
  'country.update': { id: 1, patch: { note: 'Partner' }, expected: {} },
  'country.delete': { id: 3 },
  'source.create': {
    title: 'Press release',
    publisher: 'NATO',
    location: 'https://www.nato.int/',
    publishedOn: '2023-07-11',
    note: '',
    classification: '',
  },
  'source.get': { id: 1 },
  'source.update': { id: 1, patch: { note: 'Checked' }, expected: {} },
  'source.delete': { id: 2 },
  'programme.create': {
    code: 'IPCP-X',
    name: 'Partnership programme',
    partnerId: null,
    signedOn: null,
    sectorCount: null,
    description: '',
    sourceId: null,
    classification: '',
  },
  'programme.get': { id: 1 },
  'programme.update': { id: 1, patch: { description: 'Updated' }, expected: {} },
  'programme.delete': { id: 2 },
  'sector.create': { programmeId: 1, name: 'New sector', position: 99, summary: '', ourPosition: '', classification: '', sourceId: null },
  'sector.get': { id: 1 },
  'sector.update': { id: 1, patch: { ourPosition: 'Support' }, expected: {} },
  'sector.delete': { id: 11 },
  'sectorEntry.create': {
    sectorId: 1,
    occurredOn: '2023-07-11',
    title: 'Development',
    body: '',
    sourceId: 1,
    sourceExcerpt: '',
    classification: '',
  },
  'sectorEntry.get': { id: 1 },
  'sectorEntry.update': { id: 1, patch: { body: 'More detail' }, expected: {} },
  'sectorEntry.delete': { id: 7 },
  'timelineEvent.create': {
    occurredOn: '2023-07-01',
    precision: 'month',
    title: 'Event',
    description: '',
    summitId: null,
    sourceId: null,
    sourceExcerpt: '',
    classification: '',
  },
  'timelineEvent.get': { id: 1 },
  'timelineEvent.update': { id: 1, patch: { description: 'More' }, expected: {} },
  'timelineEvent.delete': { id: 4 },
  'followUp.create': { meetingId: 1, description: 'Send readout', owner: 'Desk', dueOn: '2023-07-20', status: 'open', classification: '' },
  'followUp.get': { id: 1 },
  'followUp.update': { id: 1, patch: { status: 'done' }, expected: {} },
  'followUp.delete': { id: 1 },
};

const sqlFragments = [
  "'; DROP TABLE note; --",
  '" OR 1=1 --',
  "1; DELETE FROM meeting WHERE '1'='1",
  "') UNION SELECT sql FROM sqlite_master --",
  'NEAR(a b) OR "x" * AND NOT',
  'ATTACH DATABASE "/tmp/x" AS x',
  '%_\\%',
];
const htmlFragments = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '<!--',
  ']]>',
];
const dateFragments = [
  '2023-02-30',
  '2023-13-01',
  '0000-00-00',
  '2023-7-1',
  '+275760-09-13',
  '2023-07-11T25:00:00Z',
  '2023-07-11T07:30:00+02:00',
  '2023-07-11T07:30:00',
  'Invalid Date',
  '1e21',
  '',
];
const timeZoneFragments = [
  'Mars/Olympus',
  'UTC+25',
  'Europe/Vilnius\u0000',
  '../../etc/passwd',
  'Etc/GMT+99',
  'local',
  ' Europe/Vilnius',
  'x'.repeat(65),
];
const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...sqlFragments, ...htmlFragments, ...dateFragments, ...timeZoneFragments, ...pollutionKeys),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\r', '\n', '\u2028', '\ufeff', '\u202e', '\ud800'),
    maxLength: 10,
  }),
  fc.constantFrom(201, 501, 2001, 100_001, 1_000_000).map((length) => '𝕏'.repeat(length / 2) + 'x'.repeat(length % 2)),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, 1e308, 999_999),
  fc.integer(),
  fc.double(),
);

/** Values of every type a structured clone or JSON body can carry. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, undefined, true, false, [], {}, 10n, new Date(Number.NaN), new Date('2023-07-11')),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withSparseArray: true,
  }),
);

/** A JSON body with an own `__proto__` key, as JSON.parse builds it. */
const pollution = fc
  .tuple(fc.constantFrom(...pollutionKeys), fc.constantFrom('polluted', 'isAdmin', 'id', 'title'))
  .map(([key, field]) => JSON.parse(`{"${key}": {"${field}": true}, "id": 1}`) as unknown);

type Shape = Record<string, unknown>;

function mutate(valid: Shape): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const pick = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('id');
  return fc.oneof(
    fc.constant(valid),
    pick.map((key) => {
      const { [key]: _dropped, ...rest } = valid;
      return rest;
    }),
    fc
      .tuple(fc.oneof(fc.constantFrom(...pollutionKeys, 'extra', 'id', 'rowid', 'version'), fc.string()), hostileValue)
      .map(([key, value]) => {
        const copy: Shape = { ...valid };
        Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
        return copy;
      }),
    fc.tuple(pick, hostileValue).map(([key, value]) => ({ ...valid, [key]: value })),
    // Same shape, hostile text: many of these are valid and must be stored as written.
    fc.tuple(pick, hostileString).map(([key, value]) => (typeof valid[key] === 'string' ? { ...valid, [key]: value } : valid)),
    fc.tuple(pick, hostileValue).map(([key, value]) => nested(valid, key, value)),
  );
}

/** Replaces a field one level down (a patch, a participant, a settings scheme). */
function nested(valid: Shape, key: string, value: unknown): Shape {
  const inner = valid[key];
  if (Array.isArray(inner)) return { ...valid, [key]: [...inner, value] };
  if (inner && typeof inner === 'object') {
    const innerKeys = Object.keys(inner);
    const target = innerKeys[typeof value === 'string' ? value.length % Math.max(innerKeys.length, 1) : 0] ?? 'x';
    return { ...valid, [key]: { ...inner, [target]: value } };
  }
  return { ...valid, [key]: value };
}

function payloads(channel: Channel): fc.Arbitrary<unknown> {
  const valid = (validRequests[channel] ?? {}) as Shape;
  return fc.oneof({ arbitrary: mutate(valid), weight: 4 }, { arbitrary: hostileValue, weight: 2 }, { arbitrary: pollution, weight: 1 });
}

/** Every row of every table, to name what changed when the fingerprint differs. */
function tableDump(db: Db): Map<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const schema = JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').raw().all());
  const rows = tables.map((name): [string, string] => [name, JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all())]);
  return new Map([['sqlite_master', schema], ...rows]);
}

/**
 * The tables whose rows differ between an earlier image of the store and now.
 * Bytes alone are too strict: a rolled-back write may leave different garbage
 * in a free page (SQLite does not journal pages it takes off the free list),
 * which no query can see. Every row of every table, the schema and the FTS
 * shadow tables included, is what must not change.
 */
function changedTables(before: Buffer, db: Db): string[] {
  if (db.serialize().equals(before)) return [];
  const old = new Database(before);
  const rowsBefore = tableDump(old);
  const versionBefore = old.pragma('user_version', { simple: true });
  old.close();
  const rowsAfter = tableDump(db);
  const changed = [...new Set([...rowsBefore.keys(), ...rowsAfter.keys()])].filter((name) => rowsBefore.get(name) !== rowsAfter.get(name));
  if (versionBefore !== db.pragma('user_version', { simple: true })) changed.push('user_version');
  return changed;
}

/**
 * What any write to this connection moves: its count of rows written (a trigger's, an FTS index's and a
 * rolled-back statement's included), the schema's version (any CREATE, DROP or ALTER) and user_version. While
 * none moved, no row and no table of an in-memory store can differ from its last image, so that image need not be
 * serialized again to know (8 ms a copy of the sample here: most of this file's time). When one moved, the image
 * is compared as before. A store on disk can be written by another connection (a restore), which no count here sees.
 */
function writeMark(db: Db): string | null {
  if (!db.memory) return null;
  return JSON.stringify(
    db
      .prepare('SELECT total_changes(), (SELECT schema_version FROM pragma_schema_version), (SELECT user_version FROM pragma_user_version)')
      .raw()
      .get(),
  );
}

const dataDirs: string[] = [];
afterAll(() => {
  for (const dataDir of dataDirs) fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The sample in memory, with a backups folder on disk. Backup channels get a
 * store file of their own: restoring writes into the live file.
 */
let sampleTemplate: Buffer | undefined;

/** The sample store, migrated and loaded once: the test makes dozens of stores, and copying one costs far less than building it. */
function sampleStore(): Buffer {
  if (!sampleTemplate) {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    sampleTemplate = db.serialize();
    db.close();
  }
  return sampleTemplate;
}

/** The sample store alone, in memory. */
function freshStore(): { db: Db; dispatch: Dispatch } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-fuzz-'));
  dataDirs.push(dataDir);
  return withDispatch(openScratchCopy(sampleStore()), dataDir);
}

function withDispatch(db: Db, dataDir: string): { db: Db; dispatch: Dispatch } {
  const handlers = createHandlers({
    db,
    clock: () => new Date('2023-07-01T08:00:00Z'),
    backups: { folder: backupFolder(dataDir) },
    exchange: { exportsDir: path.join(dataDir, 'exports') },
  });
  return { db, dispatch: createDispatch({ db, handlers }) };
}

async function seedExtras(dispatch: Dispatch): Promise<void> {
  for (const [channel, request] of [
    ['note.create', validRequests['note.create']],
    ['followUp.create', validRequests['followUp.create']],
    // An uncited source (id 2), so deleting one can succeed.
    ['source.create', validRequests['source.create']],
    // A saved pack (id 1).
    // Under a name of its own: the valid request then saves a pack new to the store (`expected: null`), not a stale one.
    ['pack.save', { ...(validRequests['pack.save'] as Shape), name: 'Seeded pocket pack' }],
    // A backup to restore: the fixed clock gives it a known name.
    ['backup.create', {}],
  ] as const) {
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  }
}

/** The sample with the extras seeded through the dispatch, and the data folder holding its backup. */
let seededTemplate: Promise<{ image: Buffer; dataDir: string }> | undefined;

/**
 * A store as `freshStore` then `seedExtras` leave it, copied from one seeded
 * once: the tests need about 150 seeded stores, and on a busy CI machine
 * seeding each (a backup written to disk every time, and for the backup
 * channels a store file created and migrated) took over 20 seconds for one test.
 */
async function seededStore(channel?: Channel): Promise<{ db: Db; dispatch: Dispatch }> {
  seededTemplate ??= (async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-fuzz-seeded-'));
    dataDirs.push(dataDir);
    const { db, dispatch } = withDispatch(openScratchCopy(sampleStore()), dataDir);
    await seedExtras(dispatch);
    const image = db.serialize();
    db.close();
    return { image, dataDir };
  })();
  const template = await seededTemplate;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-fuzz-'));
  dataDirs.push(dataDir);
  fs.cpSync(backupFolder(template.dataDir), backupFolder(dataDir), { recursive: true });
  if (!channel?.startsWith('backup.')) return withDispatch(openScratchCopy(template.image), dataDir);
  // Backup channels get a store file of their own, opened and checked as the app opens one: restoring writes into it.
  fs.writeFileSync(path.join(dataDir, storeFileName), template.image);
  return withDispatch(openStore(dataDir).db, dataDir);
}

/** What a correct answer to an accepted write looks like: the store echoes what was asked. */
/** A request as the store keeps it if every string in it were a one-line field. */
function asKept(given: unknown): unknown {
  if (typeof given === 'string') return asStoredLine(given);
  if (Array.isArray(given)) return given.map(asKept);
  if (given && typeof given === 'object') return Object.fromEntries(Object.entries(given).map(([key, value]) => [key, asKept(value)]));
  return given;
}

function expectEcho(channel: Channel, request: unknown, value: unknown): void {
  const action = channel.slice(channel.indexOf('.') + 1);
  const record = value as Shape;
  const asked = request as Shape;
  const same = (field: string, stored: unknown, given: unknown) => {
    if (field === 'startsAt' && typeof given === 'string') expect(stored).toBe(new Date(given).toISOString());
    // A summit with no end date lasts one day: its end is stored as its start.
    else if (field === 'endDate' && (given === '' || given === null || given === undefined)) expect(stored).toBe(record.startDate);
    // A marking of only characters that print as nothing (U+E0000, a soft hyphen) reads as blank: unmarked.
    else if (field === 'classification' && typeof given === 'string' && readsAsUnmarked(given)) expect(stored, field).toBe('');
    // SQLite has no negative zero: -0 is stored as 0, which is the same number to a user.
    else if (typeof given === 'number') expect(stored === given, field).toBe(true);
    // One-line fields are kept trimmed (shared/fieldRules.ts asStoredLine); prose is kept as given.
    else if (!isDeepStrictEqual(stored, given)) expect(stored, field).toEqual(asKept(given));
  };
  if (channel === 'settings.update') {
    for (const [field, given] of Object.entries(asked)) same(field, record[field], given);
  } else if (action === 'create' && channel !== 'note.create') {
    expect(typeof record.id).toBe('number');
    for (const [field, given] of Object.entries(asked)) same(field, record[field], given);
  } else if (action === 'update') {
    // Fuzzed updates expect no field (`expected: {}`, a trusted writer's save): never refused as stale.
    expect(record.status).toBe('saved');
    const saved = record.saved as Shape;
    expect(saved.id).toBe(asked.id);
    for (const [field, given] of Object.entries(asked.patch as Shape)) same(field, saved[field], given);
  } else if (action === 'delete') {
    expect((record.deleted as Shape).id).toBe(asked.id);
  } else if (channel === 'pack.save') {
    same('name', record.name, asked.name);
    same('definition', record.definition, asked.definition);
  } else if (channel === 'note.create') {
    for (const field of ['title', 'body', 'tags', 'classification'] as const) same(field, record[field], asked[field]);
  }
}

const tried = new Map<Channel, { payloads: number; accepted: number; refused: number }>();

afterAll(() => {
  const total = [...tried.values()].reduce((sum, count) => sum + count.payloads, 0);
  const lines = [...tried].map(
    ([channel, count]) => `${channel}: ${count.payloads} (${count.accepted} accepted, ${count.refused} refused)`,
  );
  const missing = channels.filter((channel) => validRequests[channel] === undefined);
  console.info(
    `IPC fuzz: ${total} payloads over ${tried.size} channels\n${lines.join('\n')}` +
      (missing.length > 0 ? `\nNo valid request yet (fuzzed from {} only): ${missing.join(', ')}` : ''),
  );
});

describe('IPC fuzzing', () => {
  it('each valid request is accepted, so mutations start from a real call', async () => {
    const { db, dispatch } = await seededStore();
    for (const channel of channels) {
      const request = validRequests[channel];
      if (request === undefined) continue;
      // Deletes and trash would remove what later requests use: each gets its own store.
      const own = channelEffects[channel].transaction || channel.startsWith('backup.') ? await seededStore(channel) : { db, dispatch };
      const result = await own.dispatch(channel, request);
      if (channel === 'pack.export')
        expect(result).toMatchObject({ ok: false, error: { message: 'PDF export is not available in this window.' } });
      else expect(result, channel).toMatchObject({ ok: true });
      if (own.db !== db) own.db.close();
    }
    db.close();
    // About fifty stores, each copied and opened: on a busy 2-core CI machine that alone can take most of the default 20 seconds.
  }, 120_000);

  it('answers any other channel name (prototype keys included) as unknown, and changes nothing', async () => {
    const { db, dispatch } = freshStore();
    const before = db.serialize();
    const names = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'summit.list ', 'SUMMIT.LIST', 'summit', ''),
      fc.string(),
      fc.constantFrom(...channels).map((channel) => `${channel}\u0000`),
    );
    await fc.assert(
      fc.asyncProperty(names, hostileValue, async (name, payload) => {
        fc.pre(!(channels as string[]).includes(name));
        const result = await dispatch(name, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      }),
      { numRuns: runsPerChannel },
    );
    expect(db.serialize().equals(before)).toBe(true);
    db.close();
  });

  it('refuses text with half an emoji instead of storing it changed', async () => {
    const { db, dispatch } = freshStore();
    const result = await dispatch('person.update', { id: 1, patch: { biography: 'Met at 😀 and \ud83d' }, expected: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'biography' } });
    expect((await dispatch('person.update', { id: 1, patch: { biography: 'Met at 😀' }, expected: {} })).ok).toBe(true);
    db.close();
  });

  it.each(channels)(
    '%s: every generated payload gets a typed error or a correct result, and a refusal changes nothing',
    async (channel) => {
      const { db, dispatch } = await seededStore(channel);
      const count = { payloads: 0, accepted: 0, refused: 0 };
      tried.set(channel, count);
      // A restore is not a write transaction but replaces the store: a refused one must change nothing either.
      const checked = channelEffects[channel].transaction || channel === 'backup.restore';
      const isWrite = channelEffects[channel].transaction;
      // The store's image before a payload, taken again only after one was accepted: most are refused and, as
      // checked, change nothing, so the last image still holds (copying the store before each payload was a
      // fifth of this test’s time).
      let image: Buffer | null = null;
      await fc.assert(
        fc.asyncProperty(payloads(channel), async (payload) => {
          if (checked && image === null) image = db.serialize();
          const before = image;
          const markBefore = checked ? writeMark(db) : null;
          let result: Awaited<ReturnType<Dispatch>>;
          try {
            result = await dispatch(channel, payload);
          } catch (error) {
            throw new Error(`dispatch threw: ${String(error)}`);
          }
          count.payloads += 1;
          if (result.ok) image = null;
          else if (before && (markBefore === null || writeMark(db) !== markBefore)) {
            const now = db.serialize();
            if (!now.equals(before)) {
              // Other bytes (a free page), or a fault: either way later payloads, and fast-check's shrinking, are
              // compared with the store as it is now.
              image = now;
              expect(changedTables(before, db), `a refused write (${result.error.code}) changed rows`).toEqual([]);
            }
          }
          expect(Object.prototype).not.toHaveProperty('polluted');
          expect(Object.prototype).not.toHaveProperty('isAdmin');
          if (result.ok) {
            count.accepted += 1;
            expect(result.value).not.toBeUndefined();
            if (isWrite) expectEcho(channel, payload, result.value);
            if (channel === 'backup.restore') expect((result.value as { restored: Shape }).restored.name).toBe((payload as Shape).name);
          } else {
            count.refused += 1;
            expect(errorCodes).toContain(result.error.code);
            expect(typeof result.error.message).toBe('string');
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(result.error.message.length).toBeLessThan(1000);
          }
        }),
        { numRuns: runsPerChannel },
      );
      expect(count.payloads).toBeGreaterThanOrEqual(runsPerChannel);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    },
    180_000,
  );
});
