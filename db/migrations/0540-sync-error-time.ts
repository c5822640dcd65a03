import type { Migration } from './index.ts';

// The state line says when the last error happened, not only when the last
// good round was: "Last error: the server cannot be reached (19:52)".
export const syncErrorTime: Migration = {
  version: 540,
  name: 'when replication last failed',
  up(db) {
    db.exec('ALTER TABLE sync_account ADD COLUMN last_error_at TEXT');
  },
};
