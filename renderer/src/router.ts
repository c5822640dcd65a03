import { useEffect, useState } from 'react';

/** The views a desk officer moves between; the URL hash holds the current one so reloads keep it. */
export type Route =
  | { view: 'today' }
  | { view: 'summits' }
  | { view: 'summit'; id: number }
  | { view: 'meeting'; id: number }
  | { view: 'sectors'; id?: number }
  | { view: 'timeline' }
  | { view: 'people'; id?: number };

export function parseRoute(hash: string): Route {
  const [view, rawId] = hash.replace(/^#\/?/, '').split('/');
  const id = rawId && /^\d+$/.test(rawId) ? Number(rawId) : undefined;
  switch (view) {
    case 'summits':
      return { view: 'summits' };
    case 'summit':
      return id ? { view: 'summit', id } : { view: 'summits' };
    case 'meeting':
      return id ? { view: 'meeting', id } : { view: 'today' };
    case 'sectors':
      return id ? { view: 'sectors', id } : { view: 'sectors' };
    case 'timeline':
      return { view: 'timeline' };
    case 'people':
      return id ? { view: 'people', id } : { view: 'people' };
    default:
      return { view: 'today' };
  }
}

export function hrefOf(route: Route): string {
  const id = 'id' in route && route.id !== undefined ? `/${route.id}` : '';
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
