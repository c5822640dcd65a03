import type { Db } from '../../db/open.ts';
import { indexPendingSearch } from '../../db/search.ts';
import { bundleReceivedAt, contactBySigningKey, recordBundleReceived, saveContact } from '../../db/sync/desk.ts';
import { revokedBySigningKey } from '../../db/sync/deskExchange.ts';
import {
  allRecordIds,
  chosenHistoriesOf,
  chosenRecordIds,
  historiesOf,
  summitHistoriesOf,
  summitRecordIds,
} from '../../db/sync/history.ts';
import {
  applyMerge,
  checkHistories,
  endingDeleted,
  joinSummaries,
  mergeOrder,
  previewMerge,
  settleLocalDeletions,
} from '../../db/sync/merge.ts';
import type { ClassificationScheme } from '../../shared/contract.ts';
import type { ContactCard, MergeSummary, RecordHistory } from '../../shared/sync.ts';
import { sealApart, type VerifiedBundle, verifyApart } from './bundleApart.ts';
import { BundleImportError, contentOf, readRecords, recordsOfContent } from './bundleContent.ts';
import { type BundleHeader, contentKeyOf, openBundle, type SealOptions, sealBundle, sealingOf, signApart } from './bundleCrypto.ts';
import { markingsInside } from './bundleReview.ts';
import type { DeskKeys } from './deskKeys.ts';
import { inSlices, letOthersRun } from './inSlices.ts';

export { BundleImportError, type BundleImportErrorCode } from './bundleContent.ts';

// Bundles carry records with their whole revision histories between desks
// that share no network, and merge on arrival by exactly the rules live
// replication uses (db/sync/merge.ts).

export type BundleSelection = { summit: string } | { records: readonly string[] } | 'everything';

/** The ids a selection puts in a bundle, and how to read their histories as a bundle carries them, a few at a time. */
function selectionOf(db: Db, selection: BundleSelection): { ids: string[]; historiesOf: (ids: readonly string[]) => RecordHistory[] } {
  if (selection === 'everything') return { ids: allRecordIds(db), historiesOf: (ids) => historiesOf(db, ids) };
  if ('summit' in selection)
    return { ids: summitRecordIds(db, selection.summit), historiesOf: (ids) => summitHistoriesOf(db, selection.summit, ids) };
  return { ids: chosenRecordIds(db, selection.records), historiesOf: (ids) => chosenHistoriesOf(db, ids) };
}

/** A signed, encrypted `.sherpa` file of the selected records and everything they refer to. */
export function exportBundle(db: Db, desk: DeskKeys, selection: BundleSelection, options: SealOptions): Buffer {
  db.transaction(() => settleLocalDeletions(db))();
  const { ids, historiesOf: read } = selectionOf(db, selection);
  return sealBundle(desk, contentOf(read(ids)), options);
}

export interface ExportedBundle {
  file: Buffer;
  /** How many records it carries, and their markings (every revision's), for the officer to see what left. */
  records: number;
  markings: string[];
}

/**
 * The same bundle as exportBundle, made without holding the store's thread:
 * the histories are read a few at a time, the officer's saves answered
 * between, and handed to a worker that writes, zips and encrypts them; the
 * signature is made on Node's thread pool. A record saved while the bundle is
 * read goes as it was when its turn came, as a replication under way sends it.
 */
export async function exportBundleApart(db: Db, desk: DeskKeys, selection: BundleSelection, options: SealOptions): Promise<ExportedBundle> {
  db.transaction(() => settleLocalDeletions(db))();
  const { ids, historiesOf: read } = selectionOf(db, selection);
  const sealing = sealApart();
  try {
    const markings = new Set<string>();
    const counts = await inSlices(ids, (batch) => {
      const histories = read(batch);
      for (const marking of markingsInside(histories)) markings.add(marking);
      sealing.add(histories);
      return histories.length;
    });
    const body = await sealing.seal(await sealingOf(desk.card, options));
    return { file: await signApart(desk, body), records: counts.reduce((sum, count) => sum + count, 0), markings: [...markings].sort() };
  } finally {
    sealing.close();
  }
}

export interface BundleReview {
  bundleId: string;
  createdAt: string;
  signer: ContactCard;
  /** False when this desk has not accepted the signer: its fingerprint must be checked first. */
  signerKnown: boolean;
  summary: MergeSummary;
  /** The highest marking of the scheme among the records inside (its lowest level when none is marked). */
  highestMarking: string;
  /** The records inside, with their histories, for naming them on the review screen. */
  records: RecordHistory[];
}

/** Levels are listed lowest first; '' stands for the lowest; a marking outside the scheme counts as the highest, to be safe. */
export function highestMarking(markings: readonly string[], scheme: ClassificationScheme): string {
  const names = scheme.levels.map((level) => level.name);
  let highest = 0;
  for (const marking of markings) {
    if (marking === '') continue;
    const index = names.indexOf(marking);
    if (index === -1) return marking;
    highest = Math.max(highest, index);
  }
  return names[highest] ?? '';
}

