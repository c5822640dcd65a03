import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openScratchDatabase } from '../../db/testing.ts';
import { createDispatch } from '../../main/ipc/dispatch.ts';
import { createHandlers } from '../../main/ipc/handlers/index.ts';
import { round } from './stats.ts';

// What one note save writes: the pages each commit appends to the WAL (what a synchronous=FULL commit
// syncs, and what encryption pays for page by page), and which tables and indexes they belong to.
// On a copy of an upgraded store; the saves are the store benchmark's (noteSaves.ts), one note each, or with
// --typing all of one note, as autosave makes them while someone types (one typing session).
//   node scripts/bench/notePages.ts --db FILE [--saves 200] [--typing]   → one JSON line (NotePages)

export interface NotePages {
  readonly saves: number;
  /** WAL frames per save commit: pages written. */
  readonly pagesPerSave: number;
  /** Pages written per save, by the table or index they belong to, most first. */
  readonly byTree: Readonly<Record<string, number>>;
}

const { values } = parseArgs({
  options: { db: { type: 'string' }, saves: { type: 'string', default: '200' }, typing: { type: 'boolean', default: false } },
});
if (!values.db) throw new Error('--db is required');
const file = values.db;
const db = openScratchDatabase(file);
try {
  const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2026-06-01T09:00:00Z') }) });
  const notes = db
    .prepare('SELECT id FROM note WHERE deleted_at IS NULL AND sector_entry_id IS NOT NULL ORDER BY id LIMIT ?')
    .pluck()
    .all(values.typing ? 1 : Number(values.saves)) as number[];
  const ids = values.typing ? Array.from({ length: Number(values.saves) }, () => notes[0] ?? 0) : notes;
  const versions = new Map<number, number>();
  for (const id of ids) {
    const opened = await dispatch('note.get', { id });
    if (!opened.ok) throw new Error(opened.error.message);
    versions.set(id, (opened.value as { version: number }).version);
  }
  // An empty WAL that nothing copies back meanwhile: every frame in it afterwards is a save's.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  for (const [index, id] of ids.entries()) {
    const result = await dispatch('note.save', {
      id,
      baseVersion: versions.get(id),
      continuesSession: values.typing && index > 0,
      title: 'After the call',
      body: `Spoke to the embassy again (edit ${index}): the reply on the working group is expected next week. 대사관 회신 예정.`,
      tags: ['follow-up', '확인필요'],
      classification: '',
    });
    if (!result.ok || (result.value as { status: string }).status !== 'saved')
      throw new Error(`note.save failed: ${JSON.stringify(result)}`);
    versions.set(id, (result.value as { note: { version: number } }).note.version);
  }
  const pagesWritten = walPages(`${file}-wal`);
  const treeOf = new Map<number, string>();
  for (const row of db.prepare('SELECT name, pageno FROM dbstat').iterate() as Iterable<{ name: string; pageno: number }>)
    treeOf.set(row.pageno, row.name);
  const byTree = new Map<string, number>();
  for (const page of pagesWritten) {
    const name = treeOf.get(page) ?? (page === 1 ? 'header (page 1)' : 'free list');
    byTree.set(name, (byTree.get(name) ?? 0) + 1);
  }
  const perSave = (count: number) => round(count / ids.length, 2);
  const results: NotePages = {
    saves: ids.length,
    pagesPerSave: perSave(pagesWritten.length),
    byTree: Object.fromEntries([...byTree].sort((a, b) => b[1] - a[1]).map(([name, count]) => [name, perSave(count)])),
  };
  process.stdout.write(`${JSON.stringify(results)}\n`);
} finally {
  db.close();
}

/** The page number of every frame in a WAL file (a 32-byte header, then 24-byte frame headers before each page). */
function walPages(walFile: string): number[] {
  const wal = fs.readFileSync(walFile);
  const pageSize = wal.readUInt32BE(8);
  const pages: number[] = [];
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) pages.push(wal.readUInt32BE(offset));
  return pages;
}
