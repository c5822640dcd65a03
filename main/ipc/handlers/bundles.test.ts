import fs from 'node:fs';
import path from 'node:path';
import { collectConflicts } from 'pouchdb-merge';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { docIdOfRow } from '../../../db/sync/deskExchange.ts';
import { revisionsOf } from '../../../db/sync/history.ts';
import { treeOf } from '../../../db/sync/merge.ts';
import { syncPrepare } from '../../../db/sync/pendingNotes.ts';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import type { BundleExportResult, BundleImportOutcome, BundleInspection, ContactAddOutcome, DeskCard } from '../../../shared/bundles.ts';
import type { Channel, NoteSaveResult, Request } from '../../../shared/contract.ts';
import type { Note, Summit } from '../../../shared/domain.ts';
import { openStore } from '../../store.ts';
import { tempDataDir } from '../../storeFaults.helpers.ts';
import { createDispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

interface Desk {
  db: Db;
  exportsDir: string;
  call<K extends Channel>(channel: K, request: Request<K>): Promise<unknown>;
  /** A call that must succeed; its value. */
  ok<T>(channel: Channel, request: unknown): Promise<T>;
}

/** A desk on a real store file, answering through the one dispatch as the window does. */
function desk(): Desk {
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const { db } = openStore(dataDir);
  const exportsDir = path.join(dataDir, 'exports');
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2026-12-01T10:00:00Z'), exchange: { exportsDir } }),
  });
  return {
    db,
    exportsDir,
    call: (channel, request) => dispatch(channel, request),
    ok: async <T>(channel: Channel, request: unknown) => {
      const result = await dispatch(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    },
  };
}

const washington = {
  title: 'Washington Summit',
  city: 'Washington',
  countryId: null,
  startDate: '2024-07-09',
  endDate: '2024-07-11',
  timeZone: 'America/New_York',
  description: 'NATO at 75',
  sourceId: null,
  classification: 'NATO RESTRICTED',
};

async function withSummit(a: Desk): Promise<Summit> {
  const summit = await a.ok<Summit>('summit.create', washington);
  await addMeeting(a, summit.id, 'Bilateral with Canada');
  return summit;
}

async function addMeeting(a: Desk, summitId: number, title: string): Promise<{ id: number }> {
  return a.ok<{ id: number }>('meeting.create', {
    summitId,
    title,
    format: 'bilateral',
    startsAt: '2024-07-10T14:00:00Z',
    startTimeKnown: true,
    durationMinutes: 30,
    timeZone: 'America/New_York',
    venue: '',
    interpreters: '',
    press: 'closed',
    ...Object.fromEntries(
      [
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
      ].map((field) => [field, '']),
    ),
    status: 'planned',
    counterpartId: null,
    sourceId: null,
    classification: 'NATO CONFIDENTIAL',
  });
}

const fileOf = (exported: BundleExportResult) => fs.readFileSync(exported.path).toString('base64');
const summitTitles = (db: Db) => db.prepare('SELECT title FROM summit ORDER BY title').pluck().all();

async function exchangeCards(a: Desk, b: Desk): Promise<void> {
  const cardA = await a.ok<DeskCard>('desk.card', {});
  const cardB = await b.ok<DeskCard>('desk.card', {});
  expect(await a.ok<ContactAddOutcome>('contact.add', { text: cardB.text })).toEqual({ status: 'added', card: cardB.card });
  expect(await b.ok<ContactAddOutcome>('contact.add', { text: cardA.text })).toEqual({ status: 'added', card: cardA.card });
}

