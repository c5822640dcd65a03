import { describe, expect, it } from 'vitest';
import { openScratchDatabase } from '../testing.ts';

describe('migration 1030', () => {
  it('leaves one trigger re-placing a moved meeting’s records: the changes-feed index’s, not the revision renumbering', () => {
    const db = openScratchDatabase(':memory:');
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%meeting_moved'").pluck().all();
    expect(triggers).toEqual(['sync_home_meeting_moved']);
  });
});
