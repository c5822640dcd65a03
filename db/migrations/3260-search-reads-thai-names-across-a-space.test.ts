import { describe, expect, it } from 'vitest';
import { cjkBigrams } from '../../shared/cjk.ts';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3260);
const upTo3260 = migrations.filter((migration) => migration.version <= 3260);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3260: a Thai or Burmese name found with or without its spaces', () => {
  it('finds a name saved before with a space by the name pasted without one, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Thanakorn Srisuwannaphum', 'ธนากร ศรีสุวรรณภูมิ', 'Permanent Secretary', '', ''),
               (2, 'Kyaw Zin Htet', 'ကျော်ဇင် ထက်', 'Deputy Minister', '', ''),
               (3, 'Paetongtarn Shinawatra', 'แพทองธาร', 'Former Prime Minister', '', '');
    `);
    // As an earlier Sherpa indexed them: a run cut at each space, so the name pasted whole was not found.
    const cutAtSpaces = (text: string | null) => (text ?? '').split(/\s+/u).map(cjkBigrams).filter(Boolean).join(' ');
    const rows = db.prepare('SELECT rowid AS id, title, body FROM search_text').all() as {
      id: number;
      title: string | null;
      body: string | null;
    }[];
    const indexedBefore = db.prepare('UPDATE search_text SET title_cjk = ?, body_cjk = ? WHERE rowid = ?');
    for (const row of rows) indexedBefore.run(cutAtSpaces(row.title), cutAtSpaces(row.body), row.id);
    db.exec('DELETE FROM search_title');
    db.exec('INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, title_fold FROM search_text');
    expect(found(db, 'ธนากรศรีสุวรรณภูมิ')).toEqual([]);
    expect(found(db, 'ကျော်ဇင်ထက်')).toEqual([]);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    migrate(db, upTo3260);
    expect(found(db, 'ธนากรศรีสุวรรณภูมิ')).toEqual([['person', 1]]);
    expect(found(db, 'ธนากร ศรีสุวรรณภูมิ')).toEqual([['person', 1]]);
    expect(found(db, 'ศรีสุวรรณ')).toEqual([['person', 1]]);
    expect(found(db, 'ကျော်ဇင်ထက်')).toEqual([['person', 2]]);
    expect(found(db, 'แพทองธาร')).toEqual([['person', 3]]);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    db.close();
  });
});
