import { describe, expect, it } from 'vitest';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// Ottawa deletes the Lesotho pull-aside, taking its notes along (to the trash), while the officer flying to
// Johannesburg edits one of those notes offline. The edit beats the deletion on both desks, as an edit of a
// note the deletion only unlinked does (unlinkedByDeletion.ts): the meeting comes back for the note, with the
// notice naming what refers to it.

const { desk, cleanups } = teamDesks();

describe('a meeting deleted with its notes on one desk while another edits one of those notes', () => {
  it('keeps the edit on both desks, with no record counted as left out', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const ottawa = desk();
    const laptop = desk();
    const g20 = await call(ottawa, 'summit.create', summit('G20 Johannesburg', 'Africa/Johannesburg'));
    const lesotho = await call(ottawa, 'meeting.create', meeting(g20.id, 'Pull-aside with Lesotho'));
    const note = await call(ottawa, 'note.create', {
      meetingId: lesotho.id,
      title: 'Water',
      body: 'Lesotho Highlands Water Project phase II.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(ottawa, 'sync.configure', { url: server.url, username: 'ottawa', password: 'Desk-pass-1', summitIds: [g20.id] });
    await call(ottawa, 'sync.now', {});
    const ids = await joinShared(laptop, ottawa, { url: server.url, username: 'laptop', password: 'Desk-pass-2' }, [g20.title]);
    const g20OnLaptop = ids.get(g20.title) ?? 0;
    await call(laptop, 'sync.disconnect', {});
    const edited = 'Lesotho Highlands Water Project phase II: ask Mr Mokoena about the Polihali dam.';
    const noteOnLaptop = (await call(laptop, 'note.list', { kind: 'all' })).find((each) => each.title === note.title);
    await call(laptop, 'note.save', {
      id: noteOnLaptop?.id ?? 0,
      baseVersion: noteOnLaptop?.version ?? 0,
      title: note.title,
      body: edited,
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    await call(ottawa, 'sync.now', {});
    await call(laptop, 'sync.configure', { url: server.url, username: 'laptop', password: 'Desk-pass-2', summitIds: [g20OnLaptop] });
    for (let round = 0; round < 2; round += 1) for (const each of [laptop, ottawa]) await call(each, 'sync.now', {});
    for (const [core, summitId] of [
      [ottawa, g20.id],
      [laptop, g20OnLaptop],
    ] as const) {
      // Before, Ottawa counted the edit under Records left out ("a summit this desk does not share… tell the
      // desk's administrator") and kept the old text in its trash, while the laptop showed the edit.
      expect((await call(core, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0, notices: [] });
      const back = (await call(core, 'summit.view', { id: summitId })).meetings.find((each) => each.title === lesotho.title);
      expect((await call(core, 'note.listFor', { meetingId: back?.id ?? 0 })).map((each) => each.body)).toEqual([edited]);
      expect(await call(core, 'note.listTrash', {})).toEqual([]);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
      expect((await call(core, 'conflict.restorations', {})).map((restored) => [restored.title, restored.keptFor])).toEqual([
        [lesotho.title, 'referrers'],
      ]);
    }
  }, 60_000);
});
