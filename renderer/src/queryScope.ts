// What each query shows of the store, and so which changes make it stale: a
// change event names the records a write touched, and only the queries that
// depend on them are fetched again (Joplin's NOTE_UPDATE_ONE, not "reload all").
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { type ChangeEvent, channelEffects, type ReadChannel, type Request, type Response, type Touched } from '../../shared/contract.ts';
import type { Note } from '../../shared/domain.ts';
import type { Dependency } from '../../shared/queryDependencies.ts';

// Each read channel declares what it shows beside its channel, in shared/contract.ts
// (`shows`): a new channel is added there alone.
export type { Dependency, ReadChannel };

/**
 * The store tells every window what changed, so nothing here goes stale by
 * time, focus or reconnecting: only a change event marks a query stale.
 * A refusal from the store is an answer, not a hiccup to retry.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Number.POSITIVE_INFINITY, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  });
}

/** The query key of a channel's answer to one request: the channel names the entity, the request the id. */
export function queryKeyOf<K extends ReadChannel>(channel: K, request: Request<K>): readonly [K, Request<K>] {
  return [channel, request];
}

export function dependenciesOf(key: QueryKey): Dependency[] {
  const [channel, request] = key as [ReadChannel, never];
  return channelEffects[channel]?.shows?.(request) ?? [];
}

function affects(dependency: Dependency, touched: Touched): boolean {
  if (dependency.entity !== touched.entity) return false;
  if ('id' in dependency) return touched.ids.includes(dependency.id);
  return dependency.only !== 'membership' || touched.how !== 'updated';
}

/** Queries whose answers hold whole notes, and how to put an edited note in place. */
const noteHolders: Partial<{ [K in ReadChannel]: (answer: Response<K>, note: Note) => Response<K> }> = {
  'note.list': (notes, note) => notes.map((each) => (each.id === note.id ? note : each)),
  'note.listFor': (notes, note) => notes.map((each) => (each.id === note.id ? note : each)),
  'meeting.brief': (brief, note) => ({ ...brief, annotations: brief.annotations.map((each) => (each.id === note.id ? note : each)) }),
};
const notesIn = (key: QueryKey, answer: unknown): readonly Note[] => {
  const channel = key[0] as ReadChannel;
  // Not read yet, or refused: nothing to patch.
  if (answer === undefined) return [];
  if (channel === 'meeting.brief') return (answer as Response<'meeting.brief'>).annotations;
  return channel in noteHolders ? (answer as Note[]) : [];
};

/**
 * Makes the cache agree with one change event: nothing kept once Sherpa is
 * locked, everything refetched after a restore or an unlock, otherwise just
 * the queries that depend on what was touched. Active queries are fetched
 * again at once; others on their next use.
 */
export async function applyChange(client: QueryClient, event: ChangeEvent, fetchNote: (id: number) => Promise<Note>): Promise<void> {
  if (event.scope === 'locked') {
    // No record may stay in the page's memory while locked.
    client.clear();
    return;
  }
  if (event.scope === 'everything') {
    await client.invalidateQueries();
    return;
  }
  await client.invalidateQueries({
    predicate: (query) =>
      dependenciesOf(query.queryKey).some((dependency) => event.touched.some((touched) => affects(dependency, touched))),
  });
  const edited = event.touched
    .filter((touched) => touched.entity === 'note' && touched.how === 'updated')
    .flatMap((touched) => touched.ids);
  await Promise.all(edited.map((id) => refreshNote(client, id, fetchNote)));
}

/** Puts an edited note into every list that shows it, reading it once (the note's own query, if any, shares the read). */
async function refreshNote(client: QueryClient, id: number, fetchNote: (id: number) => Promise<Note>): Promise<void> {
  const holders = client
    .getQueryCache()
    .findAll({ predicate: (query) => notesIn(query.queryKey, query.state.data).some((note) => note.id === id) });
  if (holders.length === 0) return;
  let note: Note;
  try {
    note = await client.fetchQuery({
      queryKey: queryKeyOf('note.get', { id }),
      queryFn: () => fetchNote(id),
      staleTime: Number.POSITIVE_INFINITY,
    });
  } catch {
    // Gone meanwhile: its removal is a change event of its own.
    return;
  }
  let tagsChanged = false;
  for (const holder of holders) {
    const patch = noteHolders[holder.queryKey[0] as keyof typeof noteHolders] as ((answer: unknown, note: Note) => unknown) | undefined;
    const before = notesIn(holder.queryKey, holder.state.data).find((each) => each.id === id);
    if (before && before.tags.join('\n') !== note.tags.join('\n')) tagsChanged = true;
    if (patch) client.setQueryData(holder.queryKey, (answer: unknown) => (answer === undefined ? answer : patch(answer, note)));
  }
  // New tags change the counts, and which notes a list filtered by tag holds.
  if (tagsChanged) {
    await client.invalidateQueries({
      predicate: ({ queryKey: [channel, request] }) =>
        channel === 'note.tags' || (channel === 'note.list' && typeof (request as Request<'note.list'>).tag === 'string'),
    });
  }
}
