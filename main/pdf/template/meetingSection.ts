import { createElement as h, type ReactNode } from 'react';
import { briefSections } from '../../../shared/domain.ts';
import type { MeetingContent, SectionContent } from '../packContent.ts';
import { NativeName } from './names.ts';
import { usePackWords } from './packWords.ts';
import {
  Annotation,
  DataTable,
  dateColumnWidth,
  markColumnWidth,
  PartHeading,
  SectionHeading,
  SourceLine,
  wordsColumnWidth,
} from './parts.ts';
import { Prose } from './prose.ts';

type MeetingSectionContent = SectionContent & MeetingContent;

function Participants({ section }: { section: MeetingSectionContent }): ReactNode {
  const words = usePackWords().meeting;
  if (section.participants.length === 0) return h('p', { className: 'not-stated' }, words.noParticipants);
  return h(DataTable, {
    columns: [
      { label: words.mark, width: markColumnWidth(section.participants.map((participant) => participant.mark)) },
      { label: words.side, width: '16%' },
      { label: words.name },
      { label: words.title },
      {
        label: words.role,
        width: wordsColumnWidth(
          section.participants.map((participant) => participant.role),
          16,
        ),
      },
    ],
    rows: section.participants.map((participant) => ({
      key: participant.personId,
      cells: [
        h('span', { key: 'mark', className: 'portion' }, participant.mark),
        participant.side === 'ours' ? words.ourSide : words.theirSide,
        [participant.name, h(NativeName, { key: 'native', person: participant })],
        participant.title,
        participant.role,
      ],
    })),
  });
}

/** `counterpartRow` false where the counterpart has a line of their own under the table (the pocket card's). */
function KeyDetails({
  section,
  homeTimeZone,
  counterpartRow = true,
}: {
  section: MeetingSectionContent;
  homeTimeZone: string;
  counterpartRow?: boolean;
}): ReactNode {
  const { meeting } = section;
  const { when, duration } = usePackWords();
  const words = usePackWords().meeting;
  const counterpart = counterpartRow ? section.counterpart : null;
  const rows: [string, ReactNode][] = [
    [words.when, when(meeting, homeTimeZone, section.summitTimeZone)],
    [words.duration, duration(meeting.durationMinutes)],
    [words.venue, meeting.venue || words.notSet],
    [words.format, words.formats[meeting.format]],
    [words.interpreters, meeting.interpreters || words.notSet],
    [words.press, words.pressAccess[meeting.press]],
    [words.status, words.statuses[meeting.status]],
  ];
  if (counterpart)
    rows.splice(0, 0, [
      words.counterpart,
      h(
        'span',
        null,
        h('span', { className: 'mark' }, counterpart.mark),
        counterpart.name,
        h(NativeName, { person: counterpart }),
        counterpart.title ? `, ${counterpart.title}` : '',
      ),
    ]);
  return h(
    'table',
    { className: 'details' },
    h(
      'tbody',
      null,
      rows.map(([label, value]) => h('tr', { key: label }, h('th', { scope: 'row' }, label), h('td', null, value))),
    ),
  );
}

export function MeetingSection({ section, homeTimeZone }: { section: MeetingSectionContent; homeTimeZone: string }): ReactNode {
  const { date, meeting: words } = usePackWords();
  if (section.form === 'pocket') return h(PocketCard, { section, homeTimeZone });
  const { meeting } = section;
  return h(
    'section',
    { className: 'pack-section meeting' },
    h(SectionHeading, { section }),
    h(PartHeading, { mark: meeting.mark, text: words.keyDetails }),
    h(KeyDetails, { section, homeTimeZone }),
    h(PartHeading, { mark: section.headingMarks.participants, text: words.participants }),
    h(Participants, { section }),
    briefSections.map((field) =>
      h(
        'div',
        { key: field },
        h(PartHeading, { mark: meeting.mark, text: words.briefHeadings[field] }),
        h(Prose, { text: meeting[field] }),
      ),
    ),
    section.followUps.length > 0
      ? h(
          'div',
          null,
          h(PartHeading, { mark: section.headingMarks.followUps, text: words.followUps }),
          h(
            'table',
            null,
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { style: { width: markColumnWidth(section.followUps.map((action) => action.mark)) } }, words.mark),
                h('th', null, words.action),
                h('th', { style: { width: '20%' } }, words.owner),
                // The due date is kept whole (keptWhole.ts): at 18% "30 September 2026" printed "30 September 2" over "026".
                h('th', { style: { width: dateColumnWidth } }, words.due),
                h('th', { style: { width: '12%' } }, words.status),
              ),
            ),
            h(
              'tbody',
              null,
              section.followUps.map((action) =>
                h(
                  'tr',
                  { key: action.id },
                  h('td', { className: 'portion' }, action.mark),
                  h('td', null, action.description),
                  h('td', null, action.owner.trim() || '—'),
                  h('td', null, action.dueOn ? date(action.dueOn) : '—'),
                  h('td', null, words.followUpStatuses[action.status]),
                ),
              ),
            ),
          ),
        )
      : null,
    section.annotations.length > 0
      ? h(
          'div',
          null,
          h(PartHeading, { mark: section.headingMarks.annotations, text: words.staffNotes }),
          section.annotations.map((note) => h(Annotation, { key: note.id, note })),
        )
      : null,
    h(SourceLine, { source: section.source }),
  );
}

/** Who the principal is about to meet, in one line: name, native name, title and country. */
function CounterpartLine({ section }: { section: MeetingSectionContent }): ReactNode {
  const { counterpart, counterpartCountry } = section;
  const words = usePackWords().meeting;
  if (!counterpart) return h('p', { className: 'counterpart-line not-stated' }, words.counterpartNotSet);
  const country = counterpartCountry && !counterpart.title.includes(counterpartCountry.name) ? counterpartCountry.name : '';
  return h(
    'p',
    { className: 'counterpart-line' },
    h('span', { className: 'mark' }, counterpart.mark),
    h('strong', null, words.counterpartLabel),
    counterpart.name,
    h(NativeName, { person: counterpart }),
    [counterpart.title, country].filter(Boolean).map((part) => `, ${part}`),
  );
}

/** One page to hold in the car: who, when, why, and the points to make. */
function PocketCard({ section, homeTimeZone }: { section: MeetingSectionContent; homeTimeZone: string }): ReactNode {
  const { meeting } = section;
  const words = usePackWords().meeting;
  return h(
    'section',
    { className: 'pack-section' },
    h(
      'div',
      { className: 'pocket' },
      h('div', { className: 'pocket-label' }, words.pocketCard),
      h(SectionHeading, { section }),
      // The counterpart once, in the line that also gives their country: the table's row printed them twice on one page.
      h(KeyDetails, { section, homeTimeZone, counterpartRow: false }),
      h(CounterpartLine, { section }),
      h(PartHeading, { mark: meeting.mark, text: words.purpose }),
      h(Prose, { text: meeting.purpose }),
      h(PartHeading, { mark: meeting.mark, text: words.briefHeadings.objectives }),
      h(Prose, { text: meeting.objectives }),
      h(PartHeading, { mark: meeting.mark, text: words.briefHeadings.pointsToMake }),
      h(Prose, { text: meeting.pointsToMake }),
      h(PartHeading, { mark: meeting.mark, text: words.briefHeadings.defensivePoints }),
      h(Prose, { text: meeting.defensivePoints }),
    ),
  );
}
