import type { Db } from '../../db/open.ts';
import { people } from '../../db/people.ts';
import { listSectorEntries } from '../../db/sectors.ts';
import { summits } from '../../db/summits.ts';
import type { PackPreview, PackPreviewRecord } from '../../shared/contract.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { portionMark } from './classification.ts';
import { type GatherOptions, gatherPackContent, peopleOfMeetings, type SectionContent } from './packContent.ts';

// The builder's "will print" list comes from the very content the PDF is
// printed from, so what the user checks before export is what they get.

/** Longest excerpt of an untitled note's text that names it in the list. */
const excerptLength = 80;

/**
 * How the list names a note: its title, or else the first line of its text.
 * Annotations rarely have a title, and a column of "—" told the user nothing
 * about which annotation would print.
 */
export function noteLabel(note: { title: string; body: string }): string {
  if (note.title.trim() !== '') return note.title;
  const firstLine = note.body.trim().split(/\r?\n/)[0]?.trim() ?? '';
  if (firstLine === '') return '—';
  const characters = [...firstLine];
  return characters.length > excerptLength ? `${characters.slice(0, excerptLength).join('').trimEnd()}…` : firstLine;
}

function recordsOf(section: SectionContent): PackPreviewRecord[] {
  switch (section.kind) {
    case 'meeting':
      return [
        { kind: 'meeting', title: section.meeting.title, mark: section.mark },
        ...section.annotations.map((note) => ({ kind: 'annotation' as const, title: noteLabel(note), mark: note.mark })),
      ];
    case 'sector':
      return section.entries.flatMap((entry) => [
        { kind: 'sectorEntry' as const, title: `${entry.occurredOn} ${entry.title}`, mark: entry.mark },
        ...entry.annotations.map((note) => ({ kind: 'annotation' as const, title: noteLabel(note), mark: note.mark })),
      ]);
    case 'timeline':
      return section.rows.map((row) => ({
        kind: row.origin === 'event' ? 'timelineEvent' : row.origin,
        title: `${row.occurredOn} ${row.title}`,
        mark: row.mark,
      }));
    case 'biographies':
      return section.people.map((person) => ({ kind: 'person', title: person.name, mark: person.mark }));
    case 'sources':
      return section.sources.map((source) => ({ kind: 'source', title: source.title, mark: '' }));
    case 'notes':
      return section.groups.flatMap((group) =>
        group.notes.map((note) => ({ kind: 'note' as const, title: `${group.heading} · ${noteLabel(note)}`, mark: note.mark })),
      );
  }
}

export function previewPack(db: Db, definition: PackDefinition, options: GatherOptions): PackPreview {
  const content = gatherPackContent(db, definition, options);
  return {
    banner: content.banner.name,
    sections: content.sections.map((section) => ({
      kind: section.kind,
      title: section.title,
      mark: section.mark,
      records: recordsOf(section),
    })),
    peopleOfMeetings: peopleOfMeetings(db, definition).map((personId) => {
      const { id, name, nativeName, title, biography } = people.get(db, personId);
      return { id, name, nativeName, title, biography };
    }),
    sectorEntries: sectorEntryChoices(db, definition, options),
  };
}

function sectorEntryChoices(db: Db, definition: PackDefinition, options: GatherOptions): PackPreview['sectorEntries'] {
  const summitEnd = definition.summitId === null ? null : (summits.find(db, definition.summitId)?.endDate ?? null);
  return definition.sections.flatMap((section) => {
    if (section.kind !== 'sector') return [];
    const removed = new Set(section.removedEntryIds ?? []);
    const entries = listSectorEntries(db, section.sectorId).map((entry) => ({
      id: entry.id,
      occurredOn: entry.occurredOn,
      title: entry.title,
      mark: portionMark(options.scheme, { classification: entry.classification, name: entry.title }),
      removed: removed.has(entry.id),
      afterSummit: summitEnd !== null && entry.occurredOn > summitEnd,
    }));
    return [{ sectorId: section.sectorId, entries }];
  });
}
