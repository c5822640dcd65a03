import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { presetSchemes } from '../../shared/markings.ts';
import { gatherPackContent } from './packContent.ts';
import { samplePackDefinition } from './samplePack.ts';

// The builder lists what must be marked before a pack exports. A record that
// prints in two places (a meeting's brief and its timeline row, a sector
// entry and its row) is one record to mark, so it is listed once.

let db: Db;
beforeEach(() => {
  db = openScratchDatabase();
  loadSampleIfEmpty(db);
});
afterEach(() => db.close());

const gather = () =>
  gatherPackContent(db, samplePackDefinition(db), { scheme: presetSchemes.nato, homeTimeZone: 'Asia/Seoul', preparedOn: '2026-12-02' });

describe('what a pack lists to mark before it exports', () => {
  it('names an unmarked meeting once, though its brief and its timeline row both print it', () => {
    const meeting = db.prepare('SELECT id, title FROM meeting ORDER BY id LIMIT 1').get() as { id: number; title: string };
    db.prepare("UPDATE meeting SET classification = '' WHERE id = ?").run(meeting.id);
    expect(gather().unmarked.filter((item) => item.name === meeting.title)).toEqual([
      { name: meeting.title, role: 'record', title: meeting.title, on: '', foreignLevel: '' },
    ]);
  });

  it('names an entry marked with a level the scheme lacks once, beside its timeline row', () => {
    const entry = db.prepare('SELECT id, title FROM sector_entry ORDER BY id LIMIT 1').get() as { id: number; title: string };
    db.prepare("UPDATE sector_entry SET classification = 'OFFICIAL-SENSITIVE' WHERE id = ?").run(entry.id);
    expect(gather().unmarked).toEqual([
      { name: entry.title, role: 'record', title: entry.title, on: '', foreignLevel: 'OFFICIAL-SENSITIVE' },
    ]);
  });

  // The builder names each in the interface language from what it is to the pack; `name` stays the export's English.
  it('says what an unmarked source and a participant are to the pack, apart from their own names', () => {
    const source = db.prepare('SELECT id, title FROM source ORDER BY id LIMIT 1').get() as { id: number; title: string };
    db.prepare("UPDATE source SET classification = '' WHERE id = ?").run(source.id);
    const person = db
      .prepare('SELECT person.id, person.name FROM meeting_participant JOIN person ON person.id = person_id ORDER BY meeting_id LIMIT 1')
      .get() as { id: number; name: string };
    db.prepare("UPDATE person SET classification = '' WHERE id = ?").run(person.id);
    const unmarked = gather().unmarked;
    expect(unmarked).toContainEqual({ name: `Source: ${source.title}`, role: 'source', title: source.title, on: '', foreignLevel: '' });
    expect(unmarked.find((item) => item.title === person.name)?.role).toMatch(/^(participant|counterpart|principal)$/);
  });
});
