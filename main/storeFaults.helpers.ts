import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/open.ts';
import { openForReading } from './storeHealth.ts';

// Shared by the storage-fault tests: temporary data folders, and the measure
// of "nothing lost" — every row of every table, compared before and after.

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-faults-'));
}

/** Every row of every table (FTS shadow tables included), keyed by table. */
export function rowDump(db: Db): Map<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return new Map(tables.map((name): [string, string] => [name, JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all())]));
}

export function rowDumpOfFile(file: string): Map<string, string> {
  const db = openForReading(file);
  try {
    return rowDump(db);
  } finally {
    db.close();
  }
}

/** Bytes of saved rows missing or changed in `after` compared with `before`: 0 means nothing was lost. */
export function bytesLost(before: Map<string, string>, after: Map<string, string>): number {
  let lost = 0;
  for (const [table, rows] of before) {
    const afterRows = after.get(table);
    if (afterRows === rows) continue;
    const kept = new Set((JSON.parse(afterRows ?? '[]') as unknown[]).map((row) => JSON.stringify(row)));
    for (const row of JSON.parse(rows) as unknown[]) {
      const text = JSON.stringify(row);
      if (!kept.has(text)) lost += Buffer.byteLength(text);
    }
  }
  return lost;
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Overwrites `length` bytes at `offset` with a pattern, as a disk or a crashed copy would. */
export function scribble(file: string, offset: number, length: number): void {
  const handle = fs.openSync(file, 'r+');
  try {
    fs.writeSync(handle, Buffer.alloc(length, 0xa5), 0, length, offset);
  } finally {
    fs.closeSync(handle);
  }
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
