import type { TFunction } from 'i18next';
import type { Route } from '../router.ts';

export interface Command {
  id: string;
  label: string;
  route: Route;
}

/** The palette's actions. New note and packs open routes the notes and packs areas provide. */
export function commandsFor(t: TFunction): Command[] {
  const goTo = (id: string, route: Route, view: string): Command => ({ id: `go-${id}`, label: t('commands.goTo', { view }), route });
  return [
    { id: 'new-meeting', label: t('commands.newMeeting'), route: { view: 'new', entity: 'meeting' } },
    { id: 'new-note', label: t('commands.newNote'), route: { view: 'notes' } },
    { id: 'export-pack', label: t('commands.exportPack'), route: { view: 'packs' } },
    { id: 'new-summit', label: t('commands.newSummit'), route: { view: 'new', entity: 'summit' } },
    { id: 'new-person', label: t('commands.newPerson'), route: { view: 'new', entity: 'person' } },
    { id: 'new-source', label: t('commands.newSource'), route: { view: 'new', entity: 'source' } },
    { id: 'new-country', label: t('records.newCountry'), route: { view: 'new', entity: 'country' } },
    { id: 'new-programme', label: t('records.newProgramme'), route: { view: 'new', entity: 'programme' } },
    { id: 'new-timeline-event', label: t('timeline.newEvent'), route: { view: 'new', entity: 'timelineEvent' } },
    goTo('today', { view: 'today' }, t('nav.today')),
    goTo('summits', { view: 'summits' }, t('nav.summits')),
    goTo('sectors', { view: 'sectors' }, t('nav.sectors')),
    goTo('timeline', { view: 'timeline' }, t('nav.timeline')),
    goTo('people', { view: 'people' }, t('nav.people')),
    goTo('sources', { view: 'sources' }, t('nav.sources')),
    goTo('exchange', { view: 'exchange' }, t('nav.exchange')),
    goTo('settings', { view: 'settings' }, t('nav.settings')),
  ];
}
