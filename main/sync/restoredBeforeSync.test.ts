import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/domain.ts';
import { exchangeTwice, g20WithLesotho, ottawaAccount, sharedWith } from './g20Scene.testing.ts';
import { call, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The sherpa's desk in Ottawa restores a backup taken before it sent an edit and a deletion to the server, then
// edits before its next exchange: what the server acknowledged comes back, the deleted meeting stays deleted, the
// edit made after the restore reaches the expert, and no desk shows a conflict nobody made. (Found right in round 32.)
// The pull-aside has its note on water, deleted with it (before round 33, a round under way pushed the meeting's
// deletion without the note's closing, and a colleague listening brought the meeting back: closingsFirst.ts).

const { desk, cleanups } = teamDesks();

describe('a desk restores a backup taken before it synced and edited', () => {
  it('keeps what the server acknowledged, resurrects nothing and shows no conflict', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const ottawa = desk();
    const expert = desk();
    const { g20, lesotho, meetings } = await g20WithLesotho(ottawa, ['Bilateral with South Africa', 'Bilateral with Brazil']);
    const [ramaphosa, brazil] = [...meetings.values()] as [Meeting, Meeting];
    const g20OnExpert = await sharedWith(ottawa, expert, server, g20);
    const backup = await call(ottawa, 'backup.create', {});

    const points = 'Thank Mr Ramaphosa; raise Geneviève Lévesque’s note on ʼn nuwe ooreenkoms.';
    await call(ottawa, 'meeting.update', { id: ramaphosa.id, patch: { pointsToMake: points }, expected: {} });
    await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    await call(ottawa, 'sync.now', {});
    await call(expert, 'sync.now', {});

    await call(ottawa, 'backup.restore', { name: backup.name });
    // After the restore, before any exchange, the officer edits another meeting.
    const after = 'Ask Brazil for COP30 follow-up.';
    await call(ottawa, 'meeting.update', { id: brazil.id, patch: { purpose: after }, expected: {} });
    await exchangeTwice([ottawa, expert]);

    for (const [core, summitId] of [
      [ottawa, g20.id],
      [expert, g20OnExpert],
    ] as const) {
      const meetings = (await call(core, 'summit.view', { id: summitId })).meetings;
      expect(meetings.map((each) => each.title).sort()).toEqual(['Bilateral with Brazil', 'Bilateral with South Africa']);
      const byTitle = (title: string) => meetings.find((each) => each.title === title)?.id ?? 0;
      expect((await call(core, 'meeting.brief', { id: byTitle('Bilateral with South Africa') })).meeting.pointsToMake).toBe(points);
      expect((await call(core, 'meeting.brief', { id: byTitle('Bilateral with Brazil') })).meeting.purpose).toBe(after);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
      expect(await call(core, 'conflict.restorations', {})).toEqual([]);
      expect((await call(core, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0 });
    }
  }, 60_000);

  it('taken before the desk ever connected: connecting again brings back what it sent, with no conflict', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const ottawa = desk();
    const expert = desk();
    const { g20, lesotho, meetings } = await g20WithLesotho(ottawa, ['Bilateral with South Africa']);
    const ramaphosa = meetings.get('Bilateral with South Africa') as Meeting;
    const backup = await call(ottawa, 'backup.create', {});
    const points = 'Bring up the Nguni cattle exchange with Mr Ramaphosa.';
    await call(ottawa, 'meeting.update', { id: ramaphosa.id, patch: { pointsToMake: points }, expected: {} });
    await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    const g20OnExpert = await sharedWith(ottawa, expert, server, g20);

    await call(ottawa, 'backup.restore', { name: backup.name });
    expect((await call(ottawa, 'sync.status', {})).status.state).toBe('off');
    await call(ottawa, 'sync.configure', { ...ottawaAccount(server), summitIds: [g20.id] });
    await exchangeTwice([ottawa, expert]);
    for (const [core, summitId] of [
      [ottawa, g20.id],
      [expert, g20OnExpert],
    ] as const) {
      const meetings = (await call(core, 'summit.view', { id: summitId })).meetings;
      expect(meetings.map((each) => each.title)).toEqual(['Bilateral with South Africa']);
      expect((await call(core, 'meeting.brief', { id: meetings[0]?.id ?? 0 })).meeting.pointsToMake).toBe(points);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
      expect(await call(core, 'conflict.restorations', {})).toEqual([]);
      expect((await call(core, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0, notices: [] });
    }
  }, 60_000);
});
