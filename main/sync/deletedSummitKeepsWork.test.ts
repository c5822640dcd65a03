import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The thirteenth round's trial: the sherpa's office deletes the summit it shared
// with a country desk, which had written a note on it, an annotation on one of
// its meetings and that meeting's points to make. The sherpa keeps what it did
// not delete, unlinked (the schema's rule: deleting what a note annotates keeps
// the note); the country desk lost all three, not even to its trash, as if the
// summit's closing deletions were a move to a summit it does not share. It now
// keeps them the same way, and an edit it made offline meanwhile outlives the
// deletion, as any edit does.

const { desk, cleanups } = teamDesks();

async function sharedSummitWithColleague() {
  const server = await startTestServer();
  cleanups.push(() => server.stop());
  const sherpa = desk();
  const countryDesk = desk();
  await call(sherpa, 'desk.rename', { deskName: 'Sherpa office' });
  const funafuti = await call(sherpa, 'summit.create', summit('Smaller Island States Leaders, Funafuti', 'Pacific/Funafuti'));
  const tuvalu = await call(sherpa, 'meeting.create', meeting(funafuti.id, 'Bilateral with Tuvalu'));
  await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [funafuti.id] });
  const account = { url: server.url, username: 'lee', password: 'Desk-pass-2' };
  const there = (await joinShared(countryDesk, sherpa, account, [funafuti.title])).get(funafuti.title) ?? 0;
  const tuvaluThere = (await call(countryDesk, 'summit.view', { id: there })).meetings.find((each) => each.title === tuvalu.title)?.id ?? 0;
  const note = await call(countryDesk, 'note.create', {
    title: 'Falepili treaty: our analysis',
    body: 'Three paragraphs.',
    tags: [],
    classification: 'NATO RESTRICTED',
  });
  const linked = await call(countryDesk, 'note.link', { id: note.id, link: { summitId: there } });
  return { sherpa, countryDesk, funafuti, there, tuvaluThere, linked, countryAccount: { ...account, summitIds: [there] } };
}

/** What the officer finds of the summit's work on a desk: notes (with what they are filed under) and meetings' points. */
async function workOn(core: Core) {
  const notes = await call(core, 'note.list', { kind: 'all' });
  const meetingIds = [...new Set(notes.flatMap((each) => (each.meetingId === null ? [] : [each.meetingId])))];
  const meetings = await Promise.all(meetingIds.map((id) => call(core, 'meeting.get', { id })));
  return {
    notes: notes.map((each) => ({
      title: each.title,
      body: each.body,
      onSummit: each.summitId !== null,
      onMeeting: each.meetingId !== null,
    })),
    meetings: meetings.map((each) => ({ title: each.title, summitId: each.summitId, pointsToMake: each.pointsToMake })),
    summits: (await call(core, 'summit.list', {})).map((each) => each.title),
  };
}

