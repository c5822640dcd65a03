import { describe, expect, it } from 'vitest';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The sector expert un-ticks the Pacific Islands Forum after sharing it, keeps
// working on it offline from the server's point of view, and ticks it again.
// What stays on the desk, what is sent, and what the state line says.

const { desk, cleanups } = teamDesks();

describe('a summit un-shared after sharing', () => {
  it('stays on the desk with its meetings; edits made meanwhile wait unsent and uncounted, then meet the sherpa’s as a conflict on both desks', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const expert = desk();
    const pacific = await call(sherpa, 'summit.create', summit('Pacific Islands Forum, un-shared', 'Pacific/Tongatapu'));
    const bilateral = await call(sherpa, 'meeting.create', meeting(pacific.id, 'Bilateral with Tonga, un-shared'));
    await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id] });
    await call(sherpa, 'sync.now', {});
    const joined = await joinShared(expert, sherpa, { url: server.url, username: 'lee', password: 'Desk-pass-2' }, [pacific.title]);
    const summitThere = joined.get(pacific.title) ?? 0;
    const meetingThere = (await call(expert, 'summit.view', { id: summitThere })).meetings[0]?.id ?? 0;

    // Un-ticked: everything stays here; an edit is neither sent nor counted as waiting.
    await call(expert, 'sync.configure', { url: server.url, username: 'lee', summitIds: [] });
    await call(expert, 'meeting.update', {
      id: meetingThere,
      patch: { purpose: 'The expert’s purpose, written un-shared.' },
      expected: {},
    });
    const unshared = await call(expert, 'sync.now', {});
    expect(unshared.status).toMatchObject({ state: 'up-to-date', waiting: 0 });
    expect((await call(expert, 'summit.view', { id: summitThere })).meetings.map((each) => each.title)).toEqual([
      'Bilateral with Tonga, un-shared',
    ]);
    await call(sherpa, 'meeting.update', { id: bilateral.id, patch: { purpose: 'The sherpa’s purpose.' }, expected: {} });
    await call(sherpa, 'sync.now', {});
    await call(expert, 'sync.now', {});
    expect((await call(expert, 'meeting.get', { id: meetingThere })).purpose).toBe('The expert’s purpose, written un-shared.');
    expect((await call(sherpa, 'meeting.get', { id: bilateral.id })).purpose).toBe('The sherpa’s purpose.');

    // Ticked again: the two edits meet, the same winner on both desks, the other kept and listed on both.
    await call(expert, 'sync.configure', { url: server.url, username: 'lee', summitIds: [summitThere] });
    await call(expert, 'sync.now', {});
    await call(sherpa, 'sync.now', {});
    const winner = (await call(sherpa, 'meeting.get', { id: bilateral.id })).purpose;
    expect((await call(expert, 'meeting.get', { id: meetingThere })).purpose).toBe(winner);
    for (const each of [sherpa, expert]) {
      const conflicts = (await call(each, 'conflict.list', {})).filter((conflict) => conflict.title === 'Bilateral with Tonga, un-shared');
      expect(conflicts).toHaveLength(1);
      const detail = await call(each, 'conflict.get', { id: conflicts[0]?.id ?? '' });
      const purposes = [detail.winner, ...detail.losers].map((side) => side.values.purpose).sort();
      expect(purposes).toEqual(['The expert’s purpose, written un-shared.', 'The sherpa’s purpose.']);
    }
  });
});
