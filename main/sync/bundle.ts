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
import { applyMerge, previewMerge, settleLocalDeletions } from '../../db/sync/merge.ts';
import type { ClassificationScheme } from '../../shared/contract.ts';
import type { ContactCard, MergeSummary, RecordHistory } from '../../shared/sync.ts';
import { type BundleHeader, openBundle, type SealOptions, sealBundle } from './bundleCrypto.ts';
import type { DeskKeys } from './deskKeys.ts';

// Bundles carry records with their whole revision histories between desks
// that share no network, and merge on arrival by exactly the rules live
// replication uses (db/sync/merge.ts).

export type BundleSelection = { summit: string } | { records: readonly string[] } | 'everything';

export type BundleImportErrorCode = 'already-imported' | 'unknown-signer' | 'bad-content';

export class BundleImportError extends Error {
  readonly code: BundleImportErrorCode;
  constructor(code: BundleImportErrorCode, message: string) {
    super(message);
    this.name = 'BundleImportError';
    this.code = code;
  }
}

const fieldValue = z.union([z.string(), z.number(), z.null()]);
const contentSchema = z.strictObject({
  records: z.array(
    z.strictObject({
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
    }),
  ),
});

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

interface Opened {
  header: BundleHeader;
  signer: ContactCard;
  signerKnown: boolean;
  records: RecordHistory[];
}

function open(db: Db, desk: DeskKeys, file: Buffer, passphrase?: string): Opened {
  const { header, signer, content } = openBundle(file, desk, passphrase);
  const importedAt = bundleReceivedAt(db, header.bundleId);
  if (importedAt)
    throw new BundleImportError(
      'already-imported',
      `This bundle was already imported (${importedAt}); importing it again would change nothing.`,
    );
  let records: RecordHistory[];
  try {
    records = contentSchema.parse(JSON.parse(zlib.gunzipSync(content).toString('utf8'))).records;
  } catch {
    throw new BundleImportError('bad-content', 'This bundle is signed but its records are not readable by this version of Sherpa.');
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

/** Verifies, decrypts and merges a bundle in one transaction: all of it or, on any error, nothing. */
export function importBundle(db: Db, desk: DeskKeys, file: Buffer, options: ImportOptions = {}): MergeSummary {
  const opened = open(db, desk, file, options.passphrase);
  if (!opened.signerKnown && !options.acceptSigner)
    throw new BundleImportError(
      'unknown-signer',
      `This bundle is signed by “${opened.signer.deskName}” (fingerprint ${opened.signer.fingerprint}), a desk not accepted here. Check the fingerprint with its sender, then accept it.`,
    );
  return db.transaction(() => {
    settleLocalDeletions(db);
    if (!opened.signerKnown) saveContact(db, opened.signer);
    const summary = applyMerge(db, opened.records);
    // The merge marks the rows it wrote for search (migration 1600): indexed in the same transaction, set-based.
    indexPendingSearch(db);
    recordBundleReceived(db, opened.header.bundleId, opened.signer.fingerprint, opened.header.createdAt);
    return summary;
  })();
}
