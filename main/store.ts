import fs from 'node:fs';
import path from 'node:path';
import { type Db, openDatabase } from '../db/open.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';

export const storeFileName = 'sherpa.sqlite';

/** Opens the store in `dataDir` (creating the folder), migrating it and seeding the sample on first run. */
export function openStore(dataDir: string): { db: Db; file: string } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, storeFileName);
  const db = openDatabase(file);
  loadSampleIfEmpty(db);
  return { db, file };
}
