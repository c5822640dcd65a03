import { describe, expect, it } from 'vitest';
import {
  asSimplified,
  cjkBigrams,
  cjkPhrase,
  highlightEnd as e,
  hanVariants,
  markMatches,
  queryMarker,
  highlightStart as s,
} from './cjk.ts';
import { traditionalSimplifiedPairs } from './hanSimplified.ts';

describe('CJK runs as bigrams', () => {
  it('cuts each run into overlapping pairs and keeps its last character on its own', () => {
    expect(cjkBigrams('사이버방위 협력 NATO 정상회의에서')).toBe('사이 이버 버방 방위 위 협력 력 정상 상회 회의 의에 에서 서');
    expect(cjkBigrams('Cyber defence')).toBe('');
    // Katakana is indexed as the hiragana of the same sound, so either finds the other.
    expect(cjkBigrams('北大西洋 のパートナー')).toBe('北大 大西 西洋 洋 のぱ ぱー ーと とな なー ー');
  });

  it('reads katakana and hiragana alike, in the index, the query and the marking', () => {
    expect(cjkBigrams('イシバ')).toBe(cjkBigrams('いしば'));
    expect(cjkPhrase('イシバ')).toBe('"いし しば"');
    expect(cjkPhrase('いしば')).toBe('"いし しば"');
    expect(cjkPhrase('ヴ')).toBe('"ゔ"*');
    expect(markMatches('石破 茂 (イシバ シゲル)', 'いしば')).toBe(`石破 茂 (${s}イシバ${e} シゲル)`);
    expect(markMatches('いしば しげる', 'シゲル')).toBe(`いしば ${s}しげる${e}`);
  });

  it('reads traditional Chinese as simplified, in the index, the query and the marking', () => {
    expect(cjkBigrams('習近平 會談')).toBe(cjkBigrams('习近平 会谈'));
    expect(cjkPhrase('臺灣')).toBe(cjkPhrase('台湾'));
    expect(markMatches('國家主席习近平會見', '習近平')).toBe(`國家主席${s}习近平${e}會見`);
    expect(markMatches('国家主席習近平会见', '习近平')).toBe(`国家主席${s}習近平${e}会见`);
    // 發 and 髮 both read as 发: either marks the other's text, as the index finds it.
    expect(hanVariants('發').sort()).toEqual(['发', '發', '髮'].sort());
    // Japanese and Korean text around it, and kana, are read as before.
    expect(asSimplified('石破 茂 いしば 정상회의')).toBe('石破 茂 いしば 정상회의');
  });

  it('reads every traditional character once: what it becomes is read as itself', () => {
    const characters = Array.from(traditionalSimplifiedPairs);
    expect(characters.length % 2).toBe(0);
    expect(characters.length).toBeGreaterThan(5000);
    for (let at = 0; at < characters.length; at += 2) {
      const once = asSimplified(characters[at] ?? '');
      expect(once).toBe(characters[at + 1]);
      expect(asSimplified(once)).toBe(once);
    }
  });

  it('turns a typed word into the phrase of its pairs, or a prefix for one character', () => {
    expect(cjkPhrase('정상회의')).toBe('"정상 상회 회의"');
    expect(cjkPhrase('회')).toBe('"회"*');
  });

  it('cuts Thai, Lao, Khmer and Burmese runs into pairs of their base letters, their marks folded away', () => {
    expect(cjkBigrams('การประชุม ທະເລ')).toBe('กา าร รป ปร ระ ะช ชม ม ທະ ະເ ເລ ລ');
    expect(cjkPhrase('ประชุม')).toBe('"ปร ระ ะช ชม"');
    expect(cjkPhrase('ประชม')).toBe('"ปร ระ ะช ชม"');
    // A mark typed alone asks for nothing.
    expect(cjkPhrase('\u0e38')).toBe('');
    // Punctuation and symbols end a run, as the index's tokenizer ends a word there.
    expect(cjkBigrams('ค่า฿๚')).toBe('คา า');
  });
});

