import { Loaded } from '../components/Loading.tsx';
import { formatDate, formatInZone } from '../format/time.ts';
import { useQuery } from '../useQuery.ts';

export function SummitList() {
  const summits = useQuery('summit.list', {});
  return (
    <>
      <h1>Summits</h1>
      <Loaded query={summits}>
        {(list) => (
          <ul className="cards">
            {list.map((summit) => (
              <li key={summit.id}>
                <a href={`#/summit/${summit.id}`}>{summit.title}</a>
                <span className="muted"> {formatDate(summit.startDate)}</span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </>
  );
}

export function SummitView({ id }: { id: number }) {
  const view = useQuery('summit.view', { id });
  return (
    <Loaded query={view}>
      {({ summit, meetings }) => (
        <article>
          <h1>{summit.title}</h1>
          <p className="muted">
            {summit.city} · {formatDate(summit.startDate)}
            {summit.endDate !== summit.startDate ? ` – ${formatDate(summit.endDate)}` : ''} · {summit.timeZone}
          </p>
          <p>{summit.description}</p>
          <section aria-labelledby="meetings-heading">
            <h2 id="meetings-heading">Meetings</h2>
            <ul className="cards">
              {meetings.map((meeting) => (
                <li key={meeting.id}>
                  <a href={`#/meeting/${meeting.id}`}>{meeting.title}</a>
                  <span className="muted"> {formatInZone(meeting.startsAt, meeting.timeZone, meeting.startTimeKnown)}</span>
                </li>
              ))}
            </ul>
          </section>
        </article>
      )}
    </Loaded>
  );
}
