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
});
