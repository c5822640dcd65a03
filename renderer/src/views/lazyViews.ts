import { type LazyView, lazyView } from '../components/lazyView.ts';
import type { Route } from '../router.ts';

// Every view but Today, each in its own part of the bundle (components/lazyView.ts):
// Sherpa opens on Today, so a start fetches and parses only the shell and Today.
// The others are fetched when the page is idle after Today has painted.

export const SummitList = lazyView(() => import('./Summit.tsx').then((module) => module.SummitList));
export const SummitView = lazyView(() => import('./Summit.tsx').then((module) => module.SummitView));
export const MeetingBriefView = lazyView(() => import('./MeetingBrief.tsx').then((module) => module.MeetingBriefView));
export const ProgrammeList = lazyView(() => import('./Sectors.tsx').then((module) => module.ProgrammeList));
export const SectorView = lazyView(() => import('./Sectors.tsx').then((module) => module.SectorView));
export const TimelineView = lazyView(() => import('./Timeline.tsx').then((module) => module.TimelineView));
export const PeopleList = lazyView(() => import('./People.tsx').then((module) => module.PeopleList));
export const PersonView = lazyView(() => import('./People.tsx').then((module) => module.PersonView));
export const SourcesView = lazyView(() => import('./Sources.tsx').then((module) => module.SourcesView));
export const SettingsView = lazyView(() => import('./SettingsView.tsx').then((module) => module.SettingsView));
export const NewRecordView = lazyView(() => import('../forms/FormView.tsx').then((module) => module.NewRecordView));
export const EditRecordView = lazyView(() => import('../forms/FormView.tsx').then((module) => module.EditRecordView));
export const NotesView = lazyView(() => import('../notes/NotesView.tsx').then((module) => module.NotesView));
export const PacksView = lazyView(() => import('../packs/PacksView.tsx').then((module) => module.PacksView));
export const ConflictsView = lazyView(() => import('../conflicts/ConflictsView.tsx').then((module) => module.ConflictsView));
export const RecordConflictView = lazyView(() => import('../conflicts/RecordConflictView.tsx').then((module) => module.RecordConflictView));
export const ExchangeView = lazyView(() => import('../exchange/ExchangeView.tsx').then((module) => module.ExchangeView));
export const SearchPalette = lazyView(() => import('../search/SearchPalette.tsx').then((module) => module.SearchPalette));

/** Fetched in this order when the page is idle: the views a desk opens first come first. */
export const laterViews: readonly LazyView<never>[] = [
  SearchPalette,
  SummitView,
  MeetingBriefView,
  NotesView,
  SummitList,
  ProgrammeList,
  SectorView,
  PeopleList,
  PersonView,
  TimelineView,
  SourcesView,
  PacksView,
  ExchangeView,
  NewRecordView,
  EditRecordView,
  SettingsView,
  ConflictsView,
  RecordConflictView,
];

/**
 * The view a route opens, when it is not in the shell. Sherpa opened on a
 * summit or a brief (a bookmark, a reload) fetches that view's code at once,
 * beside the shell, not after the shell has rendered and found it missing.
 */
export function viewOfRoute(route: Route): LazyView<never> | undefined {
  switch (route.view) {
    case 'summit':
      return SummitView;
    case 'meeting':
      return MeetingBriefView;
    case 'summits':
      return SummitList;
    case 'sectors':
      return route.id ? SectorView : ProgrammeList;
    case 'timeline':
      return TimelineView;
    case 'people':
      return route.id ? PersonView : PeopleList;
    case 'sources':
      return SourcesView;
    case 'settings':
      return SettingsView;
    case 'new':
      return NewRecordView;
    case 'edit':
      return EditRecordView;
    case 'notes':
      return NotesView;
    case 'packs':
      return PacksView;
    case 'conflicts':
      return ConflictsView;
    case 'conflict':
      return RecordConflictView;
    case 'exchange':
      return ExchangeView;
    default:
      return undefined;
  }
}
