import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { listPeople } from '../people.ts';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 2920);
const upTo2920 = migrations.filter((migration) => migration.version <= 2920);

// One store, as an earlier Sherpa left it, migrated once: what search found and how names were listed are read
// before the migration and after it.
let db: Db;
const ids = (text: string) => search(db, { text, limit: 10 }).map((hit) => hit.id);
const thaiNames = () =>
  listPeople(db)
    .filter((person) => person.id >= 11)
    .map((person) => person.name);
const updatedAt = () => db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
let foundBefore: Record<string, number[]>;
let listedBefore: string[];
let updatedBefore: unknown[];
let updatedByTheMigration: unknown[];

beforeAll(() => {
  db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, before);
  db.exec(`
    INSERT INTO person (id, name, native_name, title, biography, classification) VALUES
      (1, 'Paetongtarn Shinawatra', 'แพทองธาร ชินวัตร', 'Prime Minister', 'ประธานการประชุมสุดยอดอาเซียนครั้งที่ 44', ''),
      (2, 'Sonexay Siphandone', 'ສອນໄຊ ສີພັນດອນ', 'Prime Minister', 'ກອງປະຊຸມສຸດຍອດອາຊຽນທີ່ນະຄອນຫຼວງວຽງຈັນ', ''),
      (3, 'Hun Manet', 'ហ៊ុន ម៉ាណែត', 'Prime Minister', 'កិច្ចប្រជុំកំពូលអាស៊ាន', ''),
      (4, 'Than Swe', 'သန်းဆွေ', 'Foreign Minister', 'အာဆီယံထိပ်သီးအစည်းအဝေး', ''),
      (5, 'Jens Lund', '', 'Observer', 'Attends the plenary.', ''),
      (6, 'Wira\u00adnto', '', 'Coordinating Minister', 'Pasted from a PDF with a soft hyphen.', ''),
      (11, 'เศรษฐา ทวีสิน', '', 'Former Prime Minister', '', ''),
      (12, 'มาริษ เสงี่ยมพงษ์', '', 'Foreign Minister', '', ''),
      (13, 'แพทองธาร ชินวัตร', '', 'Prime Minister', '', ''),
      (14, 'สมศักดิ์', '', 'Delegate', '', '');
  `);
  // As an earlier Sherpa indexed them: no pieces for these scripts, only for CJK.
  db.exec(`UPDATE search_text SET title_cjk = '', body_cjk = ''`);
  // And the soft hyphen kept as it was, folding nothing the tokenizer did not.
  db.exec(`UPDATE search_text SET title_fold = '', body_fold = '' WHERE ref_id = 6 AND kind = 'person'`);
  // And keyed the Thai names as written: the leading vowel first, so after ฮ.
  db.exec(`UPDATE person SET name_key = name WHERE id >= 11`);
  foundBefore = { ประชุม: ids('ประชุม'), wiranto: ids('wiranto') };
  listedBefore = thaiNames();
  updatedBefore = updatedAt();
  migrate(db, upTo2920);
  updatedByTheMigration = updatedAt();
});
afterAll(() => db.close());

describe('migration 2920: search finds a Thai, Lao, Khmer or Burmese word inside its sentence, and a word with a soft hyphen', () => {
  it('finds words inside notes and names saved before, in the index and in the titles’ index', () => {
    expect(foundBefore).toEqual({ ประชุม: [], wiranto: [] });
    expect(ids('ประชุม')).toEqual([1]);
    expect(ids('ชนวตร').toSorted()).toEqual([1, 13]);
    expect(ids('ວຽງຈັນ')).toEqual([2]);
    expect(ids('ប្រជុំ')).toEqual([3]);
    expect(ids('ထိပ်သီး')).toEqual([4]);
    expect(ids('plenary')).toEqual([5]);
    expect(ids('wiranto')).toEqual([6]);
    // The titles' index, which a broad search reads first, holds the pieces too.
    const inTitles = (piece: string) =>
      db.prepare(`SELECT rowid FROM search_title WHERE search_title MATCH ?`).all(`{title_cjk} : "${piece}"`).length;
    expect(inTitles('ชน นว วต ตร')).toBe(2);
    expect(inTitles('สพ พน นด ดอ อน')).toBe(0);
    expect(inTitles('ສພ ພນ ນດ ດອ ອນ')).toBe(1);
    // Written after the migration, indexed the same way.
    db.exec(`UPDATE person SET biography = 'ความมั่นคงทางทะเลและไซเบอร์' WHERE id = 5`);
    expect(ids('ทะเล')).toEqual([5]);
  });

  it('lists Thai names saved before in the order a Thai reader looks them up, and changes no record', () => {
    expect(listedBefore).toEqual(['มาริษ เสงี่ยมพงษ์', 'สมศักดิ์', 'เศรษฐา ทวีสิน', 'แพทองธาร ชินวัตร']);
    expect(thaiNames()).toEqual(['แพทองธาร ชินวัตร', 'มาริษ เสงี่ยมพงษ์', 'เศรษฐา ทวีสิน', 'สมศักดิ์']);
    // A key is not an edit: no record changed.
    expect(updatedByTheMigration).toEqual(updatedBefore);
  });
});
