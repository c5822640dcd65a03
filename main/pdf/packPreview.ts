import type { Db } from '../../db/open.ts';
import { people } from '../../db/people.ts';
import { listSectorEntries } from '../../db/sectors.ts';
import { summits } from '../../db/summits.ts';
import type { PackPreview, PackPreviewRecord } from '../../shared/contract.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { portionMark, sectionClassification } from './classification.ts';
import { installedFontCoverage } from './fontCoverage.ts';
import { noteLabel } from './noteLabel.ts';
import { writtenOnAt } from './noteSummit.ts';
import {
  type GatherOptions,
  gatherPackContent,
  hasWriting,
  otherSummitOf,
  peopleOfMeetings,
  type SectionContent,
  sectorNotesOfPack,
} from './packContent.ts';
import { shownAsStored } from './shownAsStored.ts';
import { unprintableRecords } from './unprintable.ts';

// The builder's "will print" list comes from the very content the PDF is
// printed from, so what the user checks before export is what they get.

/** A printed record's portion mark and the marking behind it, which the builder's list shows and the window's banner counts. */
const markingOf = (record: { mark: string; classification: string }) => ({ mark: record.mark, classification: record.classification });

/** The markings of everything a section prints, as its portion mark is worked out from them. */
function heldBy(section: SectionContent): string[] {
  const of = (records: { classification: string }[]) => records.map((record) => record.classification);
  switch (section.kind) {
    case 'meeting':
      return of([section.meeting, ...section.participants, ...section.annotations, ...section.followUps]);
    case 'sector':
      return of([section.sector, ...section.entries, ...section.entries.flatMap((entry) => entry.annotations)]);
    case 'timeline':
      return of(section.rows);
    case 'biographies':
      return of(section.people);
    case 'sources':
      return of(section.sources);
    case 'notes':
      return of(section.groups.flatMap((group) => group.notes));
  }
}

/** `sectionMarking`: a meeting is listed at its section's mark, as its brief prints the participants' markings too. */
function recordsOf(section: SectionContent, sectionMarking: string): PackPreviewRecord[] {
  switch (section.kind) {
    case 'meeting':
      // A pocket card prints the counterpart's line only; a full brief prints its participants, follow-ups and notes.
      if (section.form === 'pocket')
        return [{ kind: 'meeting', title: section.meeting.title, mark: section.mark, classification: sectionMarking }];
      return [
        { kind: 'meeting', title: section.meeting.title, mark: section.mark, classification: sectionMarking },
        ...section.participants.map((participant) => ({
          kind: 'participant' as const,
          title: participant.nativeName ? `${participant.name} (${participant.nativeName})` : participant.name,
          ...markingOf(participant),
        })),
        ...section.followUps.map((followUp) => ({ kind: 'followUp' as const, title: followUp.description, ...markingOf(followUp) })),
        ...section.annotations.map((note) => ({ kind: 'annotation' as const, title: noteLabel(note), ...markingOf(note) })),
      ];
    case 'sector':
      return section.entries.flatMap((entry) => [
        { kind: 'sectorEntry' as const, title: `${entry.occurredOn} ${entry.title}`, ...markingOf(entry) },
        ...entry.annotations.map((note) => ({ kind: 'annotation' as const, title: noteLabel(note), ...markingOf(note) })),
      ]);
    case 'timeline':
      return section.rows.map((row) => ({
        kind: row.origin === 'event' ? 'timelineEvent' : row.origin,
        title: `${row.occurredOn} ${row.title}`,
        ...markingOf(row),
      }));
    case 'biographies':
      return section.people.map((person) => ({ kind: 'person', title: person.name, ...markingOf(person) }));
    case 'sources':
      return section.sources.map((source) => ({ kind: 'source', title: source.title, ...markingOf(source) }));
    case 'notes':
      return section.groups.flatMap((group) =>
        group.notes.map((note) => ({ kind: 'note' as const, title: noteLabel(note), on: group.on, ...markingOf(note) })),
      );
  }
}

export function previewPack(db: Db, definition: PackDefinition, options: GatherOptions): PackPreview {
  const content = gatherPackContent(db, definition, options);
  // What "Will print" lists reads as the PDF prints it: a received record's direction override named, not obeyed.
  return shownAsStored({
    banner: content.unmarked.length > 0 ? (content.highestMarked?.name ?? '') : content.banner.name,
    holdsUnmarked: content.unmarked.length > 0,
    outsideScheme: content.outsideScheme,
    holdsNoMarking: content.unmarked.some((item) => item.foreignLevel === ''),
    sections: content.sections.map((section) => {
      const classification = sectionClassification(options.scheme, heldBy(section));
      return { kind: section.kind, title: section.title, mark: section.mark, classification, records: recordsOf(section, classification) };
    }),
    peopleOfMeetings: peopleOfMeetings(db, definition).map((personId) => {
      const { id, name, nativeName, title, biography, classification } = people.get(db, personId);
      return { id, name, nativeName, title, biography, classification };
    }),
    sectorEntries: sectorEntryChoices(db, definition, options),
    otherSummitNotes: otherSummitNoteChoices(db, definition, options),
    unprintable: unprintableRecords(content, installedFontCoverage()),
  });
}

function sectorEntryChoices(db: Db, definition: PackDefinition, options: GatherOptions): PackPreview['sectorEntries'] {
  const summitEnd = definition.summitId === null ? null : (summits.find(db, definition.summitId)?.endDate ?? null);
  return definition.sections.flatMap((section) => {
    if (section.kind !== 'sector') return [];
    const removed = new Set(section.removedEntryIds ?? []);
    const kept = new Set(section.keptEntryIds ?? []);
    const entries = listSectorEntries(db, section.sectorId).map((entry) => {
      const otherSummit = otherSummitOf(db, entry.occurredOn, definition.summitId)?.title ?? null;
      return {
        id: entry.id,
        occurredOn: entry.occurredOn,
        title: entry.title,
        mark: portionMark(options.scheme, { classification: entry.classification, name: entry.title }),
        classification: entry.classification,
        removed: removed.has(entry.id) || (otherSummit !== null && !kept.has(entry.id)),
        afterSummit: summitEnd !== null && entry.occurredOn > summitEnd,
        otherSummit,
      };
    });
    return [{ sectorId: section.sectorId, entries }];
  });
}

/** The sector notes the notes section leaves out unless kept: those written for another of the desk's summits. */
function otherSummitNoteChoices(db: Db, definition: PackDefinition, options: GatherOptions): PackPreview['otherSummitNotes'] {
  const notesSection = definition.sections.find((section) => section.kind === 'notes');
  if (notesSection?.kind !== 'notes') return [];
  const kept = new Set(notesSection.keptNoteIds ?? []);
  return sectorNotesOfPack(db, definition).flatMap((sector) =>
    sector.notes.flatMap(({ note, otherSummit }) =>
      otherSummit === null || !hasWriting(note)
        ? []
        : [
            {
              id: note.id,
              title: noteLabel(note),
              mark: portionMark(options.scheme, { classification: note.classification, name: noteLabel(note) }),
              writtenOn: writtenOnAt(note, otherSummit),
              otherSummit: otherSummit.title,
              removed: !kept.has(note.id),
            },
          ],
    ),
  );
}
