import fs from 'node:fs';
import type { Meeting, Note, Summit } from '../../shared/domain.ts';
import type { Core } from '../core.ts';
import { call, joinShared, meeting, summit } from './teamDesks.testing.ts';
import type { TestServer } from './testServer.ts';

// The scene the G20 sync tests share: the sherpa's desk in Ottawa prepares the Johannesburg summit with a
// pull-aside with Lesotho and a note on water, and a colleague's desk receives it through the desk's server.

export const g20Title = 'G20 Johannesburg Leaders’ Summit';
export const lesothoTitle = 'Pull-aside with Lesotho';
export const waterText = 'Lesotho Highlands Water Project phase II.';

export interface G20Scene {
  g20: Summit;
  lesotho: Meeting;
  /** The note on water filed under the pull-aside. */
  water: Note;
  /** The other meetings asked for, by title. */
  meetings: Map<string, Meeting>;
}

/** Ottawa's summit with its Lesotho pull-aside and `others` meetings besides (created first), each by title. */
export async function g20Meetings(ottawa: Core, others: readonly string[] = []): Promise<Omit<G20Scene, 'water'>> {
  const g20 = await call(ottawa, 'summit.create', summit(g20Title, 'Africa/Johannesburg'));
  const meetings = new Map<string, Meeting>();
  for (const title of others) meetings.set(title, await call(ottawa, 'meeting.create', meeting(g20.id, title)));
  const lesotho = await call(ottawa, 'meeting.create', meeting(g20.id, lesothoTitle));
  return { g20, lesotho, meetings };
}

/** Ottawa's summit, its Lesotho pull-aside with the note on water, and `others` meetings besides. */
export async function g20WithLesotho(ottawa: Core, others: readonly string[] = []): Promise<G20Scene> {
  const scene = await g20Meetings(ottawa, others);
  const water = await call(ottawa, 'note.create', {
    meetingId: scene.lesotho.id,
    title: 'Water',
    body: waterText,
    tags: [],
    classification: 'NATO RESTRICTED',
  });
  return { ...scene, water };
}

export const ottawaAccount = (server: TestServer) => ({ url: server.url, username: 'ottawa', password: 'Desk-pass-1' });
export const colleagueAccount = (server: TestServer) => ({ url: server.url, username: 'colleague', password: 'Desk-pass-2' });

/** Ottawa shares the summit on `server` and `colleague` joins it: the summit's id on the colleague's desk. */
export async function sharedWith(ottawa: Core, colleague: Core, server: TestServer, g20: Summit): Promise<number> {
  await call(ottawa, 'sync.configure', { ...ottawaAccount(server), summitIds: [g20.id] });
  await call(ottawa, 'sync.now', {});
  const ids = await joinShared(colleague, ottawa, colleagueAccount(server), [g20.title]);
  return ids.get(g20.title) ?? 0;
}

/** The id on `core` of the summit's meeting of this title (0 when there is none). */
export async function meetingOn(core: Core, summitId: number, title: string): Promise<number> {
  return (await call(core, 'summit.view', { id: summitId })).meetings.find((each) => each.title === title)?.id ?? 0;
}

/** Both desks exchange, each in turn, twice: what either wrote has reached the other. */
export async function exchangeTwice(desks: readonly Core[]): Promise<void> {
  for (let round = 0; round < 2; round += 1) for (const each of desks) await call(each, 'sync.now', {});
}

/** The officer on `core` rewrites the note on water (found by its title), as the note editor saves it. */
export async function editWater(core: Core, body: string): Promise<void> {
  const water = (await call(core, 'note.list', { kind: 'all' })).find((each) => each.title === 'Water');
  await call(core, 'note.save', {
    id: water?.id ?? 0,
    baseVersion: water?.version ?? 0,
    title: 'Water',
    body,
    tags: [],
    classification: 'NATO RESTRICTED',
  });
}

const passphrase = 'Ubuntu ngumuntu ngabantu, Geneviève';

/** A bundle of the summit `summitId` of `from`, carried to `to` and imported there (for desks on networks apart). */
export async function carryBundle(from: Core, to: Core, summitId: number): Promise<void> {
  const exported = await call(from, 'bundle.export', { selection: { summitId }, recipients: [], passphrase });
  const file = fs.readFileSync(exported.path).toString('base64');
  await call(to, 'bundle.import', { file, passphrase, acceptSigner: true });
}
