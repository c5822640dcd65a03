import { describe, expect, it } from 'vitest';
import { combinedText, mergedContent } from './ConflictView.tsx';
import { parseTags } from './NoteEditor.tsx';

const levels = ['NATO UNCLASSIFIED', 'NATO RESTRICTED', 'NATO CONFIDENTIAL'];

describe('merging two versions of a note', () => {
  it('starts the merge from both texts, so neither side is dropped', () => {
    expect(combinedText('mine', 'theirs')).toBe('theirs\n\n---\n\nmine');
    expect(combinedText('same', 'same')).toBe('same');
    expect(combinedText('', 'theirs')).toBe('theirs');
    expect(combinedText('mine', '  ')).toBe('mine');
  });

  it('keeps the lines both desks kept once, then what each added', () => {
    const shared = 'Rascunho do comunicado.\nUbuntu — umuntu ngumuntu ngabantu.';
    expect(combinedText(`${shared}\nDesk B: إضافة فقرة عن الطاقة`, `${shared}\nDesk A: parágrafo sobre dívida`)).toBe(
      `${shared}\nDesk A: parágrafo sobre dívida\nDesk B: إضافة فقرة عن الطاقة`,
    );
  });

  it('keeps every tag of both sides and the higher classification', () => {
    const mine = { title: 'Mine', body: 'm', tags: ['cyber', 'ITPP'], classification: 'NATO UNCLASSIFIED' };
    const theirs = { title: 'Theirs', body: 't', tags: ['ITPP', 'protocol'], classification: 'NATO RESTRICTED' };
    expect(mergedContent(mine, theirs, 'edited', levels)).toEqual({
      title: 'Mine',
      body: 'edited',
      tags: ['ITPP', 'protocol', 'cyber'],
      classification: 'NATO RESTRICTED',
    });
    expect(mergedContent({ ...mine, classification: 'NATO CONFIDENTIAL' }, theirs, 'x', levels).classification).toBe('NATO CONFIDENTIAL');
    // A level the scheme lacks (marked under an older scheme) outranks every level it has, and none at all: a merge never drops it.
    expect(
      mergedContent({ ...mine, classification: 'NATO CONFIDENTIAL' }, { ...theirs, classification: 'NATO SECRET' }, 'x', levels)
        .classification,
    ).toBe('NATO SECRET');
    expect(mergedContent({ ...mine, classification: '' }, { ...theirs, classification: 'NATO SECRET' }, 'x', levels).classification).toBe(
      'NATO SECRET',
    );
    expect(mergedContent({ ...mine, classification: '' }, theirs, 'x', levels).classification).toBe(theirs.classification);
    // CONFIDENTIAL is not released: merged with SECRET//REL TO, the note holds both and is SECRET, as a page holding both.
    const usLevels = [
      'UNCLASSIFIED',
      'CONFIDENTIAL//REL TO USA, AUS',
      'CONFIDENTIAL',
      'SECRET//REL TO USA, AUS',
      'SECRET',
      'SECRET//NOFORN',
    ];
    expect(
      mergedContent({ ...mine, classification: 'CONFIDENTIAL' }, { ...theirs, classification: 'SECRET//REL TO USA, AUS' }, 'x', usLevels)
        .classification,
    ).toBe('SECRET');
    // A tag spelt in another case on each desk is one tag, spelt as the other desk's version has it.
    expect(mergedContent({ ...mine, tags: ['istanbul', 'ITPP'] }, { ...theirs, tags: ['İstanbul', 'itpp'] }, 'x', levels).tags).toEqual([
      'İstanbul',
      'itpp',
    ]);
  });

  it('reads tags typed in another case as one tag', () => {
    expect(parseTags('İstanbul, cyber, istanbul, ISTANBUL ,Cyber')).toEqual(['İstanbul', 'cyber']);
  });
});
