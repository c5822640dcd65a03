import { hrefOf, type Route, useRoute } from './router.ts';
import { Dashboard } from './views/Dashboard.tsx';
import { MeetingBriefView } from './views/MeetingBrief.tsx';
import { SummitList, SummitView } from './views/Summit.tsx';

const navigation: { route: Route; label: string }[] = [
  { route: { view: 'today' }, label: 'Today' },
  { route: { view: 'summits' }, label: 'Summits' },
];

export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/today">
          Sherpa
        </a>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {navigation.map((item) => (
            <li key={item.label}>
              <a href={hrefOf(item.route)} aria-current={route.view === item.route.view ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <CurrentView route={route} />
      </main>
    </div>
  );
}

function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'summit':
      return <SummitView id={route.id} />;
    case 'meeting':
      return <MeetingBriefView id={route.id} />;
    case 'summits':
      return <SummitList />;
    default:
      return <Dashboard />;
  }
}
