import { type Db, type OpenOptions, openDatabase } from './open.ts';

/**
 * A store that a test or a generator makes for itself: `':memory:'`, or a
 * fresh file it owns. The user's stores are opened by the core
 * (main/core.ts), through the health check; nothing else outside db/ opens one.
 */
export function openScratchDatabase(file = ':memory:', options: OpenOptions = {}): Db {
  return openDatabase(file, options);
}