interface Opened<Records> {
  header: BundleHeader;
  signer: ContactCard;
  signerKnown: boolean;
  records: Records;
}

function open(db: Db, desk: DeskKeys, file: Buffer, passphrase?: string): Opened<RecordHistory[]> {
  const opened = openUnread(db, desk, file, passphrase);
  return { ...opened, records: readRecords(opened.records) };
}

/** Verified, decrypted and not replayed; its records not yet read one by one. */
function openUnread(db: Db, desk: DeskKeys, file: Buffer, passphrase?: string): Opened<unknown[]> {
  const { header, signer, content } = openBundle(file, desk, passphrase);
  refuseRevokedSigner(db, signer);
  refuseReplay(db, header);
  const records = recordsOfContent(content);
  return { header, signer, signerKnown: signerKnown(db, desk, signer), records };
}

/**
 * A bundle signed by a key this desk stopped trusting (its laptop lost) is refused before it is opened: whoever
 * holds that laptop can sign anything, dated as they like, so no date of the bundle's makes it safe.
 */
export function refuseRevokedSigner(db: Db, signer: ContactCard): void {
  const revoked = revokedBySigningKey(db, signer.signingKey);
  if (revoked)
    throw new BundleImportError(
      'revoked-signer',
      `This bundle is signed by “${revoked.deskName}” (fingerprint ${revoked.fingerprint}), a desk whose key this desk stopped trusting on ${revoked.revokedAt}. It was not opened.`,
      revoked,
    );
}

function refuseReplay(db: Db, header: BundleHeader): void {
  const importedAt = bundleReceivedAt(db, header.bundleId);
  if (importedAt)
    throw new BundleImportError(
      'already-imported',
      `This bundle was already imported (${importedAt}); importing it again would change nothing.`,
    );
}

const signerKnown = (db: Db, desk: DeskKeys, signer: ContactCard) =>
  signer.signingKey === desk.card.signingKey || contactBySigningKey(db, signer.signingKey) !== undefined;

/**
 * The same checks as open, their CPU on a worker (bundleApart.ts): the
 * signature checked there, the content key unwrapped here, the content
 * decrypted, unzipped and every record's shape checked there.
 */
async function openApart(db: Db, desk: DeskKeys, verified: VerifiedBundle, passphrase?: string): Promise<Opened<RecordHistory[]>> {
  refuseRevokedSigner(db, verified.signer);
  const contentKey = await contentKeyOf(verified.header, desk, passphrase);
  refuseReplay(db, verified.header);
  const records = await verified.read(contentKey);
  return { header: verified.header, signer: verified.signer, signerKnown: signerKnown(db, desk, verified.signer), records };
}

/** What the Receive screen shows of an opened bundle: who sent it, what merging it would change, its highest marking. */
function reviewOf(opened: Opened<RecordHistory[]>, summary: MergeSummary, scheme: ClassificationScheme): BundleReview {
  return {
    bundleId: opened.header.bundleId,
    createdAt: opened.header.createdAt,
    signer: opened.signer,
    signerKnown: opened.signerKnown,
    summary,
    highestMarking: highestMarking(summary.markings, scheme),
    records: opened.records,
  };
}

/** Who sent the bundle and what importing it would change, without changing anything. */
export function reviewBundle(db: Db, desk: DeskKeys, file: Buffer, scheme: ClassificationScheme, passphrase?: string): BundleReview {
  const opened = open(db, desk, file, passphrase);
  const summary = previewMerge(db, opened.records);
  return reviewOf(opened, summary, scheme);
}

/**
 * The same review without holding the store's thread: the bundle is opened
 * on a worker (openApart) and what merging each record would change is read
 * from the store a few records at a time, the officer's saves answered between.
 */
export async function reviewBundleApart(
  db: Db,
  desk: DeskKeys,
  verified: VerifiedBundle,
  scheme: ClassificationScheme,
  passphrase?: string,
): Promise<BundleReview> {
  const opened = await openApart(db, desk, verified, passphrase);
  // previewMerge reads each record's revisions here and judges it alone: its summaries join into the whole one.
  const summary = joinSummaries(await inSlices(opened.records, (batch) => previewMerge(db, batch)));
  return reviewOf(opened, summary, scheme);
}

export interface ImportOptions {
  passphrase?: string;
  /** The user checked the fingerprint of a desk not accepted before, and accepts it. */
  acceptSigner?: boolean;
}

/** How far an import has come: records checked before any is written, then records merged, a slice at a time. */
export interface ImportProgress {
  bundleId: string;
  phase: 'checking' | 'merging';
  done: number;
  total: number;
}

/** Records read and checked per step before the first write (no write, so no transaction to keep short). */
const checkedPerStep = 2000;
/** How long one merged slice may hold the process: a save asked for meanwhile waits about this at most. */
const sliceTargetMs = 60;
const firstSlice = 500;
const minSlice = 20;
const maxSlice = 5000;

