import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNote, saveNote } from './notes.ts';
import { type Db, openDatabase } from './open.ts';
import { people } from './people.ts';
import { loadSampleIfEmpty } from './sample/vilnius-2023.ts';
import { highlightEnd, highlightStart, indexPendingSearch, rankedMatchLimit, rankedWordLimit, search, searchPending } from './search.ts';
import { summits } from './summits.ts';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const summit = (title: string, description: string) =>
  summits.insert(db, {
    title,
    city: '',
    countryId: null,
    startDate: '2024-01-01',
    endDate: '2024-01-01',
    timeZone: 'UTC',
    description,
    sourceId: null,
  });

describe('search ranking', () => {
  it('ranks a title match above a match in the body only', () => {
    // Inserted body-first so insertion order cannot explain the result.
    const inBody = summit('Ministerial meeting', 'Talks covered maritime security, cyber defence and space.');
    const inTitle = summit('Cyber defence pledge conference', 'Talks covered energy.');
    const hits = search(db, { text: 'cyber', limit: 10 });
    expect(hits.map((hit) => hit.id)).toEqual([inTitle, inBody]);
  });

  it('matches words by prefix while typing and marks the match in the snippet', () => {
    summit('Ministerial meeting', 'Talks covered cyber defence.');
    const [hit] = search(db, { text: 'cyb', limit: 10 });
    expect(hit?.snippet).toContain(`${highlightStart}cyber${highlightEnd}`);
  });

  it('finds Hangul names, whole and by prefix', () => {
    const id = people.insert(db, {
      name: 'Yoon Suk Yeol',
      nativeName: '윤석열',
      title: 'President',
      countryId: null,
      biography: '',
      classification: '',
      sourceId: null,
    });
    expect(search(db, { text: '윤석열', limit: 10 }).map((hit) => [hit.kind, hit.id])).toContainEqual(['person', id]);
    expect(search(db, { text: '윤석', limit: 10 }).map((hit) => [hit.kind, hit.id])).toContainEqual(['person', id]);
  });

  it('filters by kind', () => {
    loadSampleIfEmpty(db);
    const hits = search(db, { text: 'cyber', kinds: ['sectorEntry'], limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((hit) => hit.kind))).toEqual(new Set(['sectorEntry']));
  });

  it('finds the sample’s Korean president by his Hangul name', () => {
    loadSampleIfEmpty(db);
    expect(search(db, { text: '윤석열', limit: 10 }).some((hit) => hit.kind === 'person' && hit.title.includes('Yoon'))).toBe(true);
  });
});

describe('Korean, Japanese and Chinese words inside compounds', () => {
  const koreanNote = () =>
    createNote(
      db,
      { sectorEntryId: null, meetingId: null },
      {
        title: '빌뉴스 메모',
        body: '한국과 나토는 사이버방위 협력을 강화하기로 하였으며, 이는 빌뉴스 정상회의에서 발표되었다.',
        tags: [],
        classification: '',
      },
    );

  it('finds a word inside a Hangul compound and marks the matched part only', () => {
    const note = koreanNote();
    for (const [word, compound] of [
      ['방위', '사이버'],
      ['회의', '정상'],
    ] as const) {
      const hits = search(db, { text: word, limit: 10 });
      expect(hits.map((hit) => [hit.kind, hit.id])).toEqual([['note', note.id]]);
      expect(hits[0]?.snippet).toContain(`${compound}${highlightStart}${word}${highlightEnd}`);
    }
    // What worked before still works: whole words, word beginnings, several words.
    for (const text of ['협력', '정상회의', '정상회', '빌뉴스 사이버']) expect(search(db, { text, limit: 10 })).toHaveLength(1);
  });

  it('finds nothing for pairs that are not next to each other, and one syllable by its start', () => {
    koreanNote();
    expect(search(db, { text: '방협', limit: 10 })).toEqual([]);
    expect(search(db, { text: '위협', limit: 10 })).toEqual([]);
    expect(search(db, { text: '의', limit: 10 })).toHaveLength(1);
  });

  it('finds a word inside a Japanese or Chinese name and a title match ranks first', () => {
    const inBody = summit('Partners meeting', '北大西洋条約機構 との協力');
    const inTitle = summit('北大西洋条約機構首脳会議', 'Summit of the alliance.');
    expect(search(db, { text: '条約', limit: 10 }).map((hit) => hit.id)).toEqual([inTitle, inBody]);
    expect(search(db, { text: '首脳', limit: 10 }).map((hit) => hit.id)).toEqual([inTitle]);
  });

  it('keeps Latin search as it was beside CJK text', () => {
    summit('Cyber defence pledge', '사이버방위 공약');
    const [hit] = search(db, { text: 'cyb', limit: 10 });
    expect(hit?.title).toBe('Cyber defence pledge');
    expect(hit?.snippet.trim()).toBe('사이버방위 공약');
    expect(search(db, { text: 'yber', limit: 10 })).toEqual([]);
  });
});

