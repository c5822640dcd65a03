import type { PackDefinition } from '../../../shared/contract.ts';
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

/** The form a meeting is in the pack as ('full' or 'pocket'), null when it is not in. */
export function meetingFormIn(sections: readonly PackSection[], meetingId: number): MeetingForm | null {
  for (const section of sections) if (section.kind === 'meeting' && section.meetingId === meetingId) return section.form;
  return null;
}

export function setMeetingForm(sections: readonly PackSection[], meetingId: number, form: MeetingForm): PackSection[] {
  return sections.map((section) => (section.kind === 'meeting' && section.meetingId === meetingId ? { ...section, form } : section));
}

/** Changes a section's own settings (a timeline's dates, the biographies' choices) where it stands. */
export function replaceSection(sections: readonly PackSection[], index: number, section: PackSection): PackSection[] {
  return sections.map((candidate, position) => (position === index ? section : candidate));
}

/**
 * The builder's definition after the saved pack changed under it (a record it
 * listed was deleted elsewhere, or that delete was undone): what the store
 * changed is taken over, the builder's own unsaved edits are kept. Unedited,
 * the builder simply shows the saved pack.
 */
export function followSavedPack(local: PackDefinition, basis: PackDefinition, saved: PackDefinition): PackDefinition {
  if (JSON.stringify(local) === JSON.stringify(basis)) return saved;
  const keys = (sections: readonly PackSection[]) => new Set(sections.map(sectionKey));
  const savedByKey = new Map(saved.sections.map((section) => [sectionKey(section), section]));
  const basisByKey = new Map(basis.sections.map((section) => [sectionKey(section), section]));
  const dropped = [...keys(basis.sections)].filter((key) => !savedByKey.has(key));
  const sections = local.sections.flatMap((section) => {
    const key = sectionKey(section);
    if (dropped.includes(key)) return [];
    const before = basisByKey.get(key);
    const after = savedByKey.get(key);
    // The store changed this section itself (a deleted person taken out of the biographies).
    return before && after && JSON.stringify(before) !== JSON.stringify(after) ? [after] : [section];
  });
  const added = saved.sections.filter((section) => !basisByKey.has(sectionKey(section)) && !hasSection(sections, sectionKey(section)));
  const next: PackDefinition = { ...local, sections: [...sections, ...added] };
  for (const field of ['title', 'recipient', 'summitId', 'principalId', 'paper'] as const) {
    if (saved[field] !== basis[field]) Object.assign(next, { [field]: saved[field] });
  }
  return next;
}

/**
 * The sections with only the taken-out entries still in their sector: one
 * deleted or moved elsewhere meanwhile is no longer listed, so the user could
 * not put it back, and the store refuses to save an id that is not the sector's.
 * A sector whose entries are not known yet is left as it is.
 */
export function withoutStaleEntries(
  sections: readonly PackSection[],
  entryLists: readonly { sectorId: number; entries: readonly { id: number }[] }[],
): PackSection[] {
  return sections.map((section) => {
    if (section.kind !== 'sector' || (!section.removedEntryIds && !section.keptEntryIds)) return section;
    const listed = entryLists.find((list) => list.sectorId === section.sectorId);
    if (!listed) return section;
    const ids = new Set(listed.entries.map((entry) => entry.id));
    const { removedEntryIds, keptEntryIds, ...rest } = section;
    return {
      ...rest,
      ...(removedEntryIds ? { removedEntryIds: removedEntryIds.filter((entryId) => ids.has(entryId)) } : {}),
      ...(keptEntryIds ? { keptEntryIds: keptEntryIds.filter((entryId) => ids.has(entryId)) } : {}),
    };
  });
}
