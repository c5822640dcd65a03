import { describe, expect, it } from 'vitest';
import type { ConflictSummary } from '../../../shared/conflicts.ts';
import { hrefOf, parseRoute } from '../router.ts';
import { combinedText, combinedTexts, conflictsOnPage, higherMarkingKept, routeOf } from './conflictPages.ts';

const summary = (id: string, page: ConflictSummary['page']): ConflictSummary => ({
  id,
  kind: 'meeting',
  rowId: 1,
  page,
  title: 'Bilateral',
  classification: '',
  otherMarkings: [],
  winnerRev: '2-a',
  others: 1,
});

describe('merging the long texts of two versions', () => {
  it('keeps the shared lines once and what each desk added, in order, dropping nothing', () => {
    const shared = '- Welcome the ITPP\n- Raise cyber defence';
    expect(combinedText(`${shared}\n- Thank Korea for Ukraine`, `${shared}\n- Welcome the mission`)).toBe(
      `${shared}\n- Thank Korea for Ukraine\n- Welcome the mission`,
    );
    expect(combinedText(`Intro\n${shared}`, `Other intro\n${shared}`)).toBe(`Intro\nOther intro\n${shared}`);
    expect(combinedText('All new', 'Nothing alike')).toBe('All new\n\n---\n\nNothing alike');
    expect(combinedText('same', 'same')).toBe('same');
    expect(combinedText('', 'theirs')).toBe('theirs');
    expect(combinedTexts(['a\nb', 'a\nc', null, 'a\nd'])).toBe('a\nb\nc\nd');
  });
});

describe('where a conflict is shown', () => {
  it('on its record’s page, and on the meeting of a participant or follow-up', () => {
    const list = [summary('meeting:1', { view: 'meeting', id: 4 }), summary('person:2', { view: 'people', id: 4 })];
    expect(conflictsOnPage(list, { view: 'meeting', id: 4 }).map((conflict) => conflict.id)).toEqual(['meeting:1']);
    expect(conflictsOnPage(list, { view: 'meeting', id: 5 })).toEqual([]);
    expect(routeOf({ view: 'timeline' })).toEqual({ view: 'timeline' });
  });

  it('opens a conflict by the record’s id shared by desks, and refuses anything else', () => {
    const record = `meeting:${'a'.repeat(32)}`;
    expect(parseRoute(hrefOf({ view: 'conflict', record }))).toEqual({ view: 'conflict', record });
    expect(parseRoute('#/conflict/meeting%3Anot-an-id')).toEqual({ view: 'conflicts' });
    expect(parseRoute('#/conflict/%E0%A4%A')).toEqual({ view: 'conflicts' });
    expect(parseRoute('#/conflicts')).toEqual({ view: 'conflicts' });
  });
});

describe('a version kept beside the one shown with a higher marking', () => {
  const levels = ['NATO UNCLASSIFIED', 'NATO RESTRICTED', 'NATO CONFIDENTIAL', 'NATO SECRET'];
  const marked = (classification: string, otherMarkings: string[]) => ({ ...summary('meeting:1', null), classification, otherMarkings });
  it('names the highest marking kept above the shown one, and a marking the scheme lacks as above', () => {
    expect(higherMarkingKept(marked('NATO RESTRICTED', ['NATO CONFIDENTIAL', 'NATO UNCLASSIFIED']), levels)).toBe('NATO CONFIDENTIAL');
    expect(higherMarkingKept(marked('NATO RESTRICTED', ['NATO CONFIDENTIAL', 'SECRET//NOFORN']), levels)).toBe('SECRET//NOFORN');
  });
  it('says nothing when the others are no higher, or the record is unmarked', () => {
    expect(higherMarkingKept(marked('NATO CONFIDENTIAL', ['NATO RESTRICTED', 'NATO CONFIDENTIAL']), levels)).toBeUndefined();
    expect(higherMarkingKept(marked('', ['NATO SECRET']), levels)).toBeUndefined();
  });
});
