import { describe, expect, it } from 'vitest';
import { people } from '../people.ts';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3540);
const upTo3540 = migrations.filter((migration) => migration.version <= 3540);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3540: Greek and Georgian read in Latin', () => {
  it('finds people saved before in Greek and Georgian by their Latin spelling, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Πρωθυπουργός', 'Κυριάκος Μητσοτάκης', 'Πρωθυπουργός της Ελλάδας', 'ΑΘΗΝΑ', ''),
               (2, 'Prime Minister of Georgia', 'ირაკლი კობახიძე', 'პრემიერ-მინისტრი', 'თბილისი', ''),
               (3, 'Υπουργός', 'Γιώργος Γεραπετρίτης', 'Υπουργός Εξωτερικών', 'Ευάγγελος, Ντόρα Μπακογιάννη', '');
    `);
    // As an earlier Sherpa indexed them: accented Greek folded, Georgian and unaccented Greek left to the tokenizer.
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    db.exec('DELETE FROM search_title');
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, '' FROM search_text`);
    expect(found(db, 'Mitsotakis')).toEqual([]);
    expect(found(db, 'Kobakhidze')).toEqual([]);
    const saved = db.prepare('SELECT * FROM person ORDER BY id').all();
    migrate(db, upTo3540);
    expect(found(db, 'Mitsotakis')).toEqual([['person', 1]]);
    expect(found(db, 'kyriakos mitsotakis')).toEqual([['person', 1]]);
    // Capitals without a tonos, as a banner or a heading writes them, had no folded copy before.
    expect(found(db, 'Athina')).toEqual([['person', 1]]);
    expect(found(db, 'Kobakhidze')).toEqual([['person', 2]]);
    expect(found(db, 'Irakli')).toEqual([['person', 2]]);
    expect(found(db, 'Tbilisi')).toEqual([['person', 2]]);
    expect(found(db, 'Gerapetritis')).toEqual([['person', 3]]);
    expect(found(db, 'Giorgos')).toEqual([['person', 3]]);
    expect(found(db, 'Evangelos')).toEqual([['person', 3]]);
    expect(found(db, 'Dora Bakogianni')).toEqual([['person', 3]]);
    // As typed in Greek, without accents, in capitals, final sigma as σ: still found.
    expect(found(db, 'μητσοτακησ')).toEqual([['person', 1]]);
    expect(found(db, 'ΜΗΤΣΟΤΑΚΗΣ')).toEqual([['person', 1]]);
    expect(db.prepare('SELECT * FROM person ORDER BY id').all()).toEqual(saved);
    db.close();
  });

  it('finds people saved after in either spelling, typed in the other', () => {
    const db = openScratchDatabase(':memory:');
    const add = (name: string, nativeName: string) =>
      people.insert(db, { name, nativeName, title: '', countryId: null, biography: '', classification: '', sourceId: null });
    const greek = add('Νίκος Δένδιας', '');
    const latin = add('Kyriakos Mitsotakis', '');
    const georgian = add('მიხეილ ყაველაშვილი', '');
    expect(found(db, 'Dendias')).toEqual([['person', greek]]);
    // A Greek word typed finds the Latin another desk saved.
    expect(found(db, 'Μητσοτάκης')).toEqual([['person', latin]]);
    // ყ is q by the national system, k as the press mostly writes it: either finds him.
    expect(found(db, 'Mikheil Qavelashvili')).toEqual([['person', georgian]]);
    expect(found(db, 'Kavelashvili')).toEqual([['person', georgian]]);
    expect(found(db, 'ყაველაშვილი')).toEqual([['person', georgian]]);
    expect(found(db, 'Mitsotakis')).toEqual([['person', latin]]);
    db.close();
  });
});