describe('exchange channels: contact cards', () => {
  it('gives each desk a card with a short fingerprint, accepts a colleague’s pasted card and refuses a damaged one', async () => {
    const a = desk();
    const b = desk();
    const renamed = await a.ok<DeskCard>('desk.rename', { deskName: 'Seoul desk' });
    expect(renamed.card.deskName).toBe('Seoul desk');
    expect(renamed.card.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    expect(renamed.text).toContain(`Fingerprint: ${renamed.card.fingerprint}`);
    // The same keys from then on: the card is the desk's identity.
    expect((await a.ok<DeskCard>('desk.card', {})).card).toEqual(renamed.card);

    // Pasted from a mail reply: quoted, with blank lines.
    const quoted = renamed.text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n\n');
    expect(await b.ok<ContactAddOutcome>('contact.add', { text: quoted })).toEqual({ status: 'added', card: renamed.card });
    expect(await b.ok('contact.list', {})).toEqual([renamed.card]);

    const before = storeSnapshot(b.db);
    const otherKey = (await b.ok<DeskCard>('desk.card', {})).card.signingKey;
    const swapped = renamed.text.replace(/Signing key: .*/, `Signing key: ${otherKey}`);
    expect(await b.ok('contact.add', { text: swapped })).toEqual({ status: 'refused', reason: 'fingerprint-mismatch' });
    expect(await b.ok('contact.add', { text: 'Hello, here is my card' })).toEqual({ status: 'refused', reason: 'not-a-card' });
    // Same keys, so the same fingerprint read over the phone, but another desk's name: the name signature tells.
    const renamedOnTheWay = renamed.text.replace('Desk: Seoul desk', 'Desk: Tokyo desk');
    expect(renamedOnTheWay).not.toBe(renamed.text);
    expect(await b.ok('contact.add', { text: renamedOnTheWay })).toEqual({ status: 'refused', reason: 'name-mismatch' });
    // A card from before names were signed is refused with its own reason: its desk copies a new one.
    const unsigned = renamed.text.replace(/\nName signature: .*/, '');
    expect(unsigned).not.toContain('Name signature');
    expect(await b.ok('contact.add', { text: unsigned })).toEqual({ status: 'refused', reason: 'name-unsigned' });
    expect(await b.ok('contact.add', { text: (await b.ok<DeskCard>('desk.card', {})).text })).toEqual({
      status: 'refused',
      reason: 'own-card',
    });
    expect(storeSnapshot(b.db)).toEqual(before);

    expect(await b.ok('contact.remove', { fingerprint: renamed.card.fingerprint })).toEqual({ removed: renamed.card });
    expect(await b.ok('contact.list', {})).toEqual([]);
    const saved = await a.ok<{ path: string }>('desk.saveCard', {});
    expect(path.dirname(saved.path)).toBe(a.exportsDir);
    expect(fs.readFileSync(saved.path, 'utf8')).toContain(renamed.card.fingerprint);
  });
});

describe('exchange channels: bundles', () => {
  it('shows what a summit’s bundle holds and its markings before export, then brings it to the desk it is addressed to', async () => {
    const a = desk();
    const b = desk();
    await exchangeCards(a, b);
    const summit = await withSummit(a);
    const contents = await a.ok<{ records: { kind: string; name: string }[]; markings: string[] }>('bundle.contents', {
      selection: { summitId: summit.id },
    });
    expect(contents.records.map((record) => `${record.kind}: ${record.name}`)).toEqual([
      'summit: Washington Summit',
      'meeting: Bilateral with Canada',
    ]);
    expect(contents.markings).toEqual(['NATO CONFIDENTIAL', 'NATO RESTRICTED']);

    const recipient = (await b.ok<DeskCard>('desk.card', {})).card.fingerprint;
    const exported = await a.ok<BundleExportResult>('bundle.export', { selection: { summitId: summit.id }, recipients: [recipient] });
    // The file's name and its outside travel in the clear (a mail subject, a USB stick's listing): a summit's title
    // can itself be classified, so the name says only what it is, the day and a short id of the bundle.
    expect(exported).toMatchObject({ records: 2 });
    expect(exported.fileName).toMatch(/^sherpa-bundle-2026-12-01-[0-9a-f]{8}\.sherpa$/);
    const outside = fs.readFileSync(exported.path);
    for (const inside of ['Washington', 'Bilateral with Canada', 'NATO CONFIDENTIAL', 'NATO RESTRICTED', 'NATO at 75'])
      expect(outside.includes(inside), inside).toBe(false);
    expect(path.dirname(exported.path)).toBe(a.exportsDir);
    // A second export the same day never replaces the first.
    const again = await a.ok<BundleExportResult>('bundle.export', { selection: { summitId: summit.id }, recipients: [recipient] });
    expect(again.fileName).toMatch(/^sherpa-bundle-2026-12-01-[0-9a-f]{8}\.sherpa$/);
    expect(again.fileName).not.toBe(exported.fileName);

    const inspection = await b.ok<BundleInspection>('bundle.inspect', { file: fileOf(exported) });
    expect(inspection).toMatchObject({
      status: 'ready',
      review: { signerAccepted: true, counts: { new: 2, updated: 0, conflicting: 0 }, markings: ['NATO CONFIDENTIAL', 'NATO RESTRICTED'] },
    });
    expect(summitTitles(b.db)).not.toContain('Washington Summit');

    const imported = await b.ok<BundleImportOutcome>('bundle.import', { file: fileOf(exported), acceptSigner: false });
    expect(imported).toMatchObject({ status: 'imported', review: { counts: { new: 2 } } });
    expect(summitTitles(b.db)).toContain('Washington Summit');

    // The same bundle again: refused, and nothing changes.
    const before = storeSnapshot(b.db);
    expect(await b.ok('bundle.import', { file: fileOf(exported), acceptSigner: false })).toMatchObject({
      status: 'refused',
      refusal: { reason: 'already-imported' },
    });
    expect(storeSnapshot(b.db)).toEqual(before);
  });

  it('asks for an unknown signer to be accepted, by its fingerprint, before importing', async () => {
    const a = desk();
    const b = desk();
    const summit = await withSummit(a);
    const cardA = await a.ok<DeskCard>('desk.card', {});
    const exported = await a.ok<BundleExportResult>('bundle.export', {
      selection: { summitId: summit.id },
      recipients: [],
      passphrase: 'long enough passphrase',
    });
    const file = fileOf(exported);
    expect(await b.ok('bundle.inspect', { file })).toEqual({ status: 'needs-passphrase', signer: cardA.card });
    expect(await b.ok('bundle.inspect', { file, passphrase: 'wrong passphrase' })).toMatchObject({
      status: 'refused',
      refusal: { reason: 'wrong-passphrase' },
    });
    expect(await b.ok('bundle.inspect', { file, passphrase: 'long enough passphrase' })).toMatchObject({
      status: 'ready',
      review: { signerAccepted: false, signer: { fingerprint: cardA.card.fingerprint } },
    });
    const before = storeSnapshot(b.db);
    expect(await b.ok('bundle.import', { file, passphrase: 'long enough passphrase', acceptSigner: false })).toMatchObject({
      status: 'refused',
      refusal: { reason: 'unknown-signer' },
    });
    expect(storeSnapshot(b.db)).toEqual(before);
    expect(await b.ok('bundle.import', { file, passphrase: 'long enough passphrase', acceptSigner: true })).toMatchObject({
      status: 'imported',
    });
    expect(await b.ok('contact.list', {})).toEqual([cardA.card]);
  });

  it('refuses a tampered, cut-short, misaddressed or foreign file and changes nothing', async () => {
    const a = desk();
    const b = desk();
    const c = desk();
    await exchangeCards(a, b);
    // Desk C has its keys (its card was shown), but the bundle is not addressed to it.
    await c.ok('desk.card', {});
    const summit = await withSummit(a);
    const recipient = (await b.ok<DeskCard>('desk.card', {})).card.fingerprint;
    const bytes = fs.readFileSync(
      (await a.ok<BundleExportResult>('bundle.export', { selection: { summitId: summit.id }, recipients: [recipient] })).path,
    );
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 300] = (flipped[bytes.length - 300] ?? 0) ^ 0x01;
    const cases: [Desk, Buffer, string][] = [
      [b, flipped, 'tampered'],
      [b, bytes.subarray(0, bytes.length - 10), 'tampered'],
      [b, Buffer.from('%PDF-1.7 not a bundle at all, just some other file that was chosen'), 'not-a-bundle'],
      [c, bytes, 'not-for-this-desk'],
    ];
    for (const [to, file, reason] of cases) {
      const before = storeSnapshot(to.db);
      expect(await to.ok('bundle.inspect', { file: file.toString('base64') })).toMatchObject({ status: 'refused', refusal: { reason } });
      expect(await to.ok('bundle.import', { file: file.toString('base64'), acceptSigner: true })).toMatchObject({
        status: 'refused',
        refusal: { reason },
      });
      expect(storeSnapshot(to.db)).toEqual(before);
    }
  });

  it('ends edits of the same record on two desks with the same winner on both, reports the conflict, and keeps the loser', async () => {
    const a = desk();
    const b = desk();
    await exchangeCards(a, b);
    const fingerprintOf = async (d: Desk) => (await d.ok<DeskCard>('desk.card', {})).card.fingerprint;
    const summitA = await withSummit(a);
    const first = await a.ok<BundleExportResult>('bundle.export', {
      selection: { summitId: summitA.id },
      recipients: [await fingerprintOf(b)],
    });
    await b.ok('bundle.import', { file: fileOf(first), acceptSigner: false });
    const summitB = b.db.prepare(`SELECT id FROM summit WHERE title = 'Washington Summit'`).pluck().get() as number;

    await a.ok('summit.update', { id: summitA.id, patch: { description: 'NATO at 75: Ukraine first' }, expected: {} });
    await b.ok('summit.update', { id: summitB, patch: { description: 'NATO at 75: Indo-Pacific partners' }, expected: {} });
    const toB = await a.ok<BundleExportResult>('bundle.export', {
      selection: { summitId: summitA.id },
      recipients: [await fingerprintOf(b)],
    });
    const toA = await b.ok<BundleExportResult>('bundle.export', { selection: { summitId: summitB }, recipients: [await fingerprintOf(a)] });

    const review = await b.ok<BundleInspection>('bundle.inspect', { file: fileOf(toB) });
    expect(review).toMatchObject({ status: 'ready', review: { counts: { conflicting: 1 } } });
    if (review.status !== 'ready') return;
    expect(review.review.changes).toEqual([expect.objectContaining({ kind: 'summit', name: 'Washington Summit', change: 'conflicting' })]);

    await b.ok('bundle.import', { file: fileOf(toB), acceptSigner: false });
    await a.ok('bundle.import', { file: fileOf(toA), acceptSigner: false });
    const descriptionA = (await a.ok<Summit>('summit.get', { id: summitA.id })).description;
    const descriptionB = (await b.ok<Summit>('summit.get', { id: summitB })).description;
    expect(descriptionA).toBe(descriptionB);
    const docId = docIdOfRow(a.db, 'summit', summitA.id) as string;
    const losers = (db: Db) => collectConflicts({ rev_tree: treeOf(revisionsOf(db, docId)) });
    expect(losers(a.db)).toHaveLength(1);
    expect(losers(a.db)).toEqual(losers(b.db));
    const loserText = revisionsOf(a.db, docId).find((revision) => revision.rev === losers(a.db)[0])?.body?.description;
    expect([descriptionA, loserText].sort()).toEqual(['NATO at 75: Indo-Pacific partners', 'NATO at 75: Ukraine first']);
  });

  it('sends chosen records with what they refer to, and nothing else of their summit', async () => {
    const a = desk();
    const b = desk();
    await exchangeCards(a, b);
    const summit = await withSummit(a);
    const chosen = await addMeeting(a, summit.id, 'Pull-aside with Japan');
    const selection = { records: [{ kind: 'meeting', id: chosen.id }] };
    const contents = await a.ok<{ records: { kind: string; name: string; rowId: number | null }[] }>('bundle.contents', { selection });
    expect(contents.records.map((record) => `${record.kind}: ${record.name}`)).toEqual([
      'summit: Washington Summit',
      'meeting: Pull-aside with Japan',
    ]);
    expect(contents.records.find((record) => record.kind === 'meeting')?.rowId).toBe(chosen.id);
    const recipient = (await b.ok<DeskCard>('desk.card', {})).card.fingerprint;
    const exported = await a.ok<BundleExportResult>('bundle.export', { selection, recipients: [recipient] });
    expect(exported).toMatchObject({ records: 2 });
    expect(exported.fileName).toMatch(/^sherpa-bundle-2026-12-01-[0-9a-f]{8}\.sherpa$/);
    await b.ok('bundle.import', { file: fileOf(exported), acceptSigner: false });
    const meetingsOnB = b.db
      .prepare(`SELECT M.title FROM meeting M JOIN summit S ON S.id = M.summit_id WHERE S.title = 'Washington Summit'`)
      .pluck()
      .all();
    expect(meetingsOnB).toEqual(['Pull-aside with Japan']);
  });

  it('takes a bundle too large for one request in parts, and refuses one not handed over whole', async () => {
    const a = desk();
    const b = desk();
    await exchangeCards(a, b);
    const summit = await withSummit(a);
    const recipient = (await b.ok<DeskCard>('desk.card', {})).card.fingerprint;
    const bytes = fs.readFileSync(
      (await a.ok<BundleExportResult>('bundle.export', { selection: { summitId: summit.id }, recipients: [recipient] })).path,
    );
    const upload = 'c0ffee'.padEnd(32, '0');
    const third = Math.ceil(bytes.length / 3);
    const parts = [0, 1, 2].map((part) => bytes.subarray(part * third, (part + 1) * third).toString('base64'));
    // Parts may arrive in any order; until all have, the bundle cannot be opened.
    expect(await b.ok('bundle.stage', { upload, part: 2, parts: 3, data: parts[2] })).toEqual({ upload, received: 1, complete: false });
    expect(await b.ok('bundle.stage', { upload, part: 0, parts: 3, data: parts[0] })).toEqual({ upload, received: 2, complete: false });
    // Not whole yet: the page is told to choose the file again, in its own words.
    expect(await b.ok('bundle.inspect', { upload })).toMatchObject({ status: 'refused', refusal: { reason: 'file-gone' } });
    expect(await b.ok('bundle.stage', { upload, part: 1, parts: 3, data: parts[1] })).toEqual({ upload, received: 3, complete: true });
    expect(await b.ok('bundle.inspect', { upload })).toMatchObject({ status: 'ready', review: { counts: { new: 2 } } });
    expect(await b.ok('bundle.import', { upload, acceptSigner: false })).toMatchObject({ status: 'imported' });
    expect(summitTitles(b.db)).toContain('Washington Summit');
    // Imported: the parts are let go.
    expect(await b.ok('bundle.import', { upload, acceptSigner: false })).toMatchObject({
      status: 'refused',
      refusal: { reason: 'file-gone' },
    });
  });

  it('names the field at fault when an export has no one to open it, or a short passphrase', async () => {
    const a = desk();
    const summit = await withSummit(a);
    expect(await a.call('bundle.export', { selection: { summitId: summit.id }, recipients: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: 'recipients' },
    });
    expect(await a.call('bundle.export', { selection: { summitId: summit.id }, recipients: [], passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: 'passphrase', reason: 'passphrase_too_short', params: { min: 12 } },
    });
    // Twelve characters, none of them a secret; then long ones anyone guesses first.
    for (const [passphrase, reason] of [
      [' '.repeat(12), 'passphrase_blank'],
      ['\t'.repeat(40), 'passphrase_blank'],
      ['x'.repeat(20), 'passphrase_weak'],
      ['abcdefghijklmnop', 'passphrase_weak'],
    ] as const) {
      expect(await a.call('bundle.export', { selection: { summitId: summit.id }, recipients: [], passphrase })).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', field: 'passphrase', reason },
      });
    }
    expect(
      await a.call('bundle.export', { selection: { summitId: 999 }, recipients: [], passphrase: 'long enough passphrase' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: 'selection.summitId' },
    });
    expect(fs.existsSync(a.exportsDir) ? fs.readdirSync(a.exportsDir) : []).toEqual([]);
  });
});

