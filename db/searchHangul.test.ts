import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markMatches } from '../shared/cjk.ts';
import { createNote } from './notes.ts';
import { type Db, openDatabase } from './open.ts';
import { people } from './people.ts';
import { highlightEnd, highlightStart, search } from './search.ts';

// A Korean desk types a name a letter at a time, and looks names up by their initials as Korean apps do.
let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const person = (name: string, nativeName: string, biography = '') =>
  people.insert(db, { name, nativeName, title: '대통령', countryId: null, biography, classification: '', sourceId: null });
const found = (text: string) =>
  search(db, { text, limit: 20 })
    .map((hit) => `${hit.kind} ${hit.id}`)
    .sort();
const note = (title: string, body: string) =>
  createNote(db, { sectorEntryId: null, meetingId: null }, { title, body, tags: [], classification: '' }).id;

describe('a Hangul search typed so far', () => {
  it('finds a name whose last syllable typed is still waiting for its final consonant, and marks the syllable found', () => {
    const yoon = person('Yoon Suk Yeol', '윤석열');
    const kim = person('Kim Yun-seo', '김윤서');
    const seoul = note('서울 회담', '대통령실에서');
    expect(found('윤서')).toEqual([`person ${kim}`, `person ${yoon}`].sort());
    expect(found('윤석여')).toEqual([`person ${yoon}`]);
    expect(found('서')).toEqual([`note ${seoul}`, `person ${kim}`, `person ${yoon}`].sort());
    // A consonant typed alone after the syllables begins the next one: what is typed before it still finds.
    expect(found('윤석ㅇ')).toEqual([`person ${yoon}`]);
    // The whole name, or one put in quotes, is what it says: 윤서 there is not 윤석.
    expect(found('윤석열')).toEqual([`person ${yoon}`]);
    expect(found('"윤서"')).toEqual([`person ${kim}`]);
    expect(found('윤석')).toEqual([`person ${yoon}`]);
    expect(markMatches('윤석열 대통령', '윤서')).toBe(`${highlightStart}윤석${highlightEnd}열 대통령`);
    expect(search(db, { text: '윤석여', limit: 5 })[0]?.title).toBe('Yoon Suk Yeol 윤석열');
  });

  it('finds a title by the initial consonants of its Hangul, not a body, and marks the syllables they begin', () => {
    const yoon = person('Yoon Suk Yeol', '윤석열');
    const kim = person('Kim Yun-seo', '김윤서');
    note('회의 메모', '윤석열 대통령과 회담');
    expect(found('ㅇㅅㅇ')).toEqual([`person ${yoon}`]);
    expect(found('ㄱㅇㅅ')).toEqual([`person ${kim}`]);
    expect(found('ㅇㅅ')).toEqual([`person ${kim}`, `person ${yoon}`].sort());
    // An input method makes ㄳ of ㄱ then ㅅ typed alone.
    const kimSunghan = person('Kim Sung-han', '김성한');
    expect(found('ㄳㅎ')).toEqual([`person ${kimSunghan}`]);
    // Not in bodies (the note's 윤석열, the people's 대통령), nor initials in another order.
    expect(found('ㄷㅌㄹ')).toEqual([]);
    expect(found('ㅅㅇㅇ')).toEqual([]);
    expect(markMatches('Yoon Suk Yeol 윤석열', 'ㅇㅅㅇ')).toBe(`Yoon Suk Yeol ${highlightStart}윤석열${highlightEnd}`);
    // Found by the title, the body's syllables that happen to begin so (전통의) are not marked.
    const minister = person('Cho Tae-yul', '조태열', '전통의 외교관');
    expect(search(db, { text: 'ㅈㅌㅇ', limit: 5 })).toEqual([expect.objectContaining({ id: minister, snippet: '대통령 전통의 외교관' })]);
    expect(search(db, { text: 'ㅇㄱㄱ', limit: 5 })).toEqual([]);
  });
});
