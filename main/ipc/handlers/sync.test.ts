import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, Channel, Request, Response } from '../../../shared/contract.ts';
import { type Core, createCore } from '../../core.ts';
import { createChromiumEngine } from '../../pdf/chromiumEngine.ts';
import { tempDataDir } from '../../storeFaults.helpers.ts';
import { startTestServer, type TestServer } from '../../sync/testServer.ts';

// Settings → Sync through the one composition root: a desk configured over
// the dispatch replicates in the background, is nudged by every save, tells
// every window its state and what it pulled, and stops before the store closes.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function desk(): { core: Core; events: ChangeEvent[]; folder: string } {
  const folder = tempDataDir();
  const events: ChangeEvent[] = [];
  const core = createCore({
    dataDir: folder,
    engine: createChromiumEngine(),
    dailyBackups: false,
    onChange: (event) => events.push(event),
  });
  cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
  cleanups.push(() => core.stop());
  return { core, events, folder };
}

async function call<K extends Channel>(core: Core, channel: K, request: Request<K>): Promise<Response<K>> {
  const result = await core.dispatch(channel, request);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as Response<K>;
}

/** Resolves when the state line says `state`, as a window would learn it from a change event. */
function stateBecomes(core: Core, events: ChangeEvent[], state: string): Promise<void> {
  return new Promise((resolve) => {
    const look = async () => {
      if ((await call(core, 'sync.status', {})).status.state === state) return resolve();
      const seen = events.length;
      const wait = setInterval(() => {
        if (events.length > seen) {
          clearInterval(wait);
          void look();
        }
      }, 5);
    };
    void look();
  });
}

let server: TestServer;

describe('live replication wired into the core', () => {
  it('makes the desk keys at set-up, refuses a plain-http server elsewhere at the url field, and leaves replication off', async () => {
    const { core } = desk();
    expect(core.db.prepare('SELECT count(*) FROM desk_key').pluck().get()).toBe(1);
    const refused = await core.dispatch('sync.configure', {
      url: 'http://couch.desk.example:5984',
      username: 'kim',
      password: 'x',
      summitIds: [],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'url', message: expect.stringMatching(/https/) } });
    expect((await call(core, 'sync.status', {})).account).toBeNull();
    const inUrl = await core.dispatch('sync.configure', { url: 'https://kim:pw@couch.desk.example', username: '', summitIds: [] });
    expect(inUrl).toMatchObject({ ok: false, error: { field: 'url' } });
  });

  it('never sends the stored password to another server or user: a new address or user name asks for it again, and nothing saved changes', async () => {
    const { core } = desk();
    // A closed port on this machine: the round fails, nothing leaves it.
    await call(core, 'sync.configure', { url: 'http://127.0.0.1:9', username: 'kim', password: 'Desk-pass-1', summitIds: [] });
    const saved = core.db.prepare('SELECT url, username, password_sealed FROM sync_account').all();
    for (const change of [
      { url: 'https://couch.desk.exmple:6984', username: 'kim' },
      { url: 'http://127.0.0.1:9', username: 'lee' },
    ]) {
      const refused = await core.dispatch('sync.configure', { ...change, summitIds: [] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'password' } });
      expect(core.db.prepare('SELECT url, username, password_sealed FROM sync_account').all()).toEqual(saved);
    }
    // The same server and user keep the stored password (changing only the summits shared).
    expect(await core.dispatch('sync.configure', { url: 'http://127.0.0.1:9/', username: 'kim', summitIds: [] })).toMatchObject({
      ok: true,
    });
  });

  it('replicates a shared summit to a second desk in the background and tells the windows', async () => {
    server = await startTestServer();
    cleanups.push(() => server.stop());
    const a = desk();
    const b = desk();
    const summit = await call(a.core, 'summit.create', {
      title: 'Vilnius Summit',
      city: 'Vilnius',
      countryId: null,
      startDate: '2023-07-11',
      endDate: '2023-07-12',
      timeZone: 'Europe/Vilnius',
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    const configured = await call(a.core, 'sync.configure', {
      url: server.url,
      username: 'kim',
      password: 'Desk-pass-1',
      summitIds: [summit.id],
    });
    expect(configured.account).toMatchObject({ url: server.url, username: 'kim', passwordSet: true });
    expect(configured.summits).toContainEqual(expect.objectContaining({ summitId: summit.id, shared: true }));
    // The sample summit is not shared: only what the officer ticks.
    expect(configured.summits.filter((choice) => choice.shared)).toHaveLength(1);
    await stateBecomes(a.core, a.events, 'up-to-date');
    // The password typed in Settings is nowhere in the data folder, the plain (unencrypted) store included.
    a.core.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const name of fs.readdirSync(a.folder, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(a.folder, name);
      if (fs.statSync(file).isFile()) expect(fs.readFileSync(file).includes(Buffer.from('Desk-pass-1')), name).toBe(false);
    }

    // B is told the summit's database name (A's panel shows it) and joins it: the reference database carries no
    // summit (2750), so nothing of it is offered to a desk that does not ask for its database.
    const database = configured.summits.find((choice) => choice.summitId === summit.id)?.database ?? '';
    const joining = await call(b.core, 'sync.configure', {
      url: server.url,
      username: 'lee',
      password: 'Other-pass',
      summitIds: [],
      joinDatabases: [database],
    });
    expect(joining.joining).toEqual([database]);
    const seen = await call(b.core, 'sync.now', {});
    // Its first exchange brings it, title and all, shared; nothing is left waiting to be joined.
    expect(seen.summits.find((choice) => choice.title === 'Vilnius Summit')).toMatchObject({ shared: true, database });
    expect(seen.joining).toEqual([]);
    expect(b.events).toContainEqual(
      expect.objectContaining({
        channel: 'sync.status',
        touched: expect.arrayContaining([expect.objectContaining({ entity: 'summit', how: 'created' })]),
      }),
    );

    // A save on desk A nudges its replicator: no button pressed, no timer waited for.
    await call(a.core, 'note.create', { title: 'Ask', body: 'Raise the ITPP sectors', tags: [], classification: 'NATO RESTRICTED' });
    const noteId = (await call(a.core, 'note.list', {}))[0]?.id ?? 0;
    await call(a.core, 'note.link', { id: noteId, link: { summitId: summit.id } });
    await stateBecomes(a.core, a.events, 'up-to-date');
    await call(b.core, 'sync.now', {});
    expect((await call(b.core, 'note.list', {})).map((note) => note.body)).toEqual(['Raise the ITPP sectors']);
    expect(b.events).toContainEqual(
      expect.objectContaining({ touched: expect.arrayContaining([expect.objectContaining({ entity: 'note', how: 'created' })]) }),
    );

    // Disconnecting forgets the server; the records stay.
    const after = await call(b.core, 'sync.disconnect', {});
    expect(after).toMatchObject({ account: null, status: { state: 'off' } });
    expect((await call(b.core, 'note.list', {})).length).toBe(1);
  });
});
