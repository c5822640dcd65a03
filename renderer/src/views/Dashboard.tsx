import { Loaded } from '../components/Loading.tsx';
import { formatDate } from '../format/time.ts';
import { useQuery } from '../useQuery.ts';

export function Dashboard() {
  const dashboard = useQuery('dashboard.get', {});
  const summits = useQuery('summit.list', {});
  return (
    <>
      <h1>Today</h1>
      <section aria-labelledby="summits-heading">
        <h2 id="summits-heading">Summits</h2>
        <Loaded query={summits}>
          {(list) =>
            list.length === 0 ? (
              <p className="muted">No summits yet.</p>
            ) : (
              <ul className="cards">
                {list.map((summit) => (
                  <li key={summit.id}>
                    <a href={`#/summit/${summit.id}`}>{summit.title}</a>
                    <span className="muted">
                      {' '}
                      {summit.city} · {formatDate(summit.startDate)}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Open follow-up actions</h2>
        <Loaded query={dashboard}>
          {(today) =>
            today.openFollowUps.length === 0 ? (
              <p className="muted">No open follow-up actions.</p>
            ) : (
              <ul>
                {today.openFollowUps.map((action) => (
                  <li key={action.id}>{action.description}</li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </>
  );
}