describe('marking what a query matched', () => {
  it('marks a Korean word inside a compound and Latin words by prefix', () => {
    expect(markMatches('사이버방위 협력 정상회의에서', '방위 회의')).toBe(`사이버${s}방위${e} 협력 정상${s}회의${e}에서`);
    expect(markMatches('Cyber defence cooperation', 'coop')).toBe(`Cyber defence ${s}cooperation${e}`);
  });

  it('marks a Thai or Burmese name typed without the space it was written with, and cuts its pieces across that space', () => {
    expect(markMatches('Thanakorn ธนากร ศรีสุวรรณภูมิ', 'ธนากรศรีสุวรรณภูมิ')).toBe(`Thanakorn ${s}ธนากร ศรีสุวรรณภูมิ${e}`);
    expect(markMatches('ကျော်ဇင် ထက်', 'ကျော်ဇင်ထက်')).toBe(`${s}ကျော်ဇင် ထက်${e}`);
    // Part of it marks that part, never the space after it.
    expect(markMatches('ธนากร ศรีสุวรรณภูมิ', 'ธนากร')).toBe(`${s}ธนากร${e} ศรีสุวรรณภูมิ`);
    expect(markMatches('ธนากร ศรีสุวรรณภูมิ', 'ศรีสุวรรณ')).toBe(`ธนากร ${s}ศรีสุวรรณ${e}ภูมิ`);
    expect(cjkBigrams('ธนา กร')).toBe(cjkBigrams('ธนากร'));
    // A space between two scripts still parts them.
    expect(cjkBigrams('ทะ ທະ')).toBe('ทะ ะ ທະ ະ');
  });

  it('marks a name found by its plain spelling (Đ by D, ı by i, tashkeel left off) as the index found it', () => {
    expect(markMatches('Đặng Thị Ngọc Thịnh', 'dang thinh')).toBe(`${s}Đặng${e} Thị Ngọc ${s}Thịnh${e}`);
    expect(markMatches('Ayşe Yılmaz', 'yilm')).toBe(`Ayşe ${s}Yılmaz${e}`);
    expect(markMatches('مُحَمَّد الأمين', 'محمد')).toBe(`${s}مُحَمَّد${e} الأمين`);
    expect(markMatches('Cyber (사이버) defence', 'cyb 사이')).toBe(`${s}Cyber${e} (${s}사이${e}버) defence`);
  });

  it('marks a word with a soft hyphen or a zero-width space inside it whole, and a word beside one alone', () => {
    expect(markMatches('Wira\u00adnto', 'wiranto')).toBe(`${s}Wira\u00adnto${e}`);
    expect(markMatches('Hun\u200bManet', 'manet')).toBe(`Hun\u200b${s}Manet${e}`);
    expect(markMatches('ສອນ\u200bໄຊ', 'ສອນໄຊ')).toBe(`${s}ສອນ\u200bໄຊ${e}`);
  });

  it('marks a Thai, Lao or Khmer word inside its sentence, its marks included, however it was typed', () => {
    expect(markMatches('การประชุมสุดยอด', 'ประชุม')).toBe(`การ${s}ประชุม${e}สุดยอด`);
    expect(markMatches('แพทองธาร ชินวัตร', 'ชนวตร')).toBe(`แพทองธาร ${s}ชินวัตร${e}`);
    expect(markMatches('ນະຄອນຫຼວງວຽງຈັນ', 'ວຽງຈັນ')).toBe(`ນະຄອນຫຼວງ${s}ວຽງຈັນ${e}`);
    expect(markMatches('កិច្ចប្រជុំកំពូល', 'ប្រជុំ')).toBe(`កិច្ច${s}ប្រជុំ${e}កំពូល`);
    // Not from the marks of the letter before: they belong to it.
    expect(markMatches('ความมั่นคง', 'นคง')).toBe(`ความมั่${s}นคง${e}`);
    // Sara am typed as nikhahit and sara aa (as a PDF gives it) marks สำคัญ, and ຫມ marks ໝ.
    expect(markMatches('การประชุมสำคัญ', 'สําคัญ')).toBe(`การประชุม${s}สำคัญ${e}`);
    expect(markMatches('ໝາຍເຫດ', 'ຫມາຍ')).toBe(`${s}ໝາຍ${e}ເຫດ`);
  });

  it('cuts a snippet around the first match, wherever it is in a long text', () => {
    const body = `${'앞 '.repeat(40)}한국과 나토는 사이버방위 협력을 논의했다 ${'뒤 '.repeat(40)}`;
    const snippet = queryMarker('방위').snippet(body);
    expect(snippet).toContain(`사이버${s}방위${e}`);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThan(80);
  });

  it('cuts it around a word inside a Khmer or Thai sentence longer than the window, at a letter’s edge', () => {
    for (const [sentence, word] of [
      ['កិច្ចប្រជុំកំពូលអាស៊ាន', 'សមុទ្រ'],
      ['การประชุมสุดยอดอาเซียน', 'ทะเล'],
    ] as const) {
      const body = `${sentence.repeat(30)}${word}${sentence.repeat(30)}`;
      const snippet = queryMarker(word).snippet(body);
      expect(snippet, word).toContain(`${s}${word}${e}`);
      expect(snippet.startsWith('…') && snippet.endsWith('…'), word).toBe(true);
      expect(snippet.length, word).toBeLessThan(120);
      // Never a vowel sign, or a consonant written beneath another (after a coeng), parted from its letter.
      const shown = snippet.slice(1, -1).replaceAll(s, '').replaceAll(e, '');
      const at = body.indexOf(shown);
      expect(at, word).toBeGreaterThan(0);
      expect(`${body[at - 1]}${shown[0]}`, word).not.toMatch(/\u17d2.|.\p{M}/u);
      expect(`${shown.at(-1)}${body[at + shown.length]}`, word).not.toMatch(/\u17d2.|.\p{M}/u);
    }
  });

  it('cuts it around a word the text holds only as the index folds it, and marks the word as written', () => {
    const far = (words: string) => `${'The delegation met the minister again. '.repeat(12)}${words}${' Talks went on.'.repeat(12)}`;
    for (const [typed, written] of [
      ['weissenfels', 'Weißenfels'],
      ['dang thi', 'Đặng'],
      ['yilmaz', 'Yılmaz'],
      ['akosita', 'ʻAkosita'],
      ['παπαδοπουλος', 'Παπαδόπουλος'],
      ['محمد', 'مُحَمَّد'],
      ['kraemer', 'Kræmer'],
    ] as const) {
      const snippet = queryMarker(typed).snippet(far(`Then ${written} spoke.`), true);
      expect(snippet, typed).toContain(`${s}${written}${e}`);
      expect(snippet.startsWith('…'), typed).toBe(true);
    }
    // A word only beginning like the typed one is not found inside another word.
    expect(queryMarker('trauss').snippet(far('Then Strauß spoke.'), true)).not.toContain(s);
  });
});
