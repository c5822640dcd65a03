import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { listCountries, listPeople, listSources, people, sources } from '../people.ts';
import { search } from '../search.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1590);
const through1590 = migrations.filter((migration) => migration.version <= 1590);

/** A store of just before 1590, with names SQLite's code-point order put after Z. */
function storeBefore1590() {
  const db = openDatabase(':memory:', { migrate: false });
  migrate(db, before);
  const name = db.prepare('INSERT INTO person (name) VALUES (?)');
  for (const person of [
    'Zoran Milanović',
    'ʻAkilisi Pōhiva',
    'Élysée Martin',
    'Elgin Abbott',
    'Łukasz Nowak',
    'Lund Berg',
    '김민준',
    'Abe',
  ])
    name.run(person);
  const source = db.prepare('INSERT INTO source (title) VALUES (?)');
  for (const title of ['Zeitung', 'Élysée communiqué', 'Embassy cable']) source.run(title);
  db.exec(`INSERT INTO country (name, kind) VALUES ('Zambia', 'country'), ('Österreich', 'country'), ('Oman', 'country')`);
  return db;
}

describe('migration 1590: names sort as a reader expects', () => {
  it('gives the names already stored their place: É with E, ʻA with A, Ł with L, Korean after Latin', () => {
    const db = storeBefore1590();
    const revisionsBefore = db.prepare('SELECT count(*) FROM sync_rev').pluck().get();
    const triggers = () => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const triggersBefore = triggers();

    // Only 1590: later migrations change triggers of their own (1600: search entries of merged rows).
    expect(migrate(db, through1590)).toEqual([1590]);

    expect(listPeople(db).map((person) => person.name)).toEqual([
      'Abe',
      'ʻAkilisi Pōhiva',
      'Elgin Abbott',
      'Élysée Martin',
      'Łukasz Nowak',
      'Lund Berg',
      'Zoran Milanović',
      '김민준',
    ]);
    expect(listSources(db).map((source) => source.title)).toEqual(['Élysée communiqué', 'Embassy cable', 'Zeitung']);
    expect(listCountries(db).map((country) => country.name)).toEqual(['Oman', 'Österreich', 'Zambia']);
    // The key is this store's own: no record changed, nothing for another desk.
    expect(db.prepare('SELECT count(*) FROM sync_rev').pluck().get()).toBe(revisionsBefore);
    // Set aside while the keys were written, the triggers are back as they were: a rename is found by search.
    expect(triggers()).toEqual(triggersBefore);
    db.exec(`UPDATE person SET name = 'Ōtsuka Hanako' WHERE name = 'Abe'`);
    expect(search(db, { text: 'Hanako', limit: 5 }).map((hit) => hit.title)).toEqual([expect.stringContaining('Ōtsuka Hanako')]);
  });

  it('keeps the order as names are added and renamed afterwards', () => {
    const db = storeBefore1590();
    migrate(db);
    const id = people.insert(db, { name: 'Émile Zola' });
    people.insert(db, { name: 'ʻOfa Tonga' });
    expect(
      listPeople(db)
        .map((person) => person.name)
        .slice(0, 6),
    ).toEqual(['Abe', 'ʻAkilisi Pōhiva', 'Elgin Abbott', 'Élysée Martin', 'Émile Zola', 'Łukasz Nowak']);
    people.update(db, id, { name: 'Ångström Anders' });
    expect(
      listPeople(db)
        .map((person) => person.name)
        .slice(0, 3),
    ).toEqual(['Abe', 'ʻAkilisi Pōhiva', 'Ångström Anders']);
    sources.insert(db, { title: 'Ébauche' });
    expect(listSources(db).map((source) => source.title)).toEqual(['Ébauche', 'Élysée communiqué', 'Embassy cable', 'Zeitung']);
  });

  it('reads a list of people in name order from the index, without sorting them', () => {
    const db = storeBefore1590();
    migrate(db);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM person ORDER BY name_key, name, id').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
