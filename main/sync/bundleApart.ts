import { Worker } from 'node:worker_threads';
import type { ContactCard, RecordHistory } from '../../shared/sync.ts';
import { workerFile } from '../workerFile.ts';
import { BundleImportError, type BundleImportErrorCode } from './bundleContent.ts';
import { BundleError, type BundleErrorCode, type BundleHeader, type Sealing } from './bundleCrypto.ts';
import { letOthersRun } from './inSlices.ts';

// Opening and sealing a bundle on a worker thread (bundleWorker.ts), the same
// in the Electron main process, the web harness and the tests. What crosses:
// the bundle's bytes and records, its header, and this bundle's content key,
// unwrapped or made on the store's thread. The desk's private keys and a
// passphrase never cross: unwrapping, deriving and signing stay here (the
// slow ones on Node's thread pool, bundleCrypto.ts).

/** A job's messages to the worker: an opening (open, read) or a sealing (records, seal); close forgets it. */
export type ToBundleWorker = { job: number } & (
  | { kind: 'open'; file: Uint8Array }
  | { kind: 'read'; contentKey: Uint8Array }
  | { kind: 'more' }
  | { kind: 'records'; records: RecordHistory[] }
  | { kind: 'seal'; contentKey: Uint8Array; contentIv: Uint8Array; prefix: Uint8Array }
  | { kind: 'close' }
);
export type FromBundleWorker = { job: number } & (
  | { kind: 'verified'; header: BundleHeader; signer: ContactCard }
  | { kind: 'records'; records: RecordHistory[] }
  | { kind: 'read'; total: number }
  | { kind: 'sealed'; body: Uint8Array }
  | { kind: 'refused'; family: 'bundle'; code: BundleErrorCode; message: string }
  | { kind: 'refused'; family: 'import'; code: BundleImportErrorCode; message: string }
  | { kind: 'failed'; message: string }
);

/**
 * One worker for the process, started with the first bundle (loading its
 * code takes a second on a busy machine, so it is kept), holding the process
 * open only while a job runs on it. Each job reads its own messages in order;
 * a refusal is thrown as the error it was.
 */
class BundleWorker {
  private worker: Worker | undefined;
  private nextJob = 1;
  private readonly jobs = new Map<number, JobMessages>();

  job(): JobMessages {
    const job = new JobMessages(this.nextJob++, this, () => {
      this.jobs.delete(job.id);
      this.post({ job: job.id, kind: 'close' });
      if (this.jobs.size === 0) this.worker?.unref();
    });
    this.jobs.set(job.id, job);
    this.started().ref();
    return job;
  }

  post(message: ToBundleWorker, transfer: ArrayBuffer[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerFile('bundleWorker', import.meta.url));
    worker.on('message', (message: FromBundleWorker) => this.jobs.get(message.job)?.arrived(message));
    const fail = (error: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      for (const job of this.jobs.values()) job.failed(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The bundle worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }
}

class JobMessages {
  private readonly queue: FromBundleWorker[] = [];
  private waiting: { resolve: (message: FromBundleWorker) => void; reject: (error: unknown) => void } | undefined;
  private failure: unknown;

  readonly id: number;
  readonly close: () => void;
  private readonly worker: BundleWorker;

  constructor(id: number, worker: BundleWorker, close: () => void) {
    this.id = id;
    this.worker = worker;
    this.close = close;
  }

  arrived(message: FromBundleWorker): void {
    if (this.waiting) {
      this.waiting.resolve(message);
      this.waiting = undefined;
    } else this.queue.push(message);
  }

  failed(error: unknown): void {
    this.failure ??= error;
    this.waiting?.reject(error);
    this.waiting = undefined;
  }

  async next(): Promise<FromBundleWorker> {
    const message = this.queue.shift() ?? (await this.arrival());
    if (message.kind === 'failed') throw new Error(`The bundle worker failed: ${message.message}`);
    if (message.kind !== 'refused') return message;
    throw message.family === 'bundle'
      ? new BundleError(message.code, message.message)
      : new BundleImportError(message.code, message.message);
  }

  post(message: DistributiveOmit<ToBundleWorker, 'job'>, transfer: ArrayBuffer[] = []): void {
    this.worker.post({ ...message, job: this.id } as ToBundleWorker, transfer);
  }

  private arrival(): Promise<FromBundleWorker> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const bundleWorker = new BundleWorker();

const unexpected = (message: FromBundleWorker) => new Error(`The bundle worker answered ${message.kind} out of turn.`);

/** A bundle whose signature checked out on the worker: who sent it, and its records once given its content key. */
export interface VerifiedBundle {
  header: BundleHeader;
  signer: ContactCard;
  /** Decrypts and reads every record (each checked against this version's shape) on the worker. */
  read(contentKey: Buffer): Promise<RecordHistory[]>;
  /** Ends the worker; nothing of the bundle stays on it. */
  close(): void;
}

/** Checks a bundle's signature on a worker; refused as verifyBundle refuses. Close it when done. */
export async function verifyApart(file: Buffer): Promise<VerifiedBundle> {
  // A copy handed over whole: the caller keeps its bytes (a staged bundle is imported after its review).
  const copy = new Uint8Array(file);
  const messages = bundleWorker.job();
  messages.post({ kind: 'open', file: copy }, [copy.buffer]);
  try {
    const verified = await messages.next();
    if (verified.kind !== 'verified') throw unexpected(verified);
    return {
      header: verified.header,
      signer: verified.signer,
      read: async (contentKey) => {
        messages.post({ kind: 'read', contentKey: new Uint8Array(contentKey) });
        const records: RecordHistory[] = [];
        for (;;) {
          const message = await messages.next();
          if (message.kind === 'read') return records;
          if (message.kind !== 'records') throw unexpected(message);
          for (const record of message.records) records.push(record);
          // One message read at a time, the thread let go between: the next is asked for only now.
          await letOthersRun();
          messages.post({ kind: 'more' });
        }
      },
      close: () => messages.close(),
    };
  } catch (error) {
    messages.close();
    throw error;
  }
}

/** Seals records on a worker: handed over a slice at a time as they are read, encrypted under the sealing's content key. */
export interface SealingApart {
  add(records: RecordHistory[]): void;
  /** The header and encrypted content, unsigned: the signature is the caller's (bundleCrypto.ts signApart). */
  seal(sealing: Sealing): Promise<Buffer>;
  close(): void;
}

export function sealApart(): SealingApart {
  const messages = bundleWorker.job();
  return {
    add: (records) => messages.post({ kind: 'records', records }),
    seal: async ({ contentKey, contentIv, prefix }) => {
      messages.post({
        kind: 'seal',
        contentKey: new Uint8Array(contentKey),
        contentIv: new Uint8Array(contentIv),
        prefix: new Uint8Array(prefix),
      });
      const sealed = await messages.next();
      if (sealed.kind !== 'sealed') throw unexpected(sealed);
      return Buffer.from(sealed.body.buffer, sealed.body.byteOffset, sealed.body.byteLength);
    },
    close: () => messages.close(),
  };
}