describe('a colleague’s work on a shared summit its owner deletes', () => {
  it('written and sent before the deletion: kept on the colleague’s desk, unlinked, as on the deleting desk', async () => {
    const { sherpa, countryDesk, funafuti, tuvaluThere } = await sharedSummitWithColleague();
    await call(countryDesk, 'note.create', {
      meetingId: tuvaluThere,
      title: 'Ask',
      body: 'Raise the climate mobility visas.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(countryDesk, 'meeting.update', { id: tuvaluThere, patch: { pointsToMake: 'Thank Tuvalu; our points.' }, expected: {} });
    await call(countryDesk, 'sync.now', {});
    await call(sherpa, 'sync.now', {});

    await call(sherpa, 'summit.delete', { id: funafuti.id });
    await call(sherpa, 'sync.now', {});
    const onCountryDesk = await call(countryDesk, 'sync.now', {});

    const kept = {
      notes: [
        { title: 'Ask', body: 'Raise the climate mobility visas.', onSummit: false, onMeeting: true },
        { title: 'Falepili treaty: our analysis', body: 'Three paragraphs.', onSummit: false, onMeeting: false },
      ],
      meetings: [{ title: 'Bilateral with Tuvalu', summitId: null, pointsToMake: 'Thank Tuvalu; our points.' }],
      summits: ['NATO Summit, Vilnius 2023'],
    };
    expect(await workOn(sherpa)).toEqual(kept);
    expect(await workOn(countryDesk)).toEqual(kept);
    expect(onCountryDesk.deletedSummits.map((each) => [each.title, each.deletedBy?.desk])).toEqual([[funafuti.title, 'Sherpa office']]);
    expect(onCountryDesk.status.lastError).toBeNull();
    // Another round changes nothing on either desk: nothing of what is kept goes back to the summit's database.
    for (const each of [countryDesk, sherpa, countryDesk]) await call(each, 'sync.now', {});
    expect(await workOn(sherpa)).toEqual(kept);
    expect(await workOn(countryDesk)).toEqual(kept);
    for (const each of [sherpa, countryDesk]) expect(await call(each, 'conflict.list', {})).toEqual([]);
  });

  it('edited offline while the owner deletes it: the edit is current on both desks, which are told the summit came back for it', async () => {
    const { sherpa, countryDesk, funafuti, linked, countryAccount } = await sharedSummitWithColleague();
    await call(countryDesk, 'sync.now', {});
    await call(sherpa, 'sync.now', {});
    await call(countryDesk, 'sync.disconnect', {});
    const edited = 'Three paragraphs, and a fourth on the sea-level clause.';
    const { title, tags, classification } = linked;
    await call(countryDesk, 'note.save', { id: linked.id, baseVersion: linked.version, title, tags, classification, body: edited });
    await call(sherpa, 'summit.delete', { id: funafuti.id });
    await call(sherpa, 'sync.now', {});
    await call(countryDesk, 'sync.configure', countryAccount);
    for (let round = 0; round < 2; round += 1) for (const each of [countryDesk, sherpa]) await call(each, 'sync.now', {});

    const onCountryDesk = await call(countryDesk, 'note.list', {});
    expect(onCountryDesk.map((each) => each.body)).toEqual([edited]);
    // The summit comes back on the colleague's desk, kept for the note, with who deleted it and when.
    expect(
      (await call(countryDesk, 'conflict.restorations', {})).map((each) => [
        each.title,
        each.deletedBy?.desk,
        each.referrers.map((one) => one.title),
      ]),
    ).toEqual([[funafuti.title, 'Sherpa office', [linked.title]]]);
    for (const each of [countryDesk, sherpa, countryDesk]) await call(each, 'sync.now', {});
    expect((await call(countryDesk, 'note.list', {})).map((each) => each.body)).toEqual([edited]);
    // The deleting desk too: the unlink its deletion wrote gives way to the edit (it left the edit out, and by
    // hash its own unlinked copy won on one run in two), and the summit came back for a note it shows.
    for (const each of [sherpa, countryDesk]) {
      const notes = await call(each, 'note.list', {});
      expect(notes.map((note) => [note.body, note.summitId !== null])).toEqual([[edited, true]]);
      expect(
        (await call(each, 'conflict.restorations', {})).map((one) => [one.title, one.referrers.map((referrer) => referrer.title)]),
      ).toEqual([[funafuti.title, [linked.title]]]);
      expect(await call(each, 'conflict.list', {})).toEqual([]);
      expect((await call(each, 'sync.now', {})).status.notices).toEqual([]);
    }
  });

  it('an annotation on a meeting the owner deletes stays on the colleague’s desk, unlinked', async () => {
    const { sherpa, countryDesk, tuvaluThere } = await sharedSummitWithColleague();
    await call(countryDesk, 'note.create', {
      meetingId: tuvaluThere,
      title: 'Ask',
      body: 'Raise the climate mobility visas.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(countryDesk, 'sync.now', {});
    await call(sherpa, 'sync.now', {});
    const tuvalu = (await call(sherpa, 'note.list', { kind: 'annotation' }))[0]?.meetingId ?? 0;
    await call(sherpa, 'meeting.delete', { id: tuvalu });
    await call(sherpa, 'sync.now', {});
    await call(countryDesk, 'sync.now', {});
    for (const each of [sherpa, countryDesk])
      expect((await call(each, 'note.list', { kind: 'all' })).map((note) => [note.title, note.body, note.meetingId])).toEqual([
        ['Ask', 'Raise the climate mobility visas.', null],
        ['Falepili treaty: our analysis', 'Three paragraphs.', null],
      ]);
  });
});
