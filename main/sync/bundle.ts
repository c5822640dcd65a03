import { constants } from 'node:buffer';
import zlib from 'node:zlib';
import { z } from 'zod';
import type { Db } from '../../db/open.ts';
import { indexPendingSearch } from '../../db/search.ts';
import { bundleReceivedAt, contactBySigningKey, recordBundleReceived, saveContact } from '../../db/sync/desk.ts';
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
  MalformedHistoryError,
  mergeOrder,
  previewMerge,
  settleLocalDeletions,
} from '../../db/sync/merge.ts';
import type { ClassificationScheme } from '../../shared/contract.ts';
import type { ContactCard, MergeSummary, RecordHistory } from '../../shared/sync.ts';
import { type BundleHeader, openBundle, type SealOptions, sealBundle } from './bundleCrypto.ts';
import type { DeskKeys } from './deskKeys.ts';

// Bundles carry records with their whole revision histories between desks
// that share no network, and merge on arrival by exactly the rules live
// replication uses (db/sync/merge.ts).

export type BundleSelection = { summit: string } | { records: readonly string[] } | 'everything';

export type BundleImportErrorCode = 'already-imported' | 'unknown-signer' | 'bad-content' | 'too-large-unpacked';

export class BundleImportError extends Error {
  readonly code: BundleImportErrorCode;
  constructor(code: BundleImportErrorCode, message: string) {
    super(message);
    this.name = 'BundleImportError';
    this.code = code;
  }
}

const fieldValue = z.union([z.string(), z.number(), z.null()]);
const recordSchema = z.strictObject({
  id: z.string().max(200),
  entity: z.string().max(50),
  revisions: z
    .array(
      z.strictObject({
        rev: z.string().max(100),
        parent: z.string().max(100).nullable(),
        deleted: z.boolean(),
        body: z.record(z.string().max(100), fieldValue).nullable(),
        // Who wrote it (absent from bundles made before authors were kept); checked again when merged.
        author: z
          .strictObject({ desk: z.string().max(200), fingerprint: z.string().max(40), at: z.string().max(40) })
          .nullable()
          .optional(),
      }),
    )
    .min(1),
});
/** The content's outer shape; each record is checked against recordSchema, a slice at a time on import. */
const contentSchema = z.strictObject({ records: z.array(z.unknown()) });
const recordsSchema = z.array(recordSchema);

function selectedHistories(db: Db, selection: BundleSelection): RecordHistory[] {
  if (selection === 'everything') return historiesOf(db, allRecordIds(db));
  if ('summit' in selection) return summitHistoriesOf(db, selection.summit, summitRecordIds(db, selection.summit));
  return chosenHistoriesOf(db, chosenRecordIds(db, selection.records));
}

/** A signed, encrypted `.sherpa` file of the selected records and everything they refer to. */
export function exportBundle(db: Db, desk: DeskKeys, selection: BundleSelection, options: SealOptions): Buffer {
  db.transaction(() => settleLocalDeletions(db))();
  const records = selectedHistories(db, selection);
  const content = zlib.gzipSync(JSON.stringify({ records }));
  return sealBundle(desk, content, options);
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

/** The records are read as one JSON text: no more than one string can hold (about 512 MB, some 25 times a whole benchmark desk's). */
const maxUnpackedBytes = constants.MAX_STRING_LENGTH;

const tooLargeUnpacked = () =>
  new BundleImportError(
    'too-large-unpacked',
    `This bundle’s records unpack to more than ${Math.floor(maxUnpackedBytes / 1024 / 1024)} MB, more than Sherpa reads at once (a damaged or hostile file); it was not opened. Nothing was imported.`,
  );

const unreadable = () =>
  new BundleImportError('bad-content', 'This bundle is signed but its records are not readable by this version of Sherpa.');

/** Records of the content checked against this version's shape; a bundle with any other is unreadable. */
function readRecords(records: readonly unknown[]): RecordHistory[] {
  const parsed = recordsSchema.safeParse(records);
  if (!parsed.success) throw unreadable();
  // A history no desk could have written (an unknown kind of record, thousands of branches built to stall the
  // merge) is refused with the bundle's own words, before any merge begins.
  try {
    checkHistories(parsed.data);
  } catch (error) {
    if (error instanceof MalformedHistoryError) throw unreadable();
    throw error;
  }
  return parsed.data;
}

function open(db: Db, desk: DeskKeys, file: Buffer, passphrase?: string): Opened<RecordHistory[]> {
  const opened = openUnread(db, desk, file, passphrase);
  return { ...opened, records: readRecords(opened.records) };
}

/** Verified, decrypted and not replayed; its records not yet read one by one. */
function openUnread(db: Db, desk: DeskKeys, file: Buffer, passphrase?: string): Opened<unknown[]> {
  const { header, signer, content } = openBundle(file, desk, passphrase);
  const importedAt = bundleReceivedAt(db, header.bundleId);
  if (importedAt)
    throw new BundleImportError(
      'already-imported',
      `This bundle was already imported (${importedAt}); importing it again would change nothing.`,
    );
  let unpacked: Buffer;
  try {
    unpacked = zlib.gunzipSync(content, { maxOutputLength: maxUnpackedBytes });
  } catch (error) {
    // A few hundred kilobytes can unpack to gigabytes (a gzip bomb): unpacking stops at the limit, before memory runs out.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLargeUnpacked();
    throw unreadable();
  }
  let records: unknown[];
  try {
    records = contentSchema.parse(JSON.parse(unpacked.toString('utf8'))).records;
  } catch {
    throw unreadable();
  }
  const signerKnown = signer.signingKey === desk.card.signingKey || contactBySigningKey(db, signer.signingKey) !== undefined;
  return { header, signer, signerKnown, records };
}

/** Who sent the bundle and what importing it would change, without changing anything. */
export function reviewBundle(db: Db, desk: DeskKeys, file: Buffer, scheme: ClassificationScheme, passphrase?: string): BundleReview {
  const opened = open(db, desk, file, passphrase);
  const summary = previewMerge(db, opened.records);
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
  desk: DeskKeys,
  file: Buffer,
  options: ImportOptions,
  slices: { size: number; adapt: boolean },
): Generator<ImportProgress, MergeSummary> {
  const opened = openUnread(db, desk, file, options.passphrase);
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
    const slice = readRecords(opened.records.slice(start, start + checkedPerStep));
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
        if (end >= total) recordBundleReceived(db, bundleId, opened.signer.fingerprint, opened.header.createdAt);
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
    const steps = importSteps(db, desk, file, options, { size: maxSlice, adapt: false });
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

/**
 * Verifies, then merges a bundle a slice at a time, letting the process answer
 * other requests (a note's save, another window's view) between slices: a
 * refused bundle changes nothing, an import stopped part way is completed by
 * importing the bundle again.
 */
export async function importBundleInSlices(db: Db, desk: DeskKeys, file: Buffer, options: SlicedImportOptions = {}): Promise<MergeSummary> {
  const steps = importSteps(
    db,
    desk,
    file,
    options,
    options.perSlice === undefined ? { size: options.firstSlice ?? firstSlice, adapt: true } : { size: options.perSlice, adapt: false },
  );
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
