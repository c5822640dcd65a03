import { constants } from 'node:buffer';
import zlib from 'node:zlib';
import { z } from 'zod';
import { checkHistories, MalformedHistoryError } from '../../db/sync/merge.ts';
import type { RecordHistory, RevokedContact } from '../../shared/sync.ts';

// What a bundle's content must look like, checked before anything of it is
// merged. Store-free, so that the thread opening a bundle (bundleWorker.ts)
// checks it as the store's thread would.

export type BundleImportErrorCode = 'already-imported' | 'unknown-signer' | 'revoked-signer' | 'bad-content' | 'too-large-unpacked';

export class BundleImportError extends Error {
  readonly code: BundleImportErrorCode;
  /** When `revoked-signer`: the desk no longer trusted, and since when. */
  readonly revoked: RevokedContact | undefined;
  constructor(code: BundleImportErrorCode, message: string, revoked?: RevokedContact) {
    super(message);
    this.name = 'BundleImportError';
    this.code = code;
    this.revoked = revoked;
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
/** The content's outer shape; each record is checked against recordSchema, a slice at a time. */
const contentSchema = z.strictObject({ records: z.array(z.unknown()) });
const recordsSchema = z.array(recordSchema);

export const unreadable = () =>
  new BundleImportError('bad-content', 'This bundle is signed but its records are not readable by this version of Sherpa.');

/** The records are read as one JSON text: no more than one string can hold (about 512 MB, some 25 times a whole benchmark desk's). */
const maxUnpackedBytes = constants.MAX_STRING_LENGTH;

const tooLargeUnpacked = () =>
  new BundleImportError(
    'too-large-unpacked',
    `This bundle’s records unpack to more than ${Math.floor(maxUnpackedBytes / 1024 / 1024)} MB, more than Sherpa reads at once (a damaged or hostile file); it was not opened. Nothing was imported.`,
  );

/** The records of decrypted content, not yet read one by one; unreadable when it is not gzipped JSON of that shape. */
export function recordsOfContent(content: Buffer): unknown[] {
  let unpacked: Buffer;
  try {
    unpacked = zlib.gunzipSync(content, { maxOutputLength: maxUnpackedBytes });
  } catch (error) {
    // A few hundred kilobytes can unpack to gigabytes (a gzip bomb): unpacking stops at the limit, before memory runs out.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLargeUnpacked();
    throw unreadable();
  }
  try {
    return contentSchema.parse(JSON.parse(unpacked.toString('utf8'))).records;
  } catch {
    throw unreadable();
  }
}

/** Records of the content checked against this version's shape; a bundle with any other is unreadable. */
export function readRecords(records: readonly unknown[]): RecordHistory[] {
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

/** The content a bundle seals: its records with their histories, as JSON, gzipped. */
export function contentOf(records: readonly RecordHistory[]): Buffer {
  return zlib.gzipSync(JSON.stringify({ records }));
}
