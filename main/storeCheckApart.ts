import { Worker } from 'node:worker_threads';
import type { StoreCheckAnswer, StoreCheckJob } from './storeCheckWorker.ts';
import { quickCheck } from './storeHealth.ts';
import { workerFile } from './workerFile.ts';

/** The check was stopped (Sherpa is closing): nothing was found either way. */
export class StoreCheckStopped extends Error {
  override name = 'StoreCheckStopped';
  constructor() {
    super('The check of the data file was stopped.');
  }
}

/** What the check found (`ok`, or what is wrong with the file), and where it ran. */
export interface StoreCheckResult {
  health: string;
  /** 'here' when the worker could not run it (it then ran on the caller's thread): worth a line in the log. */
  ranOn: 'worker' | 'here';
  /** Why the worker could not, when it could not. */
  workerFailure?: string;
}

/**
 * Reads the whole store at `file` through (quick_check) on a worker thread with a read-only connection of its own.
 * A worker that cannot start or fails is not taken for damage: the check then runs here, on the caller's thread,
 * slower for the page but as sure. `signal` ends the worker (StoreCheckStopped).
 */
export async function checkStoreApart(file: string, options: { key?: Buffer; signal?: AbortSignal } = {}): Promise<StoreCheckResult> {
  const { key, signal } = options;
  if (signal?.aborted) throw new StoreCheckStopped();
  let answer: StoreCheckAnswer;
  try {
    answer = await new Promise<StoreCheckAnswer>((resolve, reject) => {
      const job: StoreCheckJob = { file, ...(key ? { key: new Uint8Array(key) } : {}) };
      const worker = new Worker(workerFile('storeCheckWorker', import.meta.url), { workerData: job });
      const stop = () => {
        reject(new StoreCheckStopped());
        void worker.terminate();
      };
      signal?.addEventListener('abort', stop, { once: true });
      const settle = () => signal?.removeEventListener('abort', stop);
      worker.once('message', (message: StoreCheckAnswer) => {
        settle();
        resolve(message);
      });
      worker.once('error', (error) => {
        settle();
        reject(error);
      });
      worker.once('exit', (code) => {
        settle();
        reject(new Error(`The store check's worker stopped (exit code ${code}).`));
      });
    });
  } catch (error) {
    if (error instanceof StoreCheckStopped) throw error;
    return { health: quickCheck(file, key), ranOn: 'here', workerFailure: error instanceof Error ? error.message : String(error) };
  }
  if (answer.kind === 'checked') return { health: answer.health, ranOn: 'worker' };
  return { health: quickCheck(file, key), ranOn: 'here', workerFailure: answer.message };
}
