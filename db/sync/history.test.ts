import { describe, expect, it } from 'vitest';
import { recordKindOfTable, tableOf } from '../../shared/recordKinds.ts';
import { openScratchDatabase } from '../testing.ts';
import { syncedEntities } from './history.ts';

describe('the synced tables the live code knows', () => {
  it('are the tables the migrations give a revision history, so no record replicates unnamed or is named and never sent', () => {
    const db = openScratchDatabase();
    const withTriggers = db
      .prepare(
        `SELECT substr(name, 6, length(name) - 12) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%\\_insert' ESCAPE '\\'`,
      )
      .pluck()
      .all() as string[];
    expect([...syncedEntities].sort()).toEqual(withTriggers.sort());
  });

  it('each have one kind of record, and that kind leads back to its table', () => {
    for (const table of syncedEntities) expect(tableOf(recordKindOfTable[table])).toBe(table);
    expect(new Set(Object.values(recordKindOfTable)).size).toBe(syncedEntities.length);
  });
});
