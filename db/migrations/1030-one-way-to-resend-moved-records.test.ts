import { describe, expect, it } from 'vitest';
import { openScratchDatabase } from '../testing.ts';

describe('migration 1030', () => {
  it('leaves one trigger re-placing a moved meeting’s records: the changes-feed index’s, not the revision renumbering', () => {
    const db = openScratchDatabase(':memory:');
    // Replication's triggers only: 2970's re-indexes a moved meeting's biographies for search, which is not re-placing.
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync%meeting_moved'").pluck().all();
    expect(triggers).toEqual(['sync_home_meeting_moved']);
  });
});
