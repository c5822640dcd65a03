// What each query shows of the store, and so which changes make it stale: a
// change event names the records a write touched, and only the queries that
// depend on them are fetched again (Joplin's NOTE_UPDATE_ONE, not "reload all").
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ChangedEntity, ChangeEvent, Channel, Request, Response, Touched } from '../../shared/contract.ts';
import type { Note } from '../../shared/domain.ts';

/**
 * One thing a query shows: a record by id (any change to it), every record of
 * an entity (any change to any), or which records exist (one joining or
 * leaving, not one being edited: a list whose entries are kept current another way).
 */
export type Dependency = { entity: ChangedEntity; id: number } | { entity: ChangedEntity; only?: 'membership' };

/**
 * The channels a view reads through a query; writes and commands go through
 * `call`, and so does asking what refers to a record just before deleting it.
 */
export type ReadChannel = Exclude<
  Channel,
  `${string}.${'create' | 'update' | 'delete' | 'references' | 'undo' | 'link' | 'setBiography' | 'save' | 'setParticipants' | 'trash' | 'restore' | 'emptyTrash' | 'restoreRevision' | 'export' | 'cancelExport' | ExchangeCommand}`
>;

/** The Exchange screen's commands: renaming the desk, saving its card, contacts joining or leaving, handing over, opening and merging a bundle. */
type ExchangeCommand = 'rename' | 'saveCard' | 'add' | 'remove' | 'stage' | 'inspect' | 'import';

const all = (...entities: ChangedEntity[]): Dependency[] => entities.map((entity) => ({ entity }));
const byId = (entity: ChangedEntity) => (request: { id: number }) => [{ entity, id: request.id }];
const joiningOrLeaving = (entity: ChangedEntity): Dependency => ({ entity, only: 'membership' });
const everyEntity: ChangedEntity[] = [
  'summit',
  'meeting',
  'person',
  'country',
  'source',
  'programme',
  'sector',
  'sectorEntry',
  'timelineEvent',
  'followUp',
  'note',
];

const dependencies: { [K in ReadChannel]: (request: Request<K>) => Dependency[] } = {
  'dashboard.get': () => all('summit', 'meeting', 'followUp', 'note'),
  'summit.list': () => all('summit'),
  'summit.get': byId('summit'),
  'summit.view': ({ id }) => [{ entity: 'summit', id }, ...all('meeting', 'timelineEvent', 'person', 'sector', 'sectorEntry')],
  'meeting.get': byId('meeting'),
  // Its annotations are patched in place when one is edited (noteHolders below).
  'meeting.brief': ({ id }) => [{ entity: 'meeting', id }, ...all('summit', 'person', 'followUp', 'source'), joiningOrLeaving('note')],
  'person.list': () => all('person'),
  'person.get': byId('person'),
  'person.view': ({ id }) => [{ entity: 'person', id }, ...all('country', 'meeting')],
  'country.list': () => all('country'),
  'country.get': byId('country'),
  'source.list': () => all('source'),
  'source.get': byId('source'),
  'programme.list': () => all('programme', 'sector'),
  'programme.get': byId('programme'),
  'sector.get': byId('sector'),
  // Entries carry a count of their annotations: it changes when one is added or trashed, not edited.
  'sector.view': ({ id }) => [{ entity: 'sector', id }, ...all('programme', 'sectorEntry'), joiningOrLeaving('note')],
  'sectorEntry.get': byId('sectorEntry'),
  'timeline.list': () => all('timelineEvent'),
  'timelineEvent.get': byId('timelineEvent'),
  'followUp.get': byId('followUp'),
  'search.query': () => all(...everyEntity),
  'settings.get': () => all('settings'),
  'backup.list': () => all('backup'),
  'note.get': byId('note'),
  'note.listFor': () => [joiningOrLeaving('note')],
  'note.revisions': byId('note'),
  'note.list': () => [joiningOrLeaving('note')],
  // Tags change with a note's edit too: refreshed when the edited note's tags differ (refreshNote).
  'note.tags': () => [joiningOrLeaving('note')],
  'note.listTrash': () => [joiningOrLeaving('note')],
  'pack.list': () => all('pack'),
  'pack.get': byId('pack'),
  // Polled while an export runs; no store change bears on it.
  'pack.exportStatus': () => [],
  // What a pack would print unmarked: any marking, record or pack change bears on it.
  'pack.unmarked': () => all(...everyEntity, 'pack', 'settings'),
  // What a pack would print: any record of its summit, and the settings (home zone, scheme).
  'pack.preview': () => all(...everyEntity, 'pack', 'settings'),
  // A meeting's own biographies change with that meeting (meeting.setBiography says so).
  'meeting.biographies': byId('meeting'),
  'desk.card': () => all('desk'),
  'contact.list': () => all('contact'),
  // Any record of the summit, or any record picked, may join the bundle or change its marking.
  'bundle.contents': () => all(...everyEntity),
};

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
  const of = dependencies[channel] as ((request: never) => Dependency[]) | undefined;
  return of ? of(request) : [];
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
