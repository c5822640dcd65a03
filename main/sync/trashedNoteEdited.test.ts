import { describe, expect, it } from 'vitest';
import { colleagueAccount, editWater, exchangeTwice, g20WithLesotho, meetingOn, sharedWith } from './g20Scene.testing.ts';
import { call, teamDesks } from './teamDesks.testing.ts';
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
    const { g20, lesotho } = await g20WithLesotho(ottawa);
    const g20OnLaptop = await sharedWith(ottawa, laptop, server, g20);
    await call(laptop, 'sync.disconnect', {});
    const edited = 'Lesotho Highlands Water Project phase II: ask Mr Mokoena about the Polihali dam.';
    await editWater(laptop, edited);
    await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    await call(ottawa, 'sync.now', {});
    await call(laptop, 'sync.configure', { ...colleagueAccount(server), summitIds: [g20OnLaptop] });
    await exchangeTwice([laptop, ottawa]);
    for (const [core, summitId] of [
      [ottawa, g20.id],
      [laptop, g20OnLaptop],
    ] as const) {
      // Before, Ottawa counted the edit under Records left out ("a summit this desk does not share… tell the
      // desk's administrator") and kept the old text in its trash, while the laptop showed the edit.
      expect((await call(core, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0, notices: [] });
      const back = await meetingOn(core, summitId, lesotho.title);
      expect((await call(core, 'note.listFor', { meetingId: back })).map((each) => each.body)).toEqual([edited]);
      expect(await call(core, 'note.listTrash', {})).toEqual([]);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
      expect((await call(core, 'conflict.restorations', {})).map((restored) => [restored.title, restored.keptFor])).toEqual([
        [lesotho.title, 'referrers'],
      ]);
    }
  }, 60_000);
});
