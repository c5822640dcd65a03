import { describe, expect, it } from 'vitest';
import { compareNames, sortKey } from './sortKey.ts';

describe('names in the order a desk officer looks them up', () => {
  it('files accented, stroked and ʻokina names with their plain letter, not after Z', () => {
    const names = ['Zagreb', 'ʻAkilisi Pōhiva', 'Élysée', 'Łukasz', 'Ørsted', 'Elgin', 'Abbott', 'Lund', 'Oslo', 'Östberg', "O'Brien"];
    expect([...names].sort(compareNames)).toEqual([
      'Abbott',
      'ʻAkilisi Pōhiva',
      'Elgin',
      'Élysée',
      'Łukasz',
      'Lund',
      "O'Brien",
      'Ørsted',
      'Oslo',
      'Östberg',
      'Zagreb',
    ]);
  });

  it('ignores case, and puts the same name in two cases in one fixed order', () => {
    expect(sortKey('ÉLYSÉE')).toBe(sortKey('élysée'));
    expect(['elgin', 'Elgin'].sort(compareNames)).toEqual(['Elgin', 'elgin']);
    expect(['Elgin', 'elgin'].sort(compareNames)).toEqual(['Elgin', 'elgin']);
  });

  it('lists Korean names in the order of the Korean alphabet, after Latin names', () => {
    expect(['윤석열', '김민준', 'Stoltenberg', '박진', '나토'].sort(compareNames)).toEqual([
      'Stoltenberg',
      '김민준',
      '나토',
      '박진',
      '윤석열',
    ]);
  });

  it('files a Thai or Lao name that begins with a vowel written before its consonant under that consonant', () => {
    // แพทองธาร under พ, มาริษ under ม, เศรษฐา under ศ, สมศักดิ์ under ส; ໄກສອນ under ກ, ສອນໄຊ under ສ.
    expect(['เศรษฐา ทวีสิน', 'มาริษ เสงี่ยมพงษ์', 'สมศักดิ์', 'แพทองธาร ชินวัตร'].sort(compareNames)).toEqual([
      'แพทองธาร ชินวัตร',
      'มาริษ เสงี่ยมพงษ์',
      'เศรษฐา ทวีสิน',
      'สมศักดิ์',
    ]);
    expect(['ສອນໄຊ ສີພັນດອນ', 'ໄກສອນ ພົມວິຫານ', 'ທອງລຸນ ສີສຸລິດ'].sort(compareNames)).toEqual(['ໄກສອນ ພົມວິຫານ', 'ທອງລຸນ ສີສຸລິດ', 'ສອນໄຊ ສີພັນດອນ']);
  });

  it('files the Hausa ɓ, ɗ, ƙ and ƴ straight after b, d, k and y, as the Hausa alphabet does, not after Z', () => {
    expect(
      ['Zaria', 'Ƴar’adua', 'Yakubu', 'Ƙwankwaso', 'Kano', 'Lagos', 'Ɗanjuma', 'Dakar', 'Eko', 'Ɓello', 'Bola', 'Cisse'].sort(compareNames),
    ).toEqual(['Bola', 'Ɓello', 'Cisse', 'Dakar', 'Ɗanjuma', 'Eko', 'Kano', 'Ƙwankwaso', 'Lagos', 'Yakubu', 'Ƴar’adua', 'Zaria']);
  });

  it('files an Azerbaijani Ə after E, as its alphabet does, not after Z; Romanian ș and ş with s', () => {
    expect(['Zeynalov', 'Əliyev', 'Fərəcov', 'Eldar', 'Ağayev'].sort(compareNames)).toEqual([
      'Ağayev',
      'Eldar',
      'Əliyev',
      'Fərəcov',
      'Zeynalov',
    ]);
    expect(['Tusk', 'Ştefan', 'Sandu', 'Ștefan', 'Țurcanu', 'Szabo'].map(sortKey)).toEqual([
      'tusk',
      'stefan',
      'sandu',
      'stefan',
      'turcanu',
      'szabo',
    ]);
  });

  it('files a Kazakh, Kyrgyz or Tajik name by its alphabet: Ә after А, Қ after К, Ұ and Ү after У, Ҷ after Ч, not after Я', () => {
    const names = [
      'Өмірзақ',
      'Тоқаев',
      'Тулеев',
      'Үмбетов',
      'Ұлықбек',
      'Ушаков',
      'Әлиев',
      'Бабаев',
      'Қайрат',
      'Лаптев',
      'Ҷалол',
      'Шамиль',
      'Аманов',
    ];
    expect(names.sort(compareNames)).toEqual([
      'Аманов',
      'Әлиев',
      'Бабаев',
      'Қайрат',
      'Лаптев',
      'Өмірзақ',
      'Тоқаев',
      'Тулеев',
      'Ушаков',
      'Ұлықбек',
      'Үмбетов',
      'Ҷалол',
      'Шамиль',
    ]);
    expect(['Ғани', 'Дария', 'Гүлнара'].sort(compareNames)).toEqual(['Гүлнара', 'Ғани', 'Дария']);
    expect(['Раҳмон', 'Рахимов', 'Раимов'].sort(compareNames)).toEqual(['Раимов', 'Рахимов', 'Раҳмон']);
  });

  it('files a Ukrainian or Serbian name by its alphabet: І after И, Є after Е, Ґ after Г, not after Я', () => {
    const names = [
      'Юлія Свириденко',
      'Ігор Жовква',
      'Андрій Сибіга',
      'Євген Перебийніс',
      'Ґонгадзе',
      'Гаврилюк',
      'Дмитро Кулеба',
      'Їжакевич',
      'Илья',
    ];
    expect([...names].sort(compareNames)).toEqual([
      'Андрій Сибіга',
      'Гаврилюк',
      'Ґонгадзе',
      'Дмитро Кулеба',
      'Євген Перебийніс',
      'Илья',
      'Ігор Жовква',
      'Їжакевич',
      'Юлія Свириденко',
    ]);
    expect(['Јовановић', 'Игор', 'Ђорђе', 'Драган', 'Ебру'].sort(compareNames)).toEqual(['Драган', 'Ђорђе', 'Ебру', 'Игор', 'Јовановић']);
    expect(sortKey('ІГОР')).toBe(sortKey('ігор'));
  });

  it('files a Japanese name by its reading, katakana or hiragana, full or half width', () => {
    expect(sortKey('カトウ')).toBe(sortKey('かとう'));
    expect(sortKey('ｶﾄｳ')).toBe(sortKey('かとう'));
    expect(['さとう', 'カトウ', 'あべ'].sort(compareNames)).toEqual(['あべ', 'カトウ', 'さとう']);
  });

  it('files Sinhala, Tamil, Devanagari and Bengali names by their vowel signs too, and a zero-width joiner or non-joiner as nothing', () => {
    // A Hindi dictionary files कलम (inherent a) before किरण; without the vowel signs it read करण, before कलम.
    expect(['किरण', 'कौशल', 'कलम', 'कमल', 'अमर'].sort(compareNames)).toEqual(['अमर', 'कमल', 'कलम', 'किरण', 'कौशल']);
    expect(['কালাম', 'কলকাতা'].sort(compareNames)).toEqual(['কলকাতা', 'কালাম']);
    // ශ්‍රී is written with a zero-width joiner or without it: one key, then filed by the letters after it.
    expect(sortKey('ශ්‍රී')).toBe(sortKey('ශ්රී'));
    expect(['ශ්‍රීනාත්', 'ශ්රීමාලි', 'කමල්'].sort(compareNames)).toEqual(['කමල්', 'ශ්‍රීනාත්', 'ශ්රීමාලි']);
    expect(sortKey('می‌خواهم')).toBe(sortKey('میخواهم'));
    // A Lao or Thai name pasted with the zero-width space its document puts between words is filed as typed without.
    expect(sortKey('ສົມ\u200bສັກ')).toBe(sortKey('ສົມສັກ'));
    expect(sortKey('สม\u200bศักดิ์')).toBe(sortKey('สมศักดิ์'));
    // Hindi typed without its nukta is filed with it.
    expect(sortKey('ज़ैदी')).toBe(sortKey('जैदी'));
  });

  it('files Tamil names in the order of the Tamil alphabet, which code points do not follow', () => {
    const names = ['றஹ்மான்', 'ஜெயலலிதா', 'லதா', 'அருண்', 'ழகரம்', 'கொழும்பு', 'கேசவன்', 'வள்ளி', 'னகரம்', 'ளகரம்'];
    expect([...names].sort(compareNames)).toEqual(['அருண்', 'கேசவன்', 'கொழும்பு', 'லதா', 'வள்ளி', 'ழகரம்', 'ளகரம்', 'றஹ்மான்', 'னகரம்', 'ஜெயலலிதா']);
  });

  it('files Armenian names in the order of the Armenian alphabet: և as ե then վ, marks inside a word set aside', () => {
    // Վ comes before Տ: Սևակ before Սետրակյան (read as ե then ւ, it came after).
    expect(['Սետրակյան', 'Սևակ', 'Աբովյան', 'Օհանյան', 'Փաշինյան'].sort(compareNames)).toEqual([
      'Աբովյան',
      'Սևակ',
      'Սետրակյան',
      'Փաշինյան',
      'Օհանյան',
    ]);
    expect(['Արա՛մ', 'Արաբյան'].sort(compareNames)).toEqual(['Արաբյան', 'Արա՛մ']);
    expect(sortKey('Երևան')).toBe(sortKey('ԵՐԵՎԱՆ'));
  });

  it('files a Persian or Arabic name the same whichever keyboard typed it: ی ي ى, ک ك and ه ة as one letter', () => {
    // Persian names, typed on a Persian keyboard (ک, ی) or an Arabic one (ك, ي), or mixed as lists pasted together are.
    const persian = ['یزدی', 'محمدی', 'کاظمی', 'لاریجانی', 'هاشمی', 'کرمانی'];
    const arabicKeyboard = persian.map((name) => name.replace(/ی/g, 'ي').replace(/ک/g, 'ك'));
    const mixed = persian.map((name, index) => (index % 2 === 0 ? name : (arabicKeyboard[index] ?? '')));
    const order = (names: string[]) => [...names].sort(compareNames).map((name) => name.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک'));
    // As the Persian alphabet has them: ک after ق and before ل, ی last; code points put ک and ی after every Arabic letter.
    const expected = ['کاظمی', 'کرمانی', 'لاریجانی', 'محمدی', 'هاشمی', 'یزدی'];
    expect(order(persian)).toEqual(expected);
    expect(order(arabicKeyboard)).toEqual(expected);
    expect(order(mixed)).toEqual(expected);
    expect(sortKey('مصطفى')).toBe(sortKey('مصطفی'));
    expect(sortKey('فاطمة')).toBe(sortKey('فاطمه'));
    // Arabic names keep the Arabic alphabet's order: ك before ل, ي last.
    expect(['يوسف', 'كريم', 'ليلى', 'هدى'].sort(compareNames)).toEqual(['كريم', 'ليلى', 'هدى', 'يوسف']);
  });
});
