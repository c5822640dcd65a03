import { describe, expect, it } from 'vitest';
import { createNote, emptyTrash, linkNote, saveNote, trashNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { summits } from '../summits.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1120);
// The feed clock this test reads is a row of sqlite_sequence since 1350, whose test compares the same places.
const upTo1120 = migrations.filter((migration) => migration.version <= 1120);

function storeAt(list: typeof migrations): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, list);
  return db;
}

/** Temporary tables SQLite would open in the triggers a plain note save wakes (EXPLAIN lists each trigger's program). */
function temporaryTablesOfASave(db: Db): Record<string, number> {
  const opcodes = db
    .prepare(
      `EXPLAIN UPDATE note SET title = ?, body = ?, tags = ?, classification = ?, version = version + 1,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ? AND version = ?`,
    )
    .all('t', 'b', '[]', '', 1, 1) as { addr: number; opcode: string; p4: string | null }[];
  const perTrigger: Record<string, number> = {};
  let trigger = '';
  for (const { addr, opcode, p4 } of opcodes) {
    if (addr === 0) trigger = /TRIGGER (\w+)/.exec(p4 ?? '')?.[1] ?? '';
    if (['note_search_update', 'sync_home_revision', 'sync_home_winner'].includes(trigger) && opcode === 'OpenEphemeral')
      perTrigger[trigger] = (perTrigger[trigger] ?? 0) + 1;
  }
  return perTrigger;
}

/** A desk's day with notes: new records, saves, a link to a summit, a move to another, a note trashed and deleted. */
function day(db: Db): void {
  const summit = (title: string) =>
    summits.insert(db, {
      title,
      city: '',
      countryId: null,
      startDate: '2024-01-01',
      endDate: '2024-01-01',
      timeZone: 'UTC',
      description: '',
      sourceId: null,
    });
  const [first, second] = [summit('Maritime dialogue'), summit('Trade ministers')];
  const content = { title: 'After the call', body: 'Reply expected next week.', tags: ['follow-up'], classification: '' };
  const kept = createNote(db, { sectorEntryId: null, meetingId: null }, content);
  const binned = createNote(db, { sectorEntryId: null, meetingId: null }, content);
  saveNote(db, kept.id, 1, { ...content, body: 'Second thoughts' });
  linkNote(db, kept.id, { summitId: first });
  saveNote(db, kept.id, 2, { ...content, body: 'Third thoughts' });
  linkNote(db, kept.id, { summitId: second });
  linkNote(db, binned.id, { summitId: first });
  trashNote(db, binned.id);
  emptyTrash(db);
}

describe('migration 1120', () => {
  it('a note save wakes no trigger that builds a temporary table', () => {
    expect(Object.keys(temporaryTablesOfASave(storeAt(before))).length).toBeGreaterThan(0);
    expect(temporaryTablesOfASave(storeAt(migrations))).toEqual({});
  });

  it('gives every record the same place in the feeds as before: where it replicates, and its seq', () => {
    const [old, now] = [storeAt(before), storeAt(upTo1120)];
    day(old);
    day(now);
    const feed = (db: Db) => ({
      clock: db.prepare('SELECT seq FROM sync_feed_clock').pluck().get(),
      places: db
        .prepare(
          'SELECT D.entity, D.row_key, D.deleted, H.via IS NULL AS alone, H.home, H.seq FROM sync_home AS H JOIN sync_doc AS D USING (doc_id) ORDER BY H.seq',
        )
        .all()
        .map((row) => {
          // Replication ids are random: a summit's is compared as the summit's row.
          const place = row as { home: string | null };
          const home = place.home?.startsWith('summit:')
            ? `summit ${db.prepare('SELECT row_key FROM sync_doc WHERE doc_id = ?').pluck().get(place.home)}`
            : place.home;
          return { ...place, home };
        }),
      pending: db.prepare('SELECT note_id FROM note_search_pending ORDER BY note_id').pluck().all(),
    });
    expect(feed(now)).toEqual(feed(old));
    expect(feed(now).places.some((place) => place.home === 'summit 2')).toBe(true);
  });
});
