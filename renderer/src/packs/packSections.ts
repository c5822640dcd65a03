import type { MeetingForm, PackSection } from '../../../shared/domain.ts';

// The order and choice of a pack's sections, as pure functions the builder
// view calls and the tests check without a browser.

export function moveSection(sections: readonly PackSection[], index: number, by: -1 | 1): PackSection[] {
  const target = index + by;
  if (index < 0 || index >= sections.length || target < 0 || target >= sections.length) return [...sections];
  const moved = [...sections];
  [moved[index], moved[target]] = [moved[target] as PackSection, moved[index] as PackSection];
  return moved;
}

export function removeSection(sections: readonly PackSection[], index: number): PackSection[] {
  return sections.filter((_, position) => position !== index);
}

export function sectionKey(section: PackSection): string {
  if (section.kind === 'meeting') return `meeting-${section.meetingId}`;
  if (section.kind === 'sector') return `sector-${section.sectorId}`;
  return section.kind;
}

/** Adds a section at the end, or (for a meeting already in) changes its form in place: each item appears once. */
export function addSection(sections: readonly PackSection[], section: PackSection): PackSection[] {
  const existing = sections.findIndex((candidate) => sectionKey(candidate) === sectionKey(section));
  if (existing === -1) return [...sections, section];
  return sections.map((candidate, index) => (index === existing ? section : candidate));
}

export function hasSection(sections: readonly PackSection[], key: string): boolean {
  return sections.some((section) => sectionKey(section) === key);
}

export function setMeetingForm(sections: readonly PackSection[], meetingId: number, form: MeetingForm): PackSection[] {
  return sections.map((section) => (section.kind === 'meeting' && section.meetingId === meetingId ? { ...section, form } : section));
}

/** Changes a section's own settings (a timeline's dates, the biographies' choices) where it stands. */
export function replaceSection(sections: readonly PackSection[], index: number, section: PackSection): PackSection[] {
  return sections.map((candidate, position) => (position === index ? section : candidate));
}
