import { describe, expect, it } from 'vitest';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The twelfth round's team trial: the sherpa's office deletes a summit it shared
// (the Smaller Island States leaders' meeting was folded into the Forum); the
// country desk that joined it by name used to read "Not received yet" beside
// its database, as if the administrator had not opened it, and so did the
// deleting desk itself. Both now say it was deleted, by whom and when.

const { desk, cleanups } = teamDesks();

describe('a shared summit deleted by its owner', () => {
  it('is named as deleted, by which desk and when, on the desk that joined it and on the deleting desk, not as not received yet', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const countryDesk = desk();
    await call(sherpa, 'desk.rename', { deskName: 'Sherpa office' });
    const funafuti = await call(sherpa, 'summit.create', summit('Smaller Island States Leaders, Funafuti', 'Pacific/Funafuti'));
    await call(sherpa, 'meeting.create', meeting(funafuti.id, 'Bilateral with Tuvalu'));
    const shared = await call(sherpa, 'sync.configure', {
      url: server.url,
      username: 'kim',
      password: 'Desk-pass-1',
      summitIds: [funafuti.id],
    });
    const database = shared.summits.find((choice) => choice.summitId === funafuti.id)?.database ?? '';
    const joined = await joinShared(countryDesk, sherpa, { url: server.url, username: 'lee', password: 'Desk-pass-2' }, [funafuti.title]);
    expect(joined.get(funafuti.title)).toBeDefined();

    await call(sherpa, 'summit.delete', { id: funafuti.id, takeAlong: true });
    const onSherpa = await call(sherpa, 'sync.now', {});
    const onCountryDesk = await call(countryDesk, 'sync.now', {});

    for (const overview of [onSherpa, onCountryDesk]) {
      expect(overview.status.lastError).toBeNull();
      expect(overview.joining).toEqual([]);
      expect(overview.deletedSummits).toEqual([
        {
          database,
          title: funafuti.title,
          deletedBy: {
            desk: 'Sherpa office',
            fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/),
            at: expect.any(String),
          },
        },
      ]);
    }
    expect((await call(countryDesk, 'summit.list', {})).map((each) => each.title)).not.toContain(funafuti.title);
  });
});
