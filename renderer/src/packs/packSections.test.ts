import { describe, expect, it } from 'vitest';
import type { PackSection } from '../../../shared/domain.ts';
import { addSection, followSavedPack, moveSection, removeSection, setMeetingForm, withoutStaleEntries } from './packSections.ts';

const meeting: PackSection = { kind: 'meeting', meetingId: 1, form: 'full' };
const sector: PackSection = { kind: 'sector', sectorId: 4 };
const timeline: PackSection = { kind: 'timeline' };

describe('a pack’s sections', () => {
  it('move up and down, and stay put at either end', () => {
    const sections = [meeting, sector, timeline];
    expect(moveSection(sections, 2, -1)).toEqual([meeting, timeline, sector]);
    expect(moveSection(sections, 0, 1)).toEqual([sector, meeting, timeline]);
    expect(moveSection(sections, 0, -1)).toEqual(sections);
    expect(moveSection(sections, 2, 1)).toEqual(sections);
  });

  it('hold each meeting once: adding it again as a pocket card changes its form in place', () => {
    const sections = addSection([meeting, timeline], { kind: 'meeting', meetingId: 1, form: 'pocket' });
    expect(sections).toEqual([{ kind: 'meeting', meetingId: 1, form: 'pocket' }, timeline]);
    expect(setMeetingForm(sections, 1, 'full')).toEqual([meeting, timeline]);
    expect(addSection(sections, timeline)).toHaveLength(2);
  });

  it('can be removed', () => {
    expect(removeSection([meeting, sector, timeline], 1)).toEqual([meeting, timeline]);
  });
});

describe('a builder whose saved pack changed under it', () => {
  const base = { title: 'Vilnius', recipient: '', summitId: 1, principalId: 2, paper: 'a4' as const };
  const basis = { ...base, sections: [meeting, sector, timeline] };
  const saved = { ...base, sections: [meeting, timeline] };

  it('unedited, shows the saved pack: a sector deleted elsewhere is gone from its list', () => {
    expect(followSavedPack(basis, basis, saved)).toEqual(saved);
  });

  it('edited, drops what the store dropped and keeps the unsaved edits', () => {
    const pocket: PackSection = { kind: 'meeting', meetingId: 1, form: 'pocket' };
    const local = { ...basis, title: 'Vilnius (draft)', sections: [timeline, sector, pocket, { kind: 'sources' as const }] };
    expect(followSavedPack(local, basis, saved)).toEqual({
      ...local,
      sections: [timeline, pocket, { kind: 'sources' }],
    });
  });

  it('edited, gets back what an Undo put back, and loses a deleted principal', () => {
    const local = { ...saved, title: 'Draft' };
    expect(followSavedPack(local, saved, { ...basis, principalId: null })).toEqual({
      ...local,
      principalId: null,
      sections: [meeting, timeline, sector],
    });
  });

  it('keep only the taken-out entries still listed in their sector, and leave a sector not yet listed alone', () => {
    const taken: PackSection = { kind: 'sector', sectorId: 4, removedEntryIds: [10, 11] };
    const other: PackSection = { kind: 'sector', sectorId: 5, removedEntryIds: [20] };
    expect(withoutStaleEntries([meeting, taken, other], [{ sectorId: 4, entries: [{ id: 11 }, { id: 12 }] }])).toEqual([
      meeting,
      { kind: 'sector', sectorId: 4, removedEntryIds: [11] },
      other,
    ]);
  });
});