/**
 * A bundle's import, one step at a time. Every check comes before the first
 * write: the signature and the recipient (openBundle), a replay, the content's
 * shape and every history's. Then each slice of the merge order is its own
 * transaction, the same merge live replication runs on each batch it pulls: a
 * crash between two leaves a store as consistent as a replication cut short
 * (links to records still to come wait for them), and importing the bundle
 * again completes it, as it is marked received only with its last slice.
 */
function* importSteps(
  db: Db,
  opened: Opened<unknown[]> & { shapesChecked: boolean },
  options: ImportOptions,
  slices: { size: number; adapt: boolean },
): Generator<ImportProgress, MergeSummary> {
  if (!opened.signerKnown && !options.acceptSigner)
    throw new BundleImportError(
      'unknown-signer',
      `This bundle is signed by “${opened.signer.deskName}” (fingerprint ${opened.signer.fingerprint}), a desk not accepted here. Check the fingerprint with its sender, then accept it.`,
    );
  const { bundleId } = opened.header;
  const total = opened.records.length;
  const endsDeleted = new Map<string, boolean>();
  const records: RecordHistory[] = [];
  for (let start = 0; start < total; start += checkedPerStep) {
    const unread = opened.records.slice(start, start + checkedPerStep);
    const slice = opened.shapesChecked ? (unread as RecordHistory[]) : readRecords(unread);
    checkHistories(slice);
    for (const [docId, deleted] of endingDeleted(db, slice)) endsDeleted.set(docId, deleted);
    records.push(...slice);
    yield { bundleId, phase: 'checking', done: Math.min(start + checkedPerStep, total), total };
  }
  const ordered = mergeOrder(records, endsDeleted);
  db.transaction(() => {
    settleLocalDeletions(db);
    if (!opened.signerKnown) saveContact(db, opened.signer);
  })();
  const summaries: MergeSummary[] = [];
  let size = slices.size;
  for (let start = 0, end = 0; start === 0 || start < total; start = end) {
    end = start + size;
    const began = performance.now();
    summaries.push(
      db.transaction(() => {
        const summary = applyMerge(db, ordered.slice(start, end));
        // The merge marks the rows it wrote for search (migration 1600): indexed in the same slice, set-based.
        indexPendingSearch(db);
        if (end >= total) {
          // A deleted meeting's notes were closed in an earlier slice than its deletion (children first), and a
          // move received (a colleague's, beside this desk's own) leaves branches in the database the record left:
          // settled now, as a replication round settles what it pulled, not at this desk's next exchange, so desks
          // that met by bundles have nothing left to write.
          settleLocalDeletions(db);
          recordBundleReceived(db, bundleId, opened.signer.fingerprint, opened.header.createdAt);
        }
        return summary;
      })(),
    );
    yield { bundleId, phase: 'merging', done: Math.min(end, total), total };
    // Records differ in cost (a new live record is written set-based, a conflict or a deletion one at a time):
    // the next slice is sized to hold the process about sliceTargetMs, no longer.
    if (slices.adapt)
      size = Math.round(Math.min(maxSlice, Math.max(minSlice, (size * sliceTargetMs) / Math.max(1, performance.now() - began))));
  }
  return joinSummaries(summaries);
}

/** Verifies, decrypts and merges a bundle in one transaction: all of it or, on any error, nothing. */
export function importBundle(db: Db, desk: DeskKeys, file: Buffer, options: ImportOptions = {}): MergeSummary {
  return db.transaction(() => {
    const opened = openUnread(db, desk, file, options.passphrase);
    const steps = importSteps(db, { ...opened, shapesChecked: false }, options, { size: maxSlice, adapt: false });
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  })();
}

export interface SlicedImportOptions extends ImportOptions {
  /** Told after each slice checked or merged; it may throw to stop the import there (what a crash does). */
  onProgress?: (progress: ImportProgress) => void;
  /** Records per slice, fixed (tests); by default each slice is sized from how long the last one took. */
  perSlice?: number;
  /** The first slice's size when slices are sized from how long the last took. */
  firstSlice?: number;
}

/** A bundle to open on a worker: its bytes, or its signature already checked there (the caller closes it). */
export type BundleToOpen = Buffer | VerifiedBundle;

/**
 * Verifies and reads a bundle on a worker (openApart), then merges it a slice
 * at a time, letting the process answer other requests (a note's save,
 * another window's view) between slices: a refused bundle changes nothing, an
 * import stopped part way is completed by importing the bundle again.
 */
export async function importBundleInSlices(
  db: Db,
  desk: DeskKeys,
  bundle: BundleToOpen,
  options: SlicedImportOptions = {},
): Promise<MergeSummary> {
  const verified = Buffer.isBuffer(bundle) ? await verifyApart(bundle) : bundle;
  let opened: Opened<RecordHistory[]>;
  try {
    opened = await openApart(db, desk, verified, options.passphrase);
  } finally {
    if (Buffer.isBuffer(bundle)) verified.close();
  }
  const steps = importSteps(
    db,
    { ...opened, shapesChecked: true },
    options,
    options.perSlice === undefined ? { size: options.firstSlice ?? firstSlice, adapt: true } : { size: options.perSlice, adapt: false },
  );
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await letOthersRun();
  }
}
