import fs from 'node:fs';
import { afterEach } from 'vitest';
import type { Channel, EntityInput, Request, Response } from '../../shared/contract.ts';
import { type Core, createCore } from '../core.ts';
import type { PdfEngine } from '../pdf/engine.ts';
import { tempDataDir } from '../storeFaults.helpers.ts';

// What the team trials' tests share: whole desks (a composition root over a
// data folder of its own) that a test starts, and a Pacific summit and meeting
// to fill them with. Each desk is stopped and its folder removed after the test.

const noPrinting: PdfEngine = {
  name: 'none',
  print: () => Promise.reject(new Error('this test prints nothing')),
  close: async () => undefined,
};

/** Registers the test file's clean-up; `desk()` opens a desk, `cleanups` takes what else a test starts (a server). */
export function teamDesks() {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const desk = (): Core => {
    const folder = tempDataDir();
    const core = createCore({ dataDir: folder, engine: noPrinting, dailyBackups: false });
    cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
    cleanups.push(() => core.stop());
    return core;
  };
  return { desk, cleanups };
}

/** A request through the desk's dispatch, as the renderer's bridge makes it; a refusal throws with its code and field. */
export async function call<K extends Channel>(core: Core, channel: K, request: Request<K>): Promise<Response<K>> {
  const result = await core.dispatch(channel, request);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as Response<K>;
}

export const summit = (title: string, timeZone: string): EntityInput<'summit'> => ({
  title,
  city: '',
  countryId: null,
  startDate: '2026-08-24',
  endDate: '2026-08-28',
  timeZone,
  description: '',
  sourceId: null,
  classification: 'NATO UNCLASSIFIED',
});

export const meeting = (summitId: number, title: string): EntityInput<'meeting'> => ({
  summitId,
  title,
  format: 'bilateral',
  startsAt: '2026-08-24T21:00:00Z',
  startTimeKnown: true,
  durationMinutes: 30,
  timeZone: 'Pacific/Tongatapu',
  venue: '',
  interpreters: '',
  press: 'closed',
  purpose: 'Agree the fisheries follow-up.',
  objectives: '',
  theirAsks: '',
  pointsToMake: '',
  linesToTake: '',
  defensivePoints: '',
  background: '',
  sensitivities: '',
  protocolNotes: '',
  pressLine: '',
  outcome: '',
  status: 'planned',
  counterpartId: null,
  sourceId: null,
  classification: 'NATO RESTRICTED',
});

/**
 * Connects `core` to the server and joins the summits of these titles that `sharer` shares, by the database
 * names `sharer`'s Sync panel shows (the colleague reads them out: the reference database carries no summit,
 * migration 2750); answers their ids on `core` once received, by title. What `core` shared already stays.
 */
export async function joinShared(
  core: Core,
  sharer: Core,
  account: { url: string; username: string; password?: string },
  titles: readonly string[],
): Promise<Map<string, number>> {
  const databases = (await call(sharer, 'sync.status', {})).summits
    .filter((choice) => choice.shared && titles.includes(choice.title))
    .map((choice) => choice.database);
  const before = await call(core, 'sync.status', {});
  const summitIds = before.summits.filter((choice) => choice.shared).map((choice) => choice.summitId);
  await call(core, 'sync.configure', {
    url: account.url,
    username: account.username,
    ...(account.password === undefined ? {} : { password: account.password }),
    summitIds,
    joinDatabases: [...before.joining, ...databases],
  });
  const received = (await call(core, 'sync.now', {})).summits.filter((choice) => titles.includes(choice.title));
  return new Map(received.map((choice) => [choice.title, choice.summitId]));
}
