import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { g20WithLesotho, lesothoTitle, sharedWith } from './g20Scene.testing.ts';
import { call, joinShared, meeting, teamDesks } from './teamDesks.testing.ts';
import { copyOfServer, restoredServer, startTestServer } from './testServer.ts';

// Canada's G20 desk server fails and its administrator restores last night's copy: the databases are there, with
// the checkpoints of the exchanges before the copy, but not what was written since: the Brazil bilateral the
// sherpa's laptop added this morning, and the expert's desk received. The laptop is away for good. The expert's
// push skipped what it had received from that database, so the server never had the bilateral again, every desk
// said "up to date", and a colleague joining found the summit without it.

const { desk, cleanups } = teamDesks();

/** The replication checkpoints a desk holds: the server's copy of each is what a copy of the server keeps. */
const checkpointsOf = (core: Core) =>
  core.db.prepare(`SELECT id FROM sync_local WHERE substr(id, 1, 7) = '_local/'`).pluck().all() as string[];

describe('the desk’s server restored from an older copy of itself', () => {
  it('gets back from a desk that only received it what was written since the copy', async () => {
    const server = await startTestServer();
    const ottawa = desk();
    const expert = desk();
    const { g20 } = await g20WithLesotho(ottawa);
    await sharedWith(ottawa, expert, server, g20);
    await call(expert, 'sync.now', {});
    const lastNight = await copyOfServer(server, [...new Set([...checkpointsOf(ottawa), ...checkpointsOf(expert)])]);

    await call(ottawa, 'meeting.create', meeting(g20.id, 'Bilateral with Brazil'));
    await call(ottawa, 'sync.now', {});
    await call(expert, 'sync.now', {});
    // The laptop is away for good; the server comes back from last night's copy at the same address.
    await server.stop();
    const restored = await restoredServer(lastNight, server.port);
    cleanups.push(() => restored.stop());
    const refilled = await call(expert, 'sync.now', {});
    expect(refilled.status).toMatchObject({ state: 'up-to-date', waiting: 0 });
    // The officer managing the server is told its G20 database had lost a record, the bilateral this desk sent back.
    expect(refilled.status.refilled).toEqual([
      { database: refilled.summits.find((each) => each.title === g20.title)?.database, count: 1, at: expect.any(String) },
    ]);

    const newcomer = desk();
    const joined = await joinShared(newcomer, expert, { url: restored.url, username: 'newcomer', password: 'Desk-pass-3' }, [g20.title]);
    const g20OnNewcomer = joined.get(g20.title) ?? 0;
    expect(g20OnNewcomer).not.toBe(0);
    expect((await call(newcomer, 'summit.view', { id: g20OnNewcomer })).meetings.map((each) => each.title).sort()).toEqual([
      'Bilateral with Brazil',
      lesothoTitle,
    ]);
  }, 60_000);
});
