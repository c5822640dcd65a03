import zlib from 'node:zlib';
import { z } from 'zod';
import type { RecordHistory } from '../../shared/sync.ts';

// What a bundle's content must look like, checked before anything of it is
// merged. Store-free, so that the thread opening a bundle (bundleWorker.ts)
// checks it as the store's thread would.

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

/** The records of decrypted content, not yet read one by one; unreadable when it is not gzipped JSON of that shape. */
export function recordsOfContent(content: Buffer): unknown[] {
  try {
    return contentSchema.parse(JSON.parse(zlib.gunzipSync(content).toString('utf8'))).records;
  } catch {
    throw unreadable();
  }
}

/** Records of the content checked against this version's shape; a bundle with any other is unreadable. */
export function readRecords(records: readonly unknown[]): RecordHistory[] {
  const parsed = recordsSchema.safeParse(records);
  if (!parsed.success) throw unreadable();
  return parsed.data;
}

/** The content a bundle seals: its records with their histories, as JSON, gzipped. */
export function contentOf(records: readonly RecordHistory[]): Buffer {
  return zlib.gzipSync(JSON.stringify({ records }));
}
