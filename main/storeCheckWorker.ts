import { parentPort, workerData } from 'node:worker_threads';
import { quickCheck } from './storeHealth.ts';

// The thread a store without a clean-close record is read through on
// (quick_check, seconds on a busy desk's store), on a read-only connection of
// its own, while the store's thread answers the page (storeCheckApart.ts).
// The store's key arrives in memory with the job and is never written anywhere.

export interface StoreCheckJob {
  file: string;
  key?: Uint8Array;
}
export type StoreCheckAnswer = { kind: 'checked'; health: string } | { kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('storeCheckWorker.ts runs as a worker thread only.');
const job = workerData as StoreCheckJob;
let answer: StoreCheckAnswer;
try {
  answer = { kind: 'checked', health: quickCheck(job.file, job.key ? Buffer.from(job.key) : undefined) };
} catch (error) {
  answer = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}
port.postMessage(answer);
