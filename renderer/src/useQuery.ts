import { type QueryClient, QueryClientContext, QueryClientProvider, useQuery as useTanstackQuery } from '@tanstack/react-query';
import { createElement, type ReactNode, useContext, useEffect } from 'react';
import type { Request, Response } from '../../shared/contract.ts';
import { call, getBridge } from './bridge/index.ts';
import { applyChange, createQueryClient, queryKeyOf, type ReadChannel } from './queryScope.ts';

export type QueryState<T> =
  | { status: 'loading'; value?: undefined; error?: undefined }
  | { status: 'ready'; value: T; error?: undefined }
  | { status: 'error'; value?: undefined; error: Error };

/** The page's one cache; a component rendered outside the provider (a unit test) shares it too. */
const pageClient = createQueryClient();

export function useQueryClientOfPage(): QueryClient {
  return useContext(QueryClientContext) ?? pageClient;
}

/** The cache at the root of the page, kept in step with the store's change events. */
export function StoreQueries({ client = pageClient, children }: { client?: QueryClient; children: ReactNode }) {
  useEffect(() => listenForChanges(client), [client]);
  return createElement(QueryClientProvider, { client }, children);
}

/** Applies every change event to the cache; returns the way to stop. */
export function listenForChanges(client: QueryClient): () => void {
  return getBridge().onChange((event) => void applyChange(client, event, (id) => call('note.get', { id })));
}

export function queryOptionsOf<K extends ReadChannel>(channel: K, request: Request<K>) {
  return { queryKey: queryKeyOf(channel, request), queryFn: () => call(channel, request) };
}

/** Reads a channel through the cache: one request however many components ask, again only when a change touches it. */
export function useQuery<K extends ReadChannel>(
  channel: K,
  request: Request<K>,
): QueryState<Response<K>> & { reload: () => void; outdated: boolean } {
  const client = useQueryClientOfPage();
  const query = useTanstackQuery(queryOptionsOf(channel, request), client);
  const reload = () => void query.refetch();
  // A change made the answer held stale (it is read again as soon as shown): a view may say so rather than show the old one as current.
  const outdated = query.isStale;
  if (query.status === 'pending') return { status: 'loading', reload, outdated };
  if (query.status === 'error') return { status: 'error', error: query.error, reload, outdated };
  return { status: 'ready', value: query.data, reload, outdated };
}
