import { createElement as h, type ReactNode } from 'react';
import type { BriefSection } from '../../../shared/domain.ts';
import { followUpStatusNames, meetingFormatNames, meetingStatusNames, pressAccessNames } from '../../../shared/englishLabels.ts';
import type { MeetingContent, SectionContent } from '../packContent.ts';
import { formatDate, formatDuration, meetingWhen } from './format.ts';
import { NativeName } from './names.ts';
import { Annotation, DataTable, markColumnWidth, PartHeading, SectionHeading, SourceLine } from './parts.ts';
import { Prose } from './prose.ts';

type MeetingSectionContent = SectionContent & MeetingContent;

const briefHeadings: [BriefSection, string][] = [
  ['purpose', 'Purpose and scope'],
  ['objectives', 'Our objectives'],
  ['theirAsks', 'Their likely objectives and asks'],
  ['pointsToMake', 'Points to make'],
  ['linesToTake', 'Lines to take'],
  ['defensivePoints', 'Defensive points (if raised)'],
  ['background', 'Background'],
  ['sensitivities', 'Sensitivities and handling'],
  ['protocolNotes', 'Protocol and logistics'],
  ['pressLine', 'Press line'],
  ['outcome', 'Outcome (record of conversation)'],
];

function Participants({ section }: { section: MeetingSectionContent }): ReactNode {
  if (section.participants.length === 0) return h('p', { className: 'not-stated' }, 'No participants recorded.');
  return h(DataTable, {
    columns: [
      { label: 'Mark', width: markColumnWidth(section.participants.map((participant) => participant.mark)) },
      { label: 'Side', width: '16%' },
      { label: 'Name' },
      { label: 'Title' },
      { label: 'Role', width: '16%' },
    ],
    rows: section.participants.map((participant) => ({
      key: participant.personId,
      cells: [
        h('span', { key: 'mark', className: 'portion' }, participant.mark),
        participant.side === 'ours' ? 'Our side' : 'Their side',
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
  const counterpart = counterpartRow ? section.counterpart : null;
  const rows: [string, ReactNode][] = [
    ['When', meetingWhen(meeting, homeTimeZone, section.summitTimeZone)],
    ['Duration', formatDuration(meeting.durationMinutes)],
    ['Venue', meeting.venue || 'Not set'],
    ['Format', meetingFormatNames[meeting.format]],
    ['Interpreters', meeting.interpreters || 'Not set'],
    ['Press', pressAccessNames[meeting.press]],
    ['Status', meetingStatusNames[meeting.status]],
  ];
  if (counterpart)
    rows.splice(0, 0, [
      'Counterpart',
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
  if (section.form === 'pocket') return h(PocketCard, { section, homeTimeZone });
  const { meeting } = section;
  return h(
    'section',
    { className: 'pack-section meeting' },
    h(SectionHeading, { section }),
    h(PartHeading, { mark: meeting.mark, text: 'Key details' }),
    h(KeyDetails, { section, homeTimeZone }),
    h(PartHeading, { mark: section.headingMarks.participants, text: 'Participants' }),
    h(Participants, { section }),
    briefHeadings.map(([field, heading]) =>
      h('div', { key: field }, h(PartHeading, { mark: meeting.mark, text: heading }), h(Prose, { text: meeting[field] })),
    ),
    section.followUps.length > 0
      ? h(
          'div',
          null,
          h(PartHeading, { mark: section.headingMarks.followUps, text: 'Follow-up actions' }),
          h(
            'table',
            null,
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { style: { width: markColumnWidth(section.followUps.map((action) => action.mark)) } }, 'Mark'),
                h('th', null, 'Action'),
                h('th', { style: { width: '22%' } }, 'Owner'),
                h('th', { style: { width: '18%' } }, 'Due'),
                h('th', { style: { width: '12%' } }, 'Status'),
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
                  h('td', null, action.dueOn ? formatDate(action.dueOn) : '—'),
                  h('td', null, followUpStatusNames[action.status]),
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
          h(PartHeading, { mark: section.headingMarks.annotations, text: 'Staff notes' }),
          section.annotations.map((note) => h(Annotation, { key: note.id, note })),
        )
      : null,
    h(SourceLine, { source: section.source }),
  );
}

/** Who the principal is about to meet, in one line: name, native name, title and country. */
function CounterpartLine({ section }: { section: MeetingSectionContent }): ReactNode {
  const { counterpart, counterpartCountry } = section;
  if (!counterpart) return h('p', { className: 'counterpart-line not-stated' }, 'Counterpart: not set.');
  const country = counterpartCountry && !counterpart.title.includes(counterpartCountry.name) ? counterpartCountry.name : '';
  return h(
    'p',
    { className: 'counterpart-line' },
    h('span', { className: 'mark' }, counterpart.mark),
    h('strong', null, 'Counterpart: '),
    counterpart.name,
    h(NativeName, { person: counterpart }),
    [counterpart.title, country].filter(Boolean).map((part) => `, ${part}`),
  );
}

/** One page to hold in the car: who, when, why, and the points to make. */
function PocketCard({ section, homeTimeZone }: { section: MeetingSectionContent; homeTimeZone: string }): ReactNode {
  const { meeting } = section;
  return h(
    'section',
    { className: 'pack-section' },
    h(
      'div',
      { className: 'pocket' },
      h('div', { className: 'pocket-label' }, 'Pocket card'),
      h(SectionHeading, { section }),
      // The counterpart once, in the line that also gives their country: the table's row printed them twice on one page.
      h(KeyDetails, { section, homeTimeZone, counterpartRow: false }),
      h(CounterpartLine, { section }),
      h(PartHeading, { mark: meeting.mark, text: 'Purpose' }),
      h(Prose, { text: meeting.purpose }),
      h(PartHeading, { mark: meeting.mark, text: 'Our objectives' }),
      h(Prose, { text: meeting.objectives }),
      h(PartHeading, { mark: meeting.mark, text: 'Points to make' }),
      h(Prose, { text: meeting.pointsToMake }),
      h(PartHeading, { mark: meeting.mark, text: 'Defensive points (if raised)' }),
      h(Prose, { text: meeting.defensivePoints }),
    ),
  );
}