describe('notes in the search index (saved first, indexed in a batch before the next search)', () => {
  it('finds a note as soon as it is saved, and forgets it once trashed or deleted', () => {
    const note = createNote(
      db,
      { sectorEntryId: null, meetingId: null },
      { title: 'Plane notes', body: 'Quillwort briefing', tags: ['ferncase'], classification: '' },
    );
    expect(search(db, { text: 'quillwort', limit: 5 }).map((hit) => [hit.kind, hit.id])).toEqual([['note', note.id]]);
    expect(search(db, { text: 'ferncase', limit: 5 })).toHaveLength(1);

    saveNote(db, note.id, note.version, { title: 'Plane notes', body: 'Marshwort briefing', tags: [], classification: '' });
    expect(searchPending(db)).toBe(true);
    expect(search(db, { text: 'quillwort', limit: 5 })).toEqual([]);
    expect(search(db, { text: 'marshwort', limit: 5 })).toHaveLength(1);
    expect(indexPendingSearch(db)).toBe(0);

    db.prepare("UPDATE note SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(note.id);
    expect(search(db, { text: 'marshwort', limit: 5 })).toEqual([]);
    db.prepare('UPDATE note SET deleted_at = NULL WHERE id = ?').run(note.id);
    expect(search(db, { text: 'marshwort', limit: 5 })).toHaveLength(1);
    db.prepare('DELETE FROM note WHERE id = ?').run(note.id);
    expect(search(db, { text: 'marshwort', limit: 5 })).toEqual([]);
  });
});

describe('a search matching more rows than are ranked', () => {
  it('still lists title matches first, then the newest body matches, each once', () => {
    const inTitle = summit('Maritime security dialogue', 'Talks covered energy.');
    const bodies = Array.from({ length: rankedMatchLimit + 5 }, (_, index) =>
      summit(`Meeting ${index}`, 'Talks covered maritime patrols.'),
    );
    const hits = search(db, { text: 'mari', limit: 20 });
    expect(hits).toHaveLength(20);
    expect(hits[0]?.id).toBe(inTitle);
    expect(hits.slice(1).map((hit) => hit.id)).toEqual(bodies.slice(-19).reverse());
  });

  it('finds the few matches of the kind asked for among many of other kinds', () => {
    const advisers = ['Adviser on maritime law', 'Maritime attaché', 'Naval adviser'].map((title) =>
      people.insert(db, {
        name: title,
        nativeName: '',
        title,
        countryId: null,
        biography: 'Works on maritime patrols.',
        classification: '',
        sourceId: null,
      }),
    );
    for (let index = 0; index <= rankedMatchLimit; index++) summit(`Meeting ${index}`, 'Talks covered maritime patrols.');
    const hits = search(db, { text: 'maritime', kinds: ['person'], limit: 20 });
    expect(hits.map((hit) => hit.id).sort()).toEqual([...advisers].sort());
  });
});

describe('searches whose cost does not grow with the store', () => {
  it('matches a word longer than six letters whole, not another word with the same first six', () => {
    const reference = summit('Terms of reference', 'Drafted by the working group.');
    summit('Referendum briefing', 'A referendum on the treaty.');
    expect(search(db, { text: 'reference', limit: 5 }).map((hit) => hit.id)).toEqual([reference]);
    expect(search(db, { text: 'refer', limit: 5 })).toHaveLength(2);
    const working = search(db, { text: 'working', limit: 5 });
    expect(working.map((hit) => hit.id)).toEqual([reference]);
    expect(working[0]?.snippet).toContain(`${highlightStart}working${highlightEnd}`);
  });

  it('lists a few matches of a word in very many rows title first, then newest first, without ranking them', () => {
    for (let index = 0; index <= rankedWordLimit; index++) summit(`Meeting ${index}`, 'Talks covered patrols.');
    const older = summit('Ministerial', 'Quillwort patrols were raised.');
    const inTitle = summit('Quillwort patrols', 'Talks covered energy.');
    const newer = summit('Ministerial', 'Patrols and quillwort.');
    expect(search(db, { text: 'quillwort patrols', limit: 5 }).map((hit) => hit.id)).toEqual([inTitle, newer, older]);
  });
});
