import { describe, expect, it } from 'vitest';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// Canada's G20 desk loses its server's contents: the server wiped and made again empty at its address, or another
// server put at a new one, while the sherpa's laptop, which wrote the summit, is away for good. The expert's desk
// only ever received the summit: its push skipped what it had received, so the server stayed empty of it, every
// desk said "up to date", and a colleague joining found nothing.

const { desk, cleanups } = teamDesks();

describe('the desk’s server is wiped and recreated empty at the same address', () => {
  it('is filled again by a desk that only ever received the records, so a colleague joining finds the summit whole', async () => {
    const server = await startTestServer();
    const ottawa = desk();
    const expert = desk();
    const g20 = await call(ottawa, 'summit.create', summit('G20 Johannesburg Leaders’ Summit', 'Africa/Johannesburg'));
    await call(ottawa, 'meeting.create', meeting(g20.id, 'Bilateral with South Africa'));
    await call(ottawa, 'person.create', {
      name: 'Thandiwe Nkosi-Mahlangu',
      nativeName: '',
      title: 'Sherpa of South Africa',
      countryId: null,
      biography: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    await call(ottawa, 'sync.configure', { url: server.url, username: 'ottawa', password: 'Desk-pass-1', summitIds: [g20.id] });
    await call(ottawa, 'sync.now', {});
    const account = { url: server.url, username: 'expert', password: 'Desk-pass-2' };
    await joinShared(expert, ottawa, account, [g20.title]);
    // Ottawa's laptop is lost; the server is wiped and recreated empty at the same address.
    await server.stop();
    const wiped = await startTestServer(server.port);
    cleanups.push(() => wiped.stop());
    const refilled = await call(expert, 'sync.now', {});
    expect(refilled.status).toMatchObject({ state: 'up-to-date', waiting: 0 });
    // The officer managing the server is told it had lost records, and which this desk sent back: the summit and
    // its meeting, and the reference records (the South African sherpa among them).
    const g20Database = refilled.summits.find((each) => each.title === g20.title)?.database;
    expect(
      refilled.status.refilled?.map(({ database, count }) => ({ database, count: database === g20Database ? count : count > 0 })),
    ).toEqual([
      { database: refilled.account?.referenceDatabase, count: true },
      { database: g20Database, count: 2 },
    ]);

    const newcomer = desk();
    const received = await joinShared(newcomer, expert, { ...account, username: 'newcomer' }, [g20.title]);
    const g20OnNewcomer = received.get(g20.title) ?? 0;
    expect(g20OnNewcomer).not.toBe(0);
    expect((await call(newcomer, 'summit.view', { id: g20OnNewcomer })).meetings.map((each) => each.title)).toEqual([
      'Bilateral with South Africa',
    ]);
    expect((await call(newcomer, 'person.list', {})).map((person) => person.name)).toContain('Thandiwe Nkosi-Mahlangu');
  }, 60_000);

  it('fills a server that replaced it at another address from a desk that only ever received the records', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const ottawa = desk();
    const expert = desk();
    const g20 = await call(ottawa, 'summit.create', summit('G20 Johannesburg Leaders’ Summit', 'Africa/Johannesburg'));
    await call(ottawa, 'meeting.create', meeting(g20.id, 'Pull-aside with Lesotho'));
    await call(ottawa, 'sync.configure', { url: server.url, username: 'ottawa', password: 'Desk-pass-1', summitIds: [g20.id] });
    await call(ottawa, 'sync.now', {});
    const received = await joinShared(expert, ottawa, { url: server.url, username: 'expert', password: 'Desk-pass-2' }, [g20.title]);
    // The desk moves to a new server; the expert types its address (Ottawa's laptop is away for good).
    const replacement = await startTestServer();
    cleanups.push(() => replacement.stop());
    const g20OnExpert = received.get(g20.title) ?? 0;
    await call(expert, 'sync.configure', { url: replacement.url, username: 'expert', password: 'Desk-pass-3', summitIds: [g20OnExpert] });
    const refilled = await call(expert, 'sync.now', {});
    expect(refilled.status).toMatchObject({ state: 'up-to-date', waiting: 0 });
    // A server the officer chose is new to the desk, not one that lost what it had: nothing to tell its manager.
    expect(refilled.status.refilled).toBeUndefined();

    const newcomer = desk();
    const joined = await joinShared(newcomer, expert, { url: replacement.url, username: 'newcomer', password: 'Desk-pass-4' }, [g20.title]);
    const g20OnNewcomer = joined.get(g20.title) ?? 0;
    expect(g20OnNewcomer).not.toBe(0);
    expect((await call(newcomer, 'summit.view', { id: g20OnNewcomer })).meetings.map((each) => each.title)).toEqual([
      'Pull-aside with Lesotho',
    ]);
  }, 60_000);
});
