import { describe, expect, it } from 'vitest';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 2980);
const upTo2980 = migrations.filter((migration) => migration.version <= 2980);

const idOf = (db: ReturnType<typeof openScratchDatabase>, entity: string, rowKey: number) =>
  (db.prepare('SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, String(rowKey)) as string) ?? '';
const madeAt = (docId: string) => Number.parseInt(docId.slice(docId.indexOf(':') + 1, docId.indexOf(':') + 13), 16);

describe('migration 2980: records made here get ids in the order they are made', () => {
  it('gives each new record an id starting with the time it was made, keeps the ids already given and every trigger’s other work', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO country (id, name, kind) VALUES (1, 'Moldova', 'country');
      INSERT INTO summit (id, title, country_id, start_date, end_date, time_zone)
        VALUES (1, 'European Political Community, Bulboaca', 1, '2027-06-01', '2027-06-02', 'Europe/Chisinau');
    `);
    const givenBefore = db.prepare('SELECT doc_id, rev FROM sync_doc ORDER BY doc_id').all();
    const triggers = () => db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).pluck().all();
    const triggersBefore = triggers();

    migrate(db, upTo2980);
    // Ids already given are the records' identity on other desks: unchanged, as are the triggers' names.
    expect(db.prepare('SELECT doc_id, rev FROM sync_doc ORDER BY doc_id').all()).toEqual(givenBefore);
    expect(triggers()).toEqual(triggersBefore);
    expect(
      db
        .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%:'' || lower(hex(randomblob(16)))%'`)
        .pluck()
        .get(),
    ).toBe(0);

    const start = Date.now();
    const made: string[] = [];
    for (let id = 1; id <= 40; id += 1) {
      db.prepare(`INSERT INTO person (id, name, classification) VALUES (?, ?, '')`).run(id, `Delegate ${id}`);
      db.prepare(
        `INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES (?, 1, ?, 'bilateral', '2027-06-01T06:00:00Z', 'Europe/Chisinau')`,
      ).run(id, `Bilateral ${id}`);
      db.prepare(`INSERT INTO note (id, meeting_id, title, body) VALUES (?, ?, 'Line', 'Energy interconnector')`).run(id, id);
      made.push(idOf(db, 'person', id), idOf(db, 'meeting', id), idOf(db, 'note', id));
    }
    const end = Date.now();

    for (const docId of made) expect(docId).toMatch(/^(person|meeting|note):[0-9a-f]{32}$/);
    // Each id starts with the millisecond it was made in, so ids follow the order records are made.
    const times = made.map(madeAt);
    for (const time of times) {
      expect(time).toBeGreaterThanOrEqual(start - 1);
      expect(time).toBeLessThanOrEqual(end + 1);
    }
    expect(times).toEqual(times.toSorted((a, b) => a - b));
    expect(new Set(made).size).toBe(made.length);
    // A record's first revision, its body naming its links by id, is written as before.
    const body = db
      .prepare(`SELECT R.body FROM sync_rev AS R JOIN sync_doc AS D ON D.doc_id = R.doc_id AND D.rev = R.rev WHERE D.doc_id = ?`)
      .pluck()
      .get(made[2]) as string;
    expect(JSON.parse(body)).toMatchObject({ meeting_id: made[1], body: 'Energy interconnector' });
    db.close();
  });
});
