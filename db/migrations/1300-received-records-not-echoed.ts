import type { Migration } from './index.ts';

// A desk that pulls a record from a server database gives it a place in its
// own changes feed (every revision does), so its next push offered the record
// straight back to the database it came from, which had it: on a first pull of
// the benchmark store, 180,000 records read again, sent as ids and compared by
// the server, for nothing. A merge now notes, beside the record's place, that
// the place was given by a pull from the record's own database with nothing of
// this desk's own in it (`from_server_seq` = `seq`); the push skips it. Any later
// revision or move gives a new place, so the note no longer matches and the
// record is offered again.

export const receivedRecordsNotEchoed: Migration = {
  version: 1300,
  name: 'received-records-not-echoed',
  up(db) {
    db.exec('ALTER TABLE sync_home ADD COLUMN from_server_seq INTEGER');
  },
};
