import { Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoxesOnPage } from './components/BoxesOnPage.tsx';
import { keepCaretInView } from './components/caretKeeper.ts';
import { preloadViews } from './components/lazyView.ts';
import { chooseByNameAfterMark } from './components/pickerTypeAhead.ts';
import { StoreWritesLine } from './components/StoreWritesLine.tsx';
import { ToastRegion, UndoProvider } from './components/Undo.tsx';
import { NotFound, ViewBoundary } from './components/ViewBoundary.tsx';
import { ConflictsNavItem } from './conflicts/ConflictNotice.tsx';
import { keepTypedForNewForms } from './forms/typedBeforeForm.ts';
import { i18n } from './i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from './markings/ScreenMarkings.tsx';
import { DraftRecovery } from './notes/DraftRecovery.tsx';
import { hrefOf, type Route, useRoute } from './router.ts';
import { keepTypedAhead, type TypedAhead } from './search/typedAhead.ts';
import { SessionGate, useCanLock, useLockNow } from './session/SessionGate.tsx';
import { useAutoLock } from './session/useAutoLock.ts';
import { SettingsProvider, useSettings } from './settings/SettingsContext.tsx';
import { SyncNavItem } from './settings/SyncNavItem.tsx';
import { StoreQueries } from './useQuery.ts';
import { Dashboard } from './views/Dashboard.tsx';
import {
  ConflictsView,
  EditRecordView,
  ExchangeView,
  laterViews,
  MeetingBriefView,
  NewRecordView,
  NotesView,
  PacksView,
  PeopleList,
  PersonView,
  ProgrammeList,
  RecordConflictView,
  SearchPalette,
  SectorView,
  SettingsView,
  SourcesView,
  SummitList,
  SummitView,
  TimelineView,
} from './views/lazyViews.ts';

/** Sidebar entries; `match` lists the route views that highlight an entry. */
const navigation: { route: Route; labelKey: string; match: Route['view'][] }[] = [
  { route: { view: 'today' }, labelKey: 'nav.today', match: ['today'] },
  { route: { view: 'summits' }, labelKey: 'nav.summits', match: ['summits', 'summit', 'meeting'] },
  { route: { view: 'sectors' }, labelKey: 'nav.sectors', match: ['sectors'] },
  { route: { view: 'timeline' }, labelKey: 'nav.timeline', match: ['timeline'] },
  { route: { view: 'people' }, labelKey: 'nav.people', match: ['people'] },
  { route: { view: 'sources' }, labelKey: 'nav.sources', match: ['sources'] },
  { route: { view: 'notes' }, labelKey: 'nav.notes', match: ['notes'] },
  { route: { view: 'packs' }, labelKey: 'nav.packs', match: ['packs'] },
  { route: { view: 'exchange' }, labelKey: 'nav.exchange', match: ['exchange'] },
  { route: { view: 'settings' }, labelKey: 'nav.settings', match: ['settings'] },
];

export function App() {
  return (
    <StoreQueries>
      <SessionGate>
        <SettingsProvider>
          <UndoProvider regionInLayout>
            <ScreenMarkingsProvider>
              <Shell />
            </ScreenMarkingsProvider>
          </UndoProvider>
        </SettingsProvider>
      </SessionGate>
    </StoreQueries>
  );
}

