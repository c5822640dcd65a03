import type { BriefSection } from '../../../db/types.ts';
import { Loaded } from '../components/Loading.tsx';
import { formatInZone } from '../format/time.ts';
import { useQuery } from '../useQuery.ts';

const sectionTitles: Record<BriefSection, string> = {
  purpose: 'Purpose',
  objectives: 'Our objectives',
  theirAsks: 'Their likely asks',
  pointsToMake: 'Points to make',
  linesToTake: 'Lines to take',
  defensivePoints: 'Defensive points',
  background: 'Background',
  sensitivities: 'Sensitivities and handling',
  protocolNotes: 'Protocol and scenario',
  pressLine: 'Press line',
  outcome: 'Outcome',
};

export function MeetingBriefView({ id }: { id: number }) {
  const brief = useQuery('meeting.brief', { id });
  return (
    <Loaded query={brief}>
      {({ meeting, participants, summit }) => (
        <article>
          <h1>{meeting.title}</h1>
          <dl className="key-details">
            <dt>When</dt>
            <dd>{formatInZone(meeting.startsAt, meeting.timeZone, meeting.startTimeKnown)}</dd>
            <dt>Summit</dt>
            <dd>{summit ? <a href={`#/summit/${summit.id}`}>{summit.title}</a> : '—'}</dd>
            <dt>Format</dt>
            <dd>{meeting.format}</dd>
            <dt>Participants</dt>
            <dd>
              {participants.map((participant) => (
                <span key={participant.personId} className="participant">
                  {participant.name}
                  {participant.nativeName ? ` (${participant.nativeName})` : ''}, {participant.title}
                </span>
              ))}
            </dd>
          </dl>
          {(Object.keys(sectionTitles) as BriefSection[]).map((section) => (
            <section key={section} aria-labelledby={`section-${section}`}>
              <h2 id={`section-${section}`}>{sectionTitles[section]}</h2>
              <p className="prose">{meeting[section]}</p>
            </section>
          ))}
        </article>
      )}
    </Loaded>
  );
}