describe('exchange channels: chosen records', () => {
  it('a meeting moved from another summit travels without the text it had there', async () => {
    const a = desk();
    const b = desk();
    const secret = await a.ok<Summit>('summit.create', { ...washington, title: 'Closed Summit', classification: 'NATO SECRET' });
    const open = await a.ok<Summit>('summit.create', { ...washington, title: 'Open Summit' });
    const meeting = await addMeeting(a, secret.id, 'Closed-summit bilateral');
    a.db.prepare(`UPDATE meeting SET background = 'Closed-summit background' WHERE id = ?`).run(meeting.id);
    // Moved to the other summit and rewritten there: its earlier versions belong to the closed summit.
    a.db.prepare(`UPDATE meeting SET summit_id = ?, title = 'Open bilateral', background = '' WHERE id = ?`).run(open.id, meeting.id);
    const passphrase = 'correct horse battery staple';
    const exported = await a.ok<BundleExportResult>('bundle.export', {
      selection: { records: [{ kind: 'meeting', id: meeting.id }] },
      recipients: [],
      passphrase,
    });
    await b.ok<BundleImportOutcome>('bundle.import', { file: fileOf(exported), passphrase, acceptSigner: true });
    expect(b.db.prepare('SELECT title FROM meeting').pluck().all()).toContain('Open bilateral');
    const received = syncPrepare(b.db, 'SELECT group_concat(body) FROM sync_rev').pluck().get() as string;
    expect(received.match(/.{80}(Closed-summit|Closed Summit).{40}/g)).toBeNull();
  });
});

