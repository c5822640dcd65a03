import { describe, expect, it } from 'vitest';
import { colleagueAccount, exchangeTwice, g20WithLesotho, meetingOn, sharedWith, waterText } from './g20Scene.testing.ts';
import { call, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// Ottawa and the laptop on the plane both delete the Lesotho pull-aside, with its participant and note (the note
// to the trash); once both have synced, Ottawa undoes its deletion. Before, the laptop left Ottawa's note out as
// "records of a summit this desk does not share" and kept it in its trash, while Ottawa showed it on the meeting.

const { desk, cleanups } = teamDesks();

describe('both desks delete the same meeting, then one undoes it', () => {
  it('ends deleted on both, with nothing to settle; an undo brings it back on both', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const ottawa = desk();
    const expert = desk();
    const { g20, lesotho } = await g20WithLesotho(ottawa, ['Bilateral with South Africa']);
    const person = await call(ottawa, 'person.create', {
      name: 'Mpho Mokoena',
      nativeName: '',
      title: 'Minister',
      countryId: null,
      biography: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    await call(ottawa, 'meeting.setParticipants', {
      id: lesotho.id,
      participants: [{ personId: person.id, side: 'theirs', role: '' }],
      expected: null,
    });
    const g20OnExpert = await sharedWith(ottawa, expert, server, g20);
    const lesothoOnExpert = await meetingOn(expert, g20OnExpert, lesotho.title);
    await call(expert, 'sync.disconnect', {});
    const deleted = await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    await call(expert, 'meeting.delete', { id: lesothoOnExpert, takeAlong: true });
    await call(ottawa, 'sync.now', {});
    await call(expert, 'sync.configure', { ...colleagueAccount(server), summitIds: [g20OnExpert] });
    await exchangeTwice([expert, ottawa]);
    for (const [core, summitId] of [
      [ottawa, g20.id],
      [expert, g20OnExpert],
    ] as const) {
      expect((await call(core, 'summit.view', { id: summitId })).meetings.map((m) => m.title)).toEqual(['Bilateral with South Africa']);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
      expect(await call(core, 'conflict.restorations', {})).toEqual([]);
      expect((await call(core, 'note.list', { kind: 'all' })).map((n) => n.title)).toEqual([]);
      expect((await call(core, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0 });
    }
    // Ottawa undoes its deletion: the meeting, its participant and note come back on both desks.
    await call(ottawa, 'deletion.undo', { id: deleted.undoId });
    await exchangeTwice([ottawa, expert]);
    for (const [core, summitId] of [
      [ottawa, g20.id],
      [expert, g20OnExpert],
    ] as const) {
      const meetings = (await call(core, 'summit.view', { id: summitId })).meetings;
      expect(meetings.map((m) => m.title).sort()).toEqual(['Bilateral with South Africa', 'Pull-aside with Lesotho']);
      const back = meetings.find((m) => m.title === lesotho.title)?.id ?? 0;
      expect((await call(core, 'note.listFor', { meetingId: back })).map((n) => n.body)).toEqual([waterText]);
      expect((await call(core, 'meeting.brief', { id: back })).participants).toHaveLength(1);
      expect(await call(core, 'note.listTrash', {})).toEqual([]);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
      expect((await call(core, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0, notices: [] });
    }
  }, 60_000);
});
