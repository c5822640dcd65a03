import { useEffect, useState } from 'react';

/** The views a desk officer moves between; the URL hash holds the current one so reloads keep it. */
export type Route =
  | { view: 'today' }
  | { view: 'summits' }
  | { view: 'summit'; id: number }
  /** `biographyOf`: opened at the biography written for this meeting of that person (a search hit's). */
  | { view: 'meeting'; id: number; biographyOf?: number }
  | { view: 'sectors'; id?: number }
  | { view: 'timeline' }
  | { view: 'people'; id?: number }
  | { view: 'sources' }
  | { view: 'settings' }
  | { view: 'notes'; id?: number }
  | { view: 'packs' }
  | { view: 'conflicts' }
  /** One record's conflict, by the record's id shared by every desk (`meeting:…`). */
  | { view: 'conflict'; record: string }
  | { view: 'exchange' }
  | { view: 'notFound' }
  | { view: 'new'; entity: FormEntity; defaults?: Record<string, number> }
  | { view: 'edit'; entity: FormEntity; id: number };

/** Records with a create/edit form of their own route. */
export const formEntities = [
  'summit',
  'meeting',
  'person',
  'country',
  'programme',
  'source',
  'sector',
  'sectorEntry',
  'timelineEvent',
  'followUp',
] as const;
export type FormEntity = (typeof formEntities)[number];
const isFormEntity = (name: string | undefined): name is FormEntity => formEntities.some((entity) => entity === name);

const isRecordId = (id: number) => Number.isSafeInteger(id) && id > 0;

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, rawId, rawFormId, ...beyond] = path.split('/');
  // An id no record can have (0, or past 2^53 where Number() rounds) names nothing: "not found", not a validator's refusal.
  if ([rawId, rawFormId].some((raw) => raw !== undefined && /^\d+$/.test(raw) && !isRecordId(Number(raw)))) return { view: 'notFound' };
  // A mistyped address ("#/meeting/12a", a pasted link cut short) says so rather than quietly opening another page.
  if (beyond.length > 0 || (rawFormId !== undefined && view !== 'edit')) return { view: 'notFound' };
  if (rawId !== undefined && rawId !== '' && !/^\d+$/.test(rawId) && !['new', 'edit', 'conflict'].includes(view ?? ''))
    return { view: 'notFound' };
  const id = rawId && /^\d+$/.test(rawId) ? Number(rawId) : undefined;
  // Numeric query parameters preset a new record's links, e.g. #/new/meeting?summitId=1.
  const defaults: Record<string, number> = {};
  for (const [key, value] of new URLSearchParams(query))
    if (/^\d+$/.test(value) && isRecordId(Number(value))) defaults[key] = Number(value);
  switch (view) {
    case 'new':
      if (!isFormEntity(rawId)) return { view: 'notFound' };
      return Object.keys(defaults).length > 0 ? { view: 'new', entity: rawId, defaults } : { view: 'new', entity: rawId };
    case 'edit':
      return isFormEntity(rawId) && rawFormId && /^\d+$/.test(rawFormId)
        ? { view: 'edit', entity: rawId, id: Number(rawFormId) }
        : { view: 'notFound' };
    case 'sources':
    case 'settings':
    case 'packs':
    case 'conflicts':
    case 'exchange':
      return { view };
    case 'conflict': {
      const record = rawId === undefined ? '' : safeDecode(rawId);
      return syncRecordId.test(record) ? { view: 'conflict', record } : { view: 'conflicts' };
    }
    case 'notes':
      return id ? { view: 'notes', id } : { view: 'notes' };
    case 'summits':
      return { view: 'summits' };
    case 'summit':
      return id ? { view: 'summit', id } : { view: 'summits' };
    case 'meeting':
      if (!id) return { view: 'today' };
      return defaults.biography ? { view: 'meeting', id, biographyOf: defaults.biography } : { view: 'meeting', id };
    case 'sectors':
      return id ? { view: 'sectors', id } : { view: 'sectors' };
    case 'timeline':
      return { view: 'timeline' };
    case 'notFound':
      return { view: 'notFound' };
    case 'people':
      return id ? { view: 'people', id } : { view: 'people' };
    case '':
    case 'today':
      return { view: 'today' };
    default:
      return { view: 'notFound' };
  }
}

const syncRecordId = /^[a-z_]+:[0-9a-f]{32}(\.[0-9a-f]{32})?$/;
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

export function hrefOf(route: Route): string {
  if (route.view === 'conflict') return `#/conflict/${encodeURIComponent(route.record)}`;
  if (route.view === 'edit') return `#/edit/${route.entity}/${route.id}`;
  if (route.view === 'new') {
    const query = new URLSearchParams(Object.entries(route.defaults ?? {}).map(([key, value]) => [key, String(value)])).toString();
    return `#/new/${route.entity}${query ? `?${query}` : ''}`;
  }
  const id = 'id' in route && route.id !== undefined ? `/${route.id}` : '';
  if (route.view === 'meeting' && route.biographyOf !== undefined) return `#/meeting${id}?biography=${route.biographyOf}`;
  return `#/${route.view}${id}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/**
 * Goes to a route. With `replace`, the current page leaves the history: a
 * form just saved is not where Back should lead (a blank "New …" form again
 * invites the same record twice).
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  if (options.replace) window.location.replace(hrefOf(route));
  else window.location.hash = hrefOf(route);
}
