import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Channel, Request, Response } from '../../shared/contract.ts';
import { call, getBridge } from './bridge/index.ts';

export type QueryState<T> =
  | { status: 'loading'; value?: undefined; error?: undefined }
  | { status: 'ready'; value: T; error?: undefined }
  | { status: 'error'; value?: undefined; error: Error };

/** Reads a channel, and reads it again whenever any window writes to the store. */
export function useQuery<K extends Channel>(channel: K, request: Request<K>): QueryState<Response<K>> & { reload: () => void } {
  const [state, setState] = useState<QueryState<Response<K>>>({ status: 'loading' });
  const key = JSON.stringify(request);
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    call(channel, JSON.parse(key) as Request<K>).then(
      (value) => ticket === latest.current && setState({ status: 'ready', value }),
      (error: Error) => ticket === latest.current && setState({ status: 'error', error }),
    );
  }, [channel, key]);

  // Asked for in the commit, not after the first paint: the request is under way a frame sooner.
  useLayoutEffect(() => {
    // Already loading on the first render: keeping the same state spares a second render before the paint.
    setState((current) => (current.status === 'loading' ? current : { status: 'loading' }));
    load();
  }, [load]);
  useEffect(() => getBridge().onChange(() => load()), [load]);

  return { ...state, reload: load };
}
