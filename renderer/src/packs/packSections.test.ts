import { describe, expect, it } from 'vitest';
import type { PackSection } from '../../../shared/domain.ts';
import { addSection, moveSection, removeSection, setMeetingForm } from './packSections.ts';

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
