import { parentPort } from 'node:worker_threads';
import type { RecordHistory } from '../../shared/sync.ts';
import type { FromBundleWorker, ToBundleWorker } from './bundleApart.ts';
import { BundleImportError, contentOf, readRecords, recordsOfContent } from './bundleContent.ts';
import { BundleError, type BundleHeader, decryptContent, encryptContent, verifyBundle } from './bundleCrypto.ts';

// The thread bundles are opened and sealed on: checking a signature,
// decrypting, unzipping and reading 20 MB of JSON (or writing and encrypting
// it) takes seconds of CPU and no store, so the store's thread stays free for
// the officer's saves. It is given a bundle's content key at most, never a
// desk's private key nor a passphrase (bundleApart.ts), and forgets each
// bundle when its job ends.

/** Records per message back: each is read on the store's thread in a few milliseconds, between other requests. */
const recordsPerMessage = 2000;

const port = parentPort;
if (!port) throw new Error('bundleWorker.ts runs as a worker thread only.');
const send = (message: FromBundleWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

type Job =
  | { kind: 'opening'; file: Buffer; header: BundleHeader; prefixLength: number }
  | { kind: 'reading'; records: RecordHistory[]; sent: number }
  | { kind: 'sealing'; records: RecordHistory[] };
const jobs = new Map<number, Job>();

function refuse(job: number, error: unknown): void {
  jobs.delete(job);
  if (error instanceof BundleError) send({ job, kind: 'refused', family: 'bundle', code: error.code, message: error.message });
  else if (error instanceof BundleImportError) send({ job, kind: 'refused', family: 'import', code: error.code, message: error.message });
  else send({ job, kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

function run(message: ToBundleWorker): void {
  const { job } = message;
  if (message.kind === 'open') {
    const file = Buffer.from(message.file.buffer, message.file.byteOffset, message.file.byteLength);
    const { header, signer, prefixLength } = verifyBundle(file);
    jobs.set(job, { kind: 'opening', file, header, prefixLength });
    send({ job, kind: 'verified', header, signer });
  } else if (message.kind === 'read') {
    const opening = jobs.get(job);
    if (opening?.kind !== 'opening') return;
    const contentKey = Buffer.from(message.contentKey.buffer, message.contentKey.byteOffset, message.contentKey.byteLength);
    // Every record is checked before any is sent: a bundle refused here has given the store's thread nothing.
    const records = readRecords(recordsOfContent(decryptContent(opening.file, opening.header, opening.prefixLength, contentKey)));
    jobs.set(job, { kind: 'reading', records, sent: 0 });
    sendMore(job);
  } else if (message.kind === 'more') sendMore(job);
  else if (message.kind === 'records') {
    const sealing = jobs.get(job) ?? { kind: 'sealing', records: [] };
    if (sealing.kind !== 'sealing') return;
    for (const record of message.records) sealing.records.push(record);
    jobs.set(job, sealing);
  } else if (message.kind === 'seal') {
    const sealing = jobs.get(job);
    jobs.delete(job);
    const { contentKey, contentIv, prefix } = message;
    const body = encryptContent(
      { contentKey: Buffer.from(contentKey), contentIv: Buffer.from(contentIv), prefix: Buffer.from(prefix) },
      contentOf(sealing?.kind === 'sealing' ? sealing.records : []),
    );
    // Handed over, not copied: 20 MB the store's thread would otherwise copy.
    const transferable = new Uint8Array(body).buffer;
    send({ job, kind: 'sealed', body: new Uint8Array(transferable) }, [transferable]);
  } else jobs.delete(job);
}

/**
 * The next records, when the store's thread asks for them: Node reads every
 * message waiting on a port in one go, so records sent all at once would be
 * read there in one step of seconds, the officer's saves waiting behind it.
 */
function sendMore(job: number): void {
  const reading = jobs.get(job);
  if (reading?.kind !== 'reading') return;
  if (reading.sent >= reading.records.length) {
    jobs.delete(job);
    send({ job, kind: 'read', total: reading.records.length });
    return;
  }
  const records = reading.records.slice(reading.sent, reading.sent + recordsPerMessage);
  reading.sent += records.length;
  send({ job, kind: 'records', records });
}

port.on('message', (message: ToBundleWorker) => {
  try {
    run(message);
  } catch (error) {
    refuse(message.job, error);
  }
});
