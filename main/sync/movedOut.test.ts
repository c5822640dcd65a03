import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// Need-to-know per summit, when a meeting changes summit. The sherpa's desk
// shares the Pacific Islands Forum and the Nordic–Baltic summit; the sector
// expert shares the Pacific one only. The sherpa moves a meeting from the
// Pacific programme to the Nordic one.

const { desk, cleanups } = teamDesks();

/** Connects a desk to the server and ticks the summits of these titles among those it is offered. */
/** Connects a desk to the server and joins the summits of these titles that the sherpa shares. */
const share = (core: Core, sharer: Core, url: string, username: string, titles: readonly string[]) =>
  joinShared(core, sharer, { url, username, password: 'Desk-pass-2' }, titles);

const meetingTitles = async (core: Core, summitId: number) =>
  (await call(core, 'summit.view', { id: summitId })).meetings.map((each) => each.title).sort();

describe('a meeting moved to a summit a colleague does not share', () => {
  it('leaves the colleague’s copy of the summit it left', async () => {
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

    const onExpert = await share(expert, sherpa, server.url, 'lee', [pacific.title]);
    const titlesOnExpert = () => meetingTitles(expert, onExpert.get(pacific.title) ?? 0);
    expect(await titlesOnExpert()).toEqual(['Bilateral moved to Reykjavík', 'Bilateral with Tonga']);

    await call(sherpa, 'meeting.update', { id: moved.id, patch: { summitId: nordic.id }, expected: {} });
    await call(sherpa, 'sync.now', {});
    await call(expert, 'sync.now', {});
    expect(await titlesOnExpert()).toEqual(['Bilateral with Tonga']);
  });

  it('takes its participants, follow-ups, notes and biographies out of that copy too; a desk sharing both keeps them all', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const expert = desk();
    const deputy = desk();
    const pacific = await call(sherpa, 'summit.create', summit('Pacific Islands Forum, moved with its brief', 'Pacific/Tongatapu'));
    const nordic = await call(sherpa, 'summit.create', summit('Nordic–Baltic summit, moved with its brief', 'Atlantic/Reykjavik'));
    const premier = await call(sherpa, 'person.create', {
      name: 'Prime Minister of Iceland (moved brief)',
      nativeName: '',
      title: 'Prime Minister',
      countryId: null,
      biography: 'Shared biography.',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    const moved = await call(sherpa, 'meeting.create', {
      ...meeting(pacific.id, 'Bilateral moved with its brief'),
      counterpartId: premier.id,
    });
    await call(sherpa, 'meeting.setParticipants', {
      id: moved.id,
      participants: [{ personId: premier.id, side: 'theirs', role: 'Head of delegation' }],
      expected: [],
    });
    await call(sherpa, 'followUp.create', {
      meetingId: moved.id,
      description: 'Send the readout to Reykjavík',
      owner: 'Desk',
      dueOn: null,
      status: 'open',
      classification: 'NATO RESTRICTED',
    });
    await call(sherpa, 'note.create', {
      meetingId: moved.id,
      title: 'Talking points',
      body: 'Fisheries first.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(sherpa, 'meeting.setBiography', {
      meetingId: moved.id,
      personId: premier.id,
      text: 'Chairs the Council this year.',
      expected: '',
    });
    await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id, nordic.id] });
    await call(sherpa, 'sync.now', {});
    const onExpert = await share(expert, sherpa, server.url, 'lee', [pacific.title]);
    const onDeputy = await share(deputy, sherpa, server.url, 'park', [pacific.title, nordic.title]);

    const briefOn = async (core: Core, summitId: number) => {
      const id = (await call(core, 'summit.view', { id: summitId })).meetings.find((each) => each.title === moved.title)?.id;
      if (id === undefined) return undefined;
      const brief = await call(core, 'meeting.brief', { id });
      return {
        participants: brief.participants.map((each) => each.name),
        followUps: brief.followUps.map((each) => each.description),
        notes: (await call(core, 'note.listFor', { meetingId: id })).map((note) => note.body),
        biographies: (await call(core, 'meeting.biographies', { id })).map((each) => each.text),
      };
    };
    const whole = {
      participants: [premier.name],
      followUps: ['Send the readout to Reykjavík'],
      notes: ['Fisheries first.'],
      biographies: ['Chairs the Council this year.'],
    };
    expect(await briefOn(expert, onExpert.get(pacific.title) ?? 0)).toEqual(whole);

    await call(sherpa, 'meeting.update', { id: moved.id, patch: { summitId: nordic.id }, expected: {} });
    await call(sherpa, 'sync.now', {});
    await call(expert, 'sync.now', {});
    await call(deputy, 'sync.now', {});

    expect(await briefOn(expert, onExpert.get(pacific.title) ?? 0)).toBeUndefined();
    expect((await call(expert, 'note.list', { kind: 'all' })).map((note) => note.body)).not.toContain('Fisheries first.');
    expect(await briefOn(deputy, onDeputy.get(nordic.title) ?? 0)).toEqual(whole);
    expect(await briefOn(deputy, onDeputy.get(pacific.title) ?? 0)).toBeUndefined();
    expect(await briefOn(sherpa, nordic.id)).toEqual(whole);
    // A move is no conflict, and no desk is told that a colleague deleted anything.
    for (const each of [sherpa, expert, deputy]) {
      expect(await call(each, 'conflict.list', {})).toEqual([]);
      expect(await call(each, 'conflict.restorations', {})).toEqual([]);
    }

    // Moved back: the expert has it again, with all of it.
    await call(sherpa, 'meeting.update', { id: moved.id, patch: { summitId: pacific.id }, expected: {} });
    await call(sherpa, 'sync.now', {});
    await call(expert, 'sync.now', {});
    await call(deputy, 'sync.now', {});
    expect(await briefOn(expert, onExpert.get(pacific.title) ?? 0)).toEqual(whole);
    expect(await briefOn(deputy, onDeputy.get(pacific.title) ?? 0)).toEqual(whole);
    expect(await briefOn(deputy, onDeputy.get(nordic.title) ?? 0)).toBeUndefined();
  });

  it('leaves it too when moved to a summit the sherpa’s desk does not share either', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const expert = desk();
    const pacific = await call(sherpa, 'summit.create', summit('Pacific Islands Forum, moved to a closed summit', 'Pacific/Tongatapu'));
    const closed = await call(sherpa, 'summit.create', summit('Restricted ministerial, not shared', 'Pacific/Tongatapu'));
    const moved = await call(sherpa, 'meeting.create', meeting(pacific.id, 'Bilateral moved out of sight'));
    await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id] });
    await call(sherpa, 'sync.now', {});
    const onExpert = await share(expert, sherpa, server.url, 'lee', [pacific.title]);
    expect(await meetingTitles(expert, onExpert.get(pacific.title) ?? 0)).toEqual(['Bilateral moved out of sight']);

    await call(sherpa, 'meeting.update', { id: moved.id, patch: { summitId: closed.id }, expected: {} });
    await call(sherpa, 'sync.now', {});
    expect((await call(sherpa, 'sync.status', {})).status.waiting).toBe(0);
    await call(expert, 'sync.now', {});
    expect(await meetingTitles(expert, onExpert.get(pacific.title) ?? 0)).toEqual([]);
  });

  it('leaves it too when the colleague edited it meanwhile and the sherpa keeps the move over that edit', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const expert = desk();
    const pacific = await call(sherpa, 'summit.create', summit('Pacific Islands Forum, moved while edited', 'Pacific/Tongatapu'));
    const nordic = await call(sherpa, 'summit.create', summit('Nordic–Baltic summit, moved while edited', 'Atlantic/Reykjavik'));
    const moved = await call(sherpa, 'meeting.create', meeting(pacific.id, 'Bilateral moved while edited'));
    await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id, nordic.id] });
    await call(sherpa, 'sync.now', {});
    const onExpert = await share(expert, sherpa, server.url, 'lee', [pacific.title]);
    const pacificOnExpert = onExpert.get(pacific.title) ?? 0;

    // Apart: the expert edits the meeting in the Pacific summit; the sherpa moves it, then edits it again there.
    await call(expert, 'sync.disconnect', {});
    const movedOnExpert = (await call(expert, 'summit.view', { id: pacificOnExpert })).meetings[0]?.id ?? 0;
    await call(expert, 'meeting.update', { id: movedOnExpert, patch: { objectives: 'The expert’s objectives.' }, expected: {} });
    await call(sherpa, 'meeting.update', { id: moved.id, patch: { summitId: nordic.id }, expected: {} });
    await call(sherpa, 'meeting.update', { id: moved.id, patch: { venue: 'Harpa, Reykjavík' }, expected: {} });
    await call(sherpa, 'sync.now', {});
    await call(expert, 'sync.configure', { url: server.url, username: 'lee', password: 'Desk-pass-2', summitIds: [pacificOnExpert] });
    await call(expert, 'sync.now', {});
    await call(sherpa, 'sync.now', {});

    // The sherpa is shown the expert's version beside its own and keeps its own.
    const [conflict] = await call(sherpa, 'conflict.list', {});
    const detail = await call(sherpa, 'conflict.get', { id: conflict?.id ?? '' });
    expect(detail.losers.map((loser) => loser.values.objectives)).toEqual(['The expert’s objectives.']);
    await call(sherpa, 'conflict.resolve', { id: detail.summary.id, winnerRev: detail.winner.rev, action: 'keep' });
    await call(sherpa, 'sync.now', {});
    await call(expert, 'sync.now', {});
    expect(await meetingTitles(expert, pacificOnExpert)).toEqual([]);
    expect(await meetingTitles(sherpa, nordic.id)).toEqual([moved.title]);
  });
});