function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  const [searching, setSearching] = useState(false);
  // What is typed while the search box is on its way goes into it (search/typedAhead.ts).
  const typedAhead = useRef<TypedAhead | null>(null);
  const openSearch = useCallback(() => {
    typedAhead.current ??= keepTypedAhead(() => {
      typedAhead.current = null;
      setSearching(false);
    }, t('search.label'));
    setSearching(true);
  }, [t]);
  const closeSearch = useCallback(() => {
    typedAhead.current?.drop();
    typedAhead.current = null;
    setSearching(false);
  }, []);
  const takeTypedAhead = useCallback(() => {
    const typed = typedAhead.current?.take() ?? '';
    typedAhead.current = null;
    return typed;
  }, []);
  const mainContent = useRef<HTMLElement>(null);
  const lockNow = useLockNow();
  const canLock = useCanLock();
  useAutoLock(useSettings().autoLockMinutes, lockNow, canLock);

  // Attached before the first paint: a shortcut pressed as soon as the window shows must not be lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openSearch();
      }
      if (canLock && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void lockNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lockNow, canLock, openSearch]);

  // A new record's form asked for ("New meeting", a command): what is typed before it appears goes into its first
  // field (forms/typedBeforeForm.ts). Kept from the moment the link is pressed: the address changes a task later,
  // and on a busy machine a fast typist's first letters ("Call ") came before it.
  useLayoutEffect(() => keepTypedForNewForms(window, () => i18n.t('forms.typedAhead')), []);

  // A caret whose element left the page goes to the view's content, never <body> (components/caretKeeper.ts).
  useEffect(() => keepCaretInView(document, () => mainContent.current), []);

  // Letters typed on a picker choose by the name after each option's portion mark (components/pickerTypeAhead.ts).
  useEffect(() => chooseByNameAfterMark(document), []);

  // The other views' code, fetched once the page is idle after this first view, so moving to one does not wait.
  useEffect(() => preloadViews(laterViews), []);

  // A new view starts at the top with focus on its content, as a page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change by design
  useEffect(() => {
    window.scrollTo(0, 0);
    // A view that put the caret in its own first field (a new record's form) keeps it there.
    const content = document.getElementById('main-content');
    // So does the stand-in keeping what is typed for a form on its way (an input method composes in it).
    const active = document.activeElement;
    if (!content?.contains(active) && !active?.classList.contains('typed-ahead')) content?.focus({ preventScroll: true });
  }, [hrefOf(route)]);

  return (
    <div className="app">
      <ScreenBanner edge="top" />
      <button type="button" className="skip-link" onClick={() => document.getElementById('main-content')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <header className="app-header">
        <a className="brand" href={hrefOf({ view: 'today' })}>
          {t('app.name')}
        </a>
        <button type="button" className="search-button" onClick={openSearch} aria-keyshortcuts="Control+K Meta+K">
          <span>{t('app.searchButton')}</span> <kbd>{t('app.searchShortcut')}</kbd>
        </button>
        {canLock && (
          <button type="button" className="lock-button" onClick={() => void lockNow()} aria-keyshortcuts="Control+L Meta+L">
            <span>{t('session.lockNow')}</span> <kbd>{t('session.lockShortcut')}</kbd>
          </button>
        )}
      </header>
      <nav className="sidebar" aria-label={t('app.mainNavigation')}>
        <ul>
          {navigation.map((item) => (
            <li key={item.labelKey}>
              <a href={hrefOf(item.route)} aria-current={item.match.includes(route.view) ? 'page' : undefined}>
                {t(item.labelKey)}
              </a>
            </li>
          ))}
          <ConflictsNavItem current={route.view} />
          <SyncNavItem />
        </ul>
      </nav>
      <main className="content" id="main-content" tabIndex={-1} ref={mainContent}>
        <BoxesOnPage page={mainContent} />
        <StoreWritesLine />
        <DraftRecovery />
        <ViewBoundary resetKey={hrefOf(route)}>
          <Suspense fallback={<ViewLoading />}>
            <CurrentView route={route} />
          </Suspense>
        </ViewBoundary>
      </main>
      {searching && (
        <Suspense fallback={null}>
          <SearchPalette onClose={closeSearch} takeTypedAhead={takeTypedAhead} />
        </Suspense>
      )}
      {/* The foot of the window: the status line sits in a row of its own above the banner, never over the view. */}
      <div className="window-foot">
        <ToastRegion />
        <ScreenBanner edge="bottom" />
      </div>
    </div>
  );
}

/** Shown only while a view's code is still being fetched (a click in the first moments after start), as a view shows its data loading. */
function ViewLoading() {
  const { t } = useTranslation();
  return <p className="muted">{t('app.loading')}</p>;
}

function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'summit':
      return <SummitView id={route.id} />;
    case 'meeting':
      return <MeetingBriefView id={route.id} biographyOf={route.biographyOf} />;
    case 'summits':
      return <SummitList />;
    case 'sectors':
      return route.id ? <SectorView id={route.id} /> : <ProgrammeList />;
    case 'timeline':
      return <TimelineView />;
    case 'people':
      return route.id ? <PersonView id={route.id} /> : <PeopleList />;
    case 'sources':
      return <SourcesView />;
    case 'settings':
      // Not keyed by the home zone: the zone field shows the stored zone once saved by itself (SettingsView's
      // typedZone), and starting the view again on that save wiped what was being typed in its other fields.
      return <SettingsView />;
    case 'new':
      return <NewRecordView entity={route.entity} defaults={route.defaults ?? {}} />;
    case 'edit':
      return <EditRecordView entity={route.entity} id={route.id} />;
    case 'notes':
      return <NotesView id={route.id} />;
    case 'packs':
      return <PacksView />;
    case 'conflicts':
      return <ConflictsView />;
    case 'conflict':
      return <RecordConflictView record={route.record} />;
    case 'exchange':
      return <ExchangeView />;
    case 'notFound':
      return <NotFound />;
    default:
      return <Dashboard />;
  }
}
