import { describe, expect, it } from 'vitest';
import { listPeople } from '../people.ts';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3040);
const upTo3040 = migrations.filter((migration) => migration.version <= 3040);

// How Sherpa folded and keyed these texts before 3040: every mark stripped, nothing else folded.
const foldedAsBefore = (text: string | null) =>
  text
    ? text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
        .toLowerCase()
        .replace(/ҷ/gu, 'ч')
        .normalize('NFC')
    : '';
const keyedAsBefore = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

describe('migration 3040: South Asian vowel signs kept, Armenian, Persian and Arabic, Tajik and Serbian letters folded', () => {
  it('finds and lists names saved before as their scripts read them, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification) VALUES
        (1, 'Սևակ Պարույր', '', 'Delegate', 'Երևա՞ն։', ''),
        (2, 'Սետրակյան Արամ', '', 'Delegate', '', ''),
        (3, 'கொழும்பு மேயர்', 'ශ්‍රී ලංකා', 'Mayor', '', ''),
        (4, 'Jamshed Jurayev', 'Ҷамшед Ҷӯраев', 'Delegate', '', ''),
        (5, 'Ali Karimi', 'علي كريمي', 'Delegate', 'الجلسة ١٤٠٣', ''),
        (6, 'லதா', '', 'Delegate', '', ''),
        (7, 'றஹ்மான்', '', 'Delegate', '', '');
    `);
    // As an earlier Sherpa keyed and indexed them (the key first, as writing it re-indexes the row).
    const keyAsBefore = db.prepare('UPDATE person SET name_key = ? WHERE id = ?');
    for (const { id, name } of db.prepare('SELECT id, name FROM person').all() as { id: number; name: string }[])
      keyAsBefore.run(keyedAsBefore(name), id);
    db.function('folded_as_before', { deterministic: true }, (text: unknown) => foldedAsBefore(typeof text === 'string' ? text : null));
    db.exec(`
      UPDATE search_text SET title_fold = folded_as_before(title), body_fold = folded_as_before(body);
      DELETE FROM search_title;
      INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, title_fold FROM search_text;
    `);
    const ids = (text: string) =>
      search(db, { text, limit: 10 })
        .map((hit) => hit.id)
        .sort();
    const names = () => listPeople(db).map((person) => person.name);
    // The words as now typed and folded, vowel signs kept, are not in the index as it was.
    expect(ids('கொழும்பு')).toEqual([]);
    expect(ids('Երեվան')).toEqual([]);
    expect(ids('Джамшед')).toEqual([]);
    expect(ids('علی کریمی')).toEqual([]);
    expect(ids('1403')).toEqual([]);
    expect(names()).toEqual(['Ali Karimi', 'Jamshed Jurayev', 'Սետրակյան Արամ', 'Սևակ Պարույր', 'கொழும்பு மேயர்', 'றஹ்மான்', 'லதா']);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    const triggers = () => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const triggersBefore = triggers();
    migrate(db, upTo3040);
    expect(ids('கிழமை')).toEqual([]);
    expect(ids('கொழும்பு')).toEqual([3]);
    expect(ids('ශ්රී ලංකා')).toEqual([3]);
    expect(ids('Երեվան')).toEqual([1]);
    expect(ids('Սեւակ')).toEqual([1]);
    expect(ids('Джамшед')).toEqual([4]);
    expect(ids('Чамшед')).toEqual([4]);
    expect(ids('علی کریمی')).toEqual([5]);
    expect(ids('1403')).toEqual([5]);
    expect(names()).toEqual(['Ali Karimi', 'Jamshed Jurayev', 'Սևակ Պարույր', 'Սետրակյան Արամ', 'கொழும்பு மேயர்', 'லதா', 'றஹ்மான்']);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    expect(triggers()).toEqual(triggersBefore);
    // Written after the migration, indexed with its vowel signs.
    db.exec(`UPDATE person SET biography = 'नेपाल से।' WHERE id = 2`);
    expect(ids('नेपाल')).toEqual([2]);
    expect(ids('नपल')).toEqual([]);
    db.close();
  });
});
