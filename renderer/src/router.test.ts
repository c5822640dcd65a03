import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './router.ts';

describe('routes in the URL hash', () => {
  it('round-trips every kind of route', () => {
    const routes: Route[] = [
      { view: 'today' },
      { view: 'summit', id: 3 },
      { view: 'meeting', id: 12 },
      { view: 'meeting', id: 12, biographyOf: 7 },
      { view: 'sectors', id: 4 },
      { view: 'people' },
      { view: 'settings' },
      { view: 'new', entity: 'meeting', defaults: { summitId: 1 } },
      { view: 'new', entity: 'person' },
      { view: 'edit', entity: 'sectorEntry', id: 9 },
      { view: 'notes', id: 5 },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('still opens an edit link of an older version, whose query named where the record was', () => {
    expect(parseRoute('#/edit/followUp/3?meetingId=1')).toEqual({ view: 'edit', entity: 'followUp', id: 3 });
  });

  it('opens Today for an empty address only', () => {
    for (const hash of ['', '#', '#/', '#/today']) expect(parseRoute(hash), hash).toEqual({ view: 'today' });
  });

  it('says "not found" for a mistyped address instead of quietly opening another page', () => {
    for (const hash of [
      '#/meeting/abc',
      '#/summit/abc',
      '#/summit/12a',
      '#/people/-1',
      '#/notes/1.5',
      '#/sectors/x',
      '#/edit/meeting/abc',
      '#/edit/meeting',
      '#/edit/nonsense/3',
      '#/new/nonsense',
      '#/whatever',
      '#/meeting/3/extra',
    ])
      expect(parseRoute(hash), hash).toEqual({ view: 'notFound' });
  });

  it('sends an id no record can have to "not found", whatever the view', () => {
    for (const hash of ['#/meeting/99999999999999999999', '#/summit/9007199254740993', '#/people/0', '#/edit/summit/99999999999999999999'])
      expect(parseRoute(hash), hash).toEqual({ view: 'notFound' });
    expect(parseRoute('#/meeting/9007199254740991')).toEqual({ view: 'meeting', id: 9007199254740991 });
  });

  it('drops a form default that is not a record id instead of passing it on', () => {
    expect(parseRoute('#/new/meeting?summitId=99999999999999999999')).toEqual({ view: 'new', entity: 'meeting' });
  });
});

describe('links', () => {
  it('are built from typed routes: no view writes a #/ address by hand', () => {
    const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}', '!./router.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const handWritten = Object.entries(sources).filter(([, text]) => /['"`]#\//.test(text.replace(/^\s*(\/\/|\/\*|\*).*$/gm, '')));
    expect(handWritten.map(([file]) => file)).toEqual([]);
  });
});
