import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../sample/vilnius-2023.ts';
import { openScratchDatabase } from '../testing.ts';
import { syncedEntities } from './history.ts';
import { syncPrepare } from './pendingNotes.ts';
import { misplacedRecords, rowsMatchWinners } from './testing.ts';

const identity = (db: ReturnType<typeof openScratchDatabase>) =>
  syncPrepare(db, 'SELECT doc_id, rev, deleted FROM sync_doc ORDER BY doc_id').all();
const references = (db: ReturnType<typeof openScratchDatabase>) =>
  syncPrepare(db, `SELECT body FROM sync_rev WHERE body LIKE '%:%' ORDER BY doc_id, rev`).pluck().all();

describe('the bundled sample on every desk', () => {
  it('has the same replication ids, revisions and references on two desks, so sharing does not copy it twice', () => {
    const a = openScratchDatabase();
    const b = openScratchDatabase();
    loadSampleIfEmpty(a);
    loadSampleIfEmpty(b);
    expect(identity(a).length).toBeGreaterThan(30);
    expect(identity(a)).toEqual(identity(b));
    // Every reference in a body names a record of the store.
    const ids = new Set(identity(a).map((row) => (row as { doc_id: string }).doc_id));
    for (const body of references(a) as string[])
      for (const value of Object.values(JSON.parse(body) as Record<string, unknown>))
        if (typeof value === 'string' && /^[a-z_]+:[0-9a-f]{32}/.test(value)) expect(ids.has(value), value).toBe(true);
    // Each renamed record is indexed for replication under its new id, where its new references say.
    expect(misplacedRecords(a)).toEqual([]);
    expect(syncPrepare(a, 'SELECT count(*) FROM sync_home').pluck().get()).toBe(identity(a).length);
    // Rows and winners agree, and a later edit makes an ordinary next revision.
    expect(rowsMatchWinners(a, syncedEntities)).toBe(true);
    a.exec(`UPDATE person SET title = 'Edited on this desk' WHERE id = 1`);
    const person = syncPrepare(a, `SELECT rev FROM sync_doc WHERE entity = 'person' AND row_key = '1'`).pluck().get() as string;
    expect(person).toMatch(/^2-/);
    expect(a.pragma('foreign_key_check')).toEqual([]);
  });
});
