import { describe, expect, it } from 'vitest';
import { highlightEnd, highlightStart, queryMarker } from './cjk.ts';
import { greekAndGeorgianInLatin, latinOfGreekOrGeorgian } from './greekGeorgianLatin.ts';

describe('Greek and Georgian in Latin, as passports and the press write them', () => {
  it('writes Greek names as Greek passports do (ELOT 743)', () => {
    expect(greekAndGeorgianInLatin('Κυριάκος Μητσοτάκης')).toBe('kyriakos mitsotakis');
    expect(greekAndGeorgianInLatin('Γιώργος Γεραπετρίτης')).toBe('giorgos gerapetritis');
    expect(greekAndGeorgianInLatin('ΑΘΗΝΑ, Ευρώπη')).toBe('athina evropi');
    expect(greekAndGeorgianInLatin('Ευθύμιος Αγγελική Ντόρα Μπακογιάννη Γκίκας Λαμπράκης')).toBe(
      'efthymios angeliki dora bakogianni gikas lamprakis',
    );
    expect(greekAndGeorgianInLatin('Ψυχάρης Ξενοφών Παύλος')).toBe('psycharis xenofon pavlos');
    // A diaeresis parts a pair: Πραϋνσης, Μαΐου.
    expect(latinOfGreekOrGeorgian('Μαΐου')).toBe('maiou');
    expect(latinOfGreekOrGeorgian('Πραΰ')).toBe('pray');
  });

  it('writes Georgian, in small letters or capitals, by the national system without apostrophes', () => {
    expect(greekAndGeorgianInLatin('ირაკლი კობახიძე')).toBe('irakli kobakhidze');
    expect(greekAndGeorgianInLatin('ᲘᲠᲐᲙᲚᲘ ᲙᲝᲑᲐᲮᲘᲫᲔ')).toBe('irakli kobakhidze');
    expect(greekAndGeorgianInLatin('თბილისი, საქართველო')).toBe('tbilisi sakartvelo');
    expect(greekAndGeorgianInLatin('მიხეილ ჭიათურა, ჟურნალი, ღვინო')).toBe('mikheil chiatura zhurnali ghvino');
    // ყ as the national system writes it, q, and as the press mostly does, k.
    expect(greekAndGeorgianInLatin('ყაველაშვილი ყაზბეგი')).toBe('qavelashvili kavelashvili qazbegi kazbegi');
  });

  it('leaves other text alone', () => {
    expect(greekAndGeorgianInLatin('Mitsotakis in Tbilisi, Москва')).toBe('');
    expect(latinOfGreekOrGeorgian('Москва')).toBeNull();
  });
});

describe('a search hit’s snippet of a long text found only in another alphabet', () => {
  const body = `${'Από το αεροδρόμιο: 25 λεπτά. '.repeat(12)}Μας υποδέχεται η ბოჭორიშვილი στο Μητσοτάκης.`;
  const shown = (query: string, text = body) =>
    queryMarker(query).snippet(text, true).replaceAll(highlightStart, '[').replaceAll(highlightEnd, ']');

  it('opens at the word found, marked, not at the text’s start with nothing marked', () => {
    expect(shown('Mitsotakis')).toBe('…αεροδρόμιο: 25 λεπτά. Μας υποδέχεται η ბოჭორიშვილი στο [Μητσοτάκης].');
    expect(shown('Bochorishvili')).toBe('…Από το αεροδρόμιο: 25 λεπτά. Μας υποδέχεται η [ბოჭორიშვილი] στο Μητσοτάκης.');
    // Serbian Cyrillic read in Latin, the same way.
    expect(shown('Spajic', `${'Састанак у Подгорици. '.repeat(12)}Премијер Милојко Спајић.`)).toBe(
      '…Састанак у Подгорици. Састанак у Подгорици. Премијер Милојко [Спајић].',
    );
  });
});
