import { describe, expect, it } from 'vitest';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The country desk writes the Prime Minister of Tonga's biography for the
// bilateral ("Write a biography of … for this meeting" on the brief); the
// sherpa's desk assembles the pack, which prints that text instead of the
// shared biography.

const { desk, cleanups } = teamDesks();

const written = 'Met our principal in Apia in 2024; wants the fisheries surveillance renewed.';

/** The sherpa's desk and the country desk sharing the Pacific summit, whose Tonga bilateral names the Prime Minister. */
async function twoDesksSharingTheSummit(title: string) {
  const server = await startTestServer();
  cleanups.push(() => server.stop());
  const sherpa = desk();
  const countryDesk = desk();
  const pacific = await call(sherpa, 'summit.create', summit(title, 'Pacific/Tongatapu'));
  const premier = await call(sherpa, 'person.create', {
    name: `Prime Minister of Tonga (${title})`,
    nativeName: '',
    title: 'Prime Minister',
    countryId: null,
    biography: 'Shared biography.',
    sourceId: null,
    classification: 'NATO UNCLASSIFIED',
  });
  const bilateral = await call(sherpa, 'meeting.create', { ...meeting(pacific.id, 'Bilateral with Tonga'), counterpartId: premier.id });
  await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id] });
  await call(sherpa, 'sync.now', {});
  const joined = await joinShared(countryDesk, sherpa, { url: server.url, username: 'lee', password: 'Desk-pass-2' }, [pacific.title]);
  const meetingThere = (await call(countryDesk, 'summit.view', { id: joined.get(pacific.title) ?? 0 })).meetings[0]?.id ?? 0;
  const premierThere = (await call(countryDesk, 'person.list', {})).find((person) => person.name === premier.name)?.id ?? 0;
  return { sherpa, countryDesk, bilateral: bilateral.id, premier: premier.id, meetingThere, premierThere };
}

describe('a biography written for one meeting', () => {
  // Meeting biographies replicate since migration 1850 (they had no global id nor revisions before: the sherpa's
  // pack printed the shared biography where the country desk's printed the one written for the meeting).
  it('reaches the colleague who shares the summit, and their pack prints it', async () => {
    const { sherpa, countryDesk, bilateral, premier, meetingThere, premierThere } = await twoDesksSharingTheSummit(
      'Pacific Islands Forum, meeting biography',
    );
    await call(countryDesk, 'meeting.setBiography', { meetingId: meetingThere, personId: premierThere, text: written, expected: '' });
    await call(countryDesk, 'sync.now', {});
    await call(sherpa, 'sync.now', {});
    expect(await call(sherpa, 'meeting.biographies', { id: bilateral })).toMatchObject([{ personId: premier, text: written }]);

    // Emptied on the sherpa's desk: the country desk's pack goes back to the shared biography too.
    await call(sherpa, 'meeting.setBiography', { meetingId: bilateral, personId: premier, text: '', expected: written });
    await call(sherpa, 'sync.now', {});
    await call(countryDesk, 'sync.now', {});
    expect(await call(countryDesk, 'meeting.biographies', { id: meetingThere })).toEqual([]);
  });

  it('written on both desks offline, ends with one winner on both and the other text shown beside it', async () => {
    const { sherpa, countryDesk, bilateral, premier, meetingThere, premierThere } = await twoDesksSharingTheSummit(
      'Pacific Islands Forum, two biographies',
    );
    const sherpasText = 'The sherpa’s note: chairs the Forum this year.';
    await call(countryDesk, 'meeting.setBiography', { meetingId: meetingThere, personId: premierThere, text: written, expected: '' });
    await call(sherpa, 'meeting.setBiography', { meetingId: bilateral, personId: premier, text: sherpasText, expected: '' });
    await call(countryDesk, 'sync.now', {});
    await call(sherpa, 'sync.now', {});
    await call(countryDesk, 'sync.now', {});
    const winner = (await call(sherpa, 'meeting.biographies', { id: bilateral }))[0]?.text;
    expect([written, sherpasText]).toContain(winner);
    expect((await call(countryDesk, 'meeting.biographies', { id: meetingThere }))[0]?.text).toBe(winner);
    for (const each of [sherpa, countryDesk]) {
      const conflicts = (await call(each, 'conflict.list', {})).filter((conflict) => conflict.kind === 'meetingBiography');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]?.title).toContain('Bilateral with Tonga');
      const detail = await call(each, 'conflict.get', { id: conflicts[0]?.id ?? '' });
      expect(detail.winner.values.text).toBe(winner);
      expect([detail.winner, ...detail.losers].map((side) => side.values.text).sort()).toEqual([sherpasText, written].sort());
    }
  });
});