describe('exchange channels: the officer’s saves while a bundle is made or opened', () => {
  /** What finishes first: the bundle's call, or a note's save asked for just after it began (as the window's next request). */
  async function firstDone(b: Desk, bundleCall: () => Promise<unknown>, note: Note, body: string): Promise<string[]> {
    const done: string[] = [];
    const bundle = bundleCall().then(() => done.push('bundle'));
    const save = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        b.ok<NoteSaveResult>('note.save', {
          id: note.id,
          baseVersion: note.version,
          title: note.title,
          body,
          tags: [],
          classification: '',
        }),
      )
      .then((saved) => {
        expect(saved.status).toBe('saved');
        done.push('save');
      });
    await Promise.all([bundle, save]);
    return done;
  }

  it('answers a note’s save while a bundle is exported and while it is opened for review', async () => {
    const a = desk();
    const b = desk();
    await exchangeCards(a, b);
    const summit = await withSummit(a);
    const recipient = (await b.ok<DeskCard>('desk.card', {})).card.fingerprint;
    const typedOnA = await a.ok<Note>('note.create', { title: 'Typed during the export', body: '', tags: [], classification: '' });
    let exported: BundleExportResult | undefined;
    const exporting = async () => {
      exported = await a.ok<BundleExportResult>('bundle.export', { selection: { summitId: summit.id }, recipients: [recipient] });
    };
    expect(await firstDone(a, exporting, typedOnA, 'saved while the bundle is sealed')).toEqual(['save', 'bundle']);

    const typedOnB = await b.ok<Note>('note.create', { title: 'Typed during the review', body: '', tags: [], classification: '' });
    const file = fileOf(exported as BundleExportResult);
    const opening = () => b.ok<BundleInspection>('bundle.inspect', { file });
    expect(await firstDone(b, opening, typedOnB, 'saved while the bundle is opened')).toEqual(['save', 'bundle']);
    // The review is the one a bundle opened at once gives, and the save is kept.
    expect(await opening()).toMatchObject({ status: 'ready', review: { counts: { new: 2, updated: 0, conflicting: 0 } } });
    expect((await b.ok<Note>('note.get', { id: typedOnB.id })).body).toBe('saved while the bundle is opened');
  });
});
