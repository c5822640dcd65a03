import { describe, expect, it } from 'vitest';
import { call, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// Need-to-know per summit, when a meeting changes summit. The sherpa's desk
// shares the Pacific Islands Forum and the Nordic–Baltic summit; the sector
// expert shares the Pacific one only. The sherpa moves a meeting from the
// Pacific programme to the Nordic one.

const { desk, cleanups } = teamDesks();

describe('a meeting moved to a summit a colleague does not share', () => {
  // Known defect (r8-team): the move reaches the new summit's database only. The old summit's database keeps
  // the meeting's last version there, so the colleague who shares only the old summit keeps it in that summit
  // (and prints it in its pack) for good. Fixing it needs the move to close the record in the old database
  // (a closing deletion pushed there), which the one-home-per-record feed (sync_home) cannot express yet.
  it.fails('leaves the colleague’s copy of the summit it left', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const expert = desk();
    const pacific = await call(sherpa, 'summit.create', summit('Pacific Islands Forum, moved meeting', 'Pacific/Tongatapu'));
    const nordic = await call(sherpa, 'summit.create', summit('Nordic–Baltic summit, moved meeting', 'Atlantic/Reykjavik'));
    const moved = await call(sherpa, 'meeting.create', meeting(pacific.id, 'Bilateral moved to Reykjavík'));
    await call(sherpa, 'meeting.create', meeting(pacific.id, 'Bilateral with Tonga'));
    await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id, nordic.id] });
    await call(sherpa, 'sync.now', {});

    await call(expert, 'sync.configure', { url: server.url, username: 'lee', password: 'Desk-pass-2', summitIds: [] });
    const offered = (await call(expert, 'sync.now', {})).summits.find((choice) => choice.title === pacific.title);
    await call(expert, 'sync.configure', { url: server.url, username: 'lee', summitIds: [offered?.summitId ?? 0] });
    await call(expert, 'sync.now', {});
    const titlesOnExpert = async () =>
      (await call(expert, 'summit.view', { id: offered?.summitId ?? 0 })).meetings.map((each) => each.title).sort();
    expect(await titlesOnExpert()).toEqual(['Bilateral moved to Reykjavík', 'Bilateral with Tonga']);

    await call(sherpa, 'meeting.update', { id: moved.id, patch: { summitId: nordic.id }, expected: {} });
    await call(sherpa, 'sync.now', {});
    await call(expert, 'sync.now', {});
    expect(await titlesOnExpert()).toEqual(['Bilateral with Tonga']);
  });
});
