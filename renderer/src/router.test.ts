import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './router.ts';

describe('routes in the URL hash', () => {
  it('round-trips every kind of route', () => {
    const routes: Route[] = [
      { view: 'today' },
      { view: 'summit', id: 3 },
      { view: 'meeting', id: 12 },
      { view: 'sectors', id: 4 },
      { view: 'people' },
      { view: 'settings' },
      { view: 'new', entity: 'meeting', defaults: { summitId: 1 } },
      { view: 'edit', entity: 'sectorEntry', id: 9, defaults: { sectorId: 2 } },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('falls back to Today for anything it does not know', () => {
    expect(parseRoute('#/edit/meeting/abc')).toEqual({ view: 'today' });
    expect(parseRoute('#/new/nonsense')).toEqual({ view: 'today' });
    expect(parseRoute('#/whatever')).toEqual({ view: 'today' });
  });

  it('sends an id no record can have to "not found", whatever the view', () => {
    for (const hash of ['#/meeting/99999999999999999999', '#/summit/9007199254740993', '#/people/0', '#/edit/summit/99999999999999999999'])
      expect(parseRoute(hash), hash).toEqual({ view: 'notFound' });
    expect(parseRoute('#/meeting/9007199254740991')).toEqual({ view: 'meeting', id: 9007199254740991 });
  });

  it('drops a form default that is not a record id instead of passing it on', () => {
    expect(parseRoute('#/new/meeting?summitId=99999999999999999999')).toEqual({ view: 'new', entity: 'meeting', defaults: {} });
  });
});
