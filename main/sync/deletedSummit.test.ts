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
    const funafuti = await call(sherpa, 'summit.create', {
      ...summit('Smaller Island States Leaders, Funafuti', 'Pacific/Funafuti'),
      classification: 'NATO RESTRICTED',
    });
    await call(sherpa, 'meeting.create', meeting(funafuti.id, 'Bilateral with Tuvalu'));
    const shared = await call(sherpa, 'sync.configure', {
      url: server.url,
      username: 'kim',
      password: 'Desk-pass-1',
      summitIds: [funafuti.id],
    });
    const database = shared.summits.find((choice) => choice.summitId === funafuti.id)?.database ?? '';
    const joined = await joinShared(countryDesk, sherpa, { url: server.url, username: 'lee', password: 'Desk-pass-2' }, [funafuti.title]);
    const there = joined.get(funafuti.title) ?? 0;
    // The country desk's own note on it, sent to the summit's database.
    const note = await call(countryDesk, 'note.create', {
      title: 'Falepili treaty: our analysis',
      body: 'Three paragraphs.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(countryDesk, 'note.link', { id: note.id, link: { summitId: there } });
    await call(countryDesk, 'sync.now', {});
    await call(sherpa, 'sync.now', {});

    await call(sherpa, 'summit.delete', { id: funafuti.id });
    const onSherpa = await call(sherpa, 'sync.now', {});
    const onCountryDesk = await call(countryDesk, 'sync.now', {});

    for (const [overview, byThisDesk] of [
      [onSherpa, true],
      [onCountryDesk, false],
    ] as const) {
      expect(overview.status.lastError).toBeNull();
      expect(overview.joining).toEqual([]);
      expect(overview.deletedSummits).toEqual([
        {
          database,
          title: funafuti.title,
          // Its row is gone: the marking of the text deleted, under which the line shows its title.
          classification: 'NATO RESTRICTED',
          deletedBy: {
            desk: 'Sherpa office',
            fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/),
            at: expect.any(String),
          },
          byThisDesk,
        },
      ]);
    }
    expect((await call(countryDesk, 'summit.list', {})).map((each) => each.title)).not.toContain(funafuti.title);
    // The sherpa deleted the summit alone: it keeps the note, unlinked, and so does the country desk that wrote it
    // (db/sync/leftByDeletion.ts; main/sync/deletedSummitKeepsWork.test.ts has the meeting and annotation too).
    for (const core of [sherpa, countryDesk])
      expect((await call(core, 'note.list', {})).map((each) => [each.title, each.summitId])).toEqual([
        ['Falepili treaty: our analysis', null],
      ]);
  });
});
