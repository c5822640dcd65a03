import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 2870);
const upTo2870 = migrations.filter((migration) => migration.version <= 2870);

describe('migration 2870: search folds the ʻokina', () => {
  it('finds a Tongan name saved before by its spelling without the ʻokina, and with it', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'ʻAkosita Fifita', '', 'Prime Minister', 'Born in Nukuʻalofa.', '');
    `);
    // As an earlier Sherpa indexed it: every other letter folds in the tokenizer, so no folded text was kept.
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    expect(search(db, { text: 'akosita', limit: 10 })).toEqual([]);
    migrate(db, upTo2870);
    expect(search(db, { text: 'akosita', limit: 10 }).map((hit) => [hit.kind, hit.id])).toEqual([['person', 1]]);
    expect(search(db, { text: 'nukualofa', limit: 10 }).map((hit) => [hit.kind, hit.id])).toEqual([['person', 1]]);
    expect(search(db, { text: 'ʻAkosita', limit: 10 }).map((hit) => [hit.kind, hit.id])).toEqual([['person', 1]]);
    // Written after the migration, indexed folded too.
    db.exec(`UPDATE person SET name = 'Tuilaʻepa Malietoa' WHERE id = 1`);
    expect(search(db, { text: 'tuilaepa', limit: 10 }).map((hit) => hit.id)).toEqual([1]);
    db.close();
  });
});
