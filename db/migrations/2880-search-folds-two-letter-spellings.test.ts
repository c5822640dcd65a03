import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 2880);
const upTo2880 = migrations.filter((migration) => migration.version <= 2880);

describe('migration 2880: search folds ß, æ, œ and þ', () => {
  it('finds names saved before by the two letters typed for them, and still by their own spelling', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification) VALUES
        (1, 'Dagmar Strauß', '', 'State Secretary', 'Lives on the Weißenburger Straße.', ''),
        (2, 'Mette Kræmer', '', 'Ambassador', '', ''),
        (3, 'Guðrún Þórsdóttir', '', 'Director', 'Speaks at the Œuvre d''Orient.', '');
    `);
    // As an earlier Sherpa indexed them: ß, æ, œ and þ kept as letters of their own, so only ð made a folded text.
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    db.exec(`UPDATE search_text SET title_fold = 'gudrun þorsdottir' WHERE title = 'Guðrún Þórsdóttir'`);
    expect(search(db, { text: 'strauss', limit: 10 })).toEqual([]);
    expect(search(db, { text: 'thorsdottir', limit: 10 })).toEqual([]);
    migrate(db, upTo2880);
    const ids = (text: string) => search(db, { text, limit: 10 }).map((hit) => hit.id);
    expect(ids('strauss')).toEqual([1]);
    expect(ids('STRAUSS')).toEqual([1]);
    expect(ids('Strauß')).toEqual([1]);
    expect(ids('weissenburger strasse')).toEqual([1]);
    expect(ids('kraemer')).toEqual([2]);
    expect(ids('Kræmer')).toEqual([2]);
    expect(ids('thorsdottir')).toEqual([3]);
    expect(ids('oeuvre')).toEqual([3]);
    // Written after the migration, indexed folded too.
    db.exec(`UPDATE person SET name = 'Anders Ærøskøbing' WHERE id = 2`);
    expect(ids('aeroskobing')).toEqual([2]);
    db.close();
  });
});
