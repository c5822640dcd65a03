import path from 'node:path';
import { type OpenedStore, openCheckedStore, type StoreOptions } from './storeHealth.ts';

export type { OpenedStore, StoreNotice, StoreOptions } from './storeHealth.ts';

export const storeFileName = 'sherpa.sqlite';

/**
 * Opens the store in `dataDir` (creating the folder): checks it (a damaged file
 * is kept and the newest good backup restored), backs it up before a
 * migration, migrates it and seeds the sample on first run. A store that
 * cannot be written is opened read-only; `notices` says what happened.
 */
export function openStore(dataDir: string, options: StoreOptions = {}): OpenedStore {
  return openCheckedStore(path.join(dataDir, storeFileName), options);
}
