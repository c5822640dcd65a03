import { describe, expect, it } from 'vitest';
import { feedPage } from '../../db/sync/partition.ts';
import type { Meeting } from '../../shared/domain.ts';
import { exchangeTwice, g20WithLesotho, meetingOn, sharedWith, waterText } from './g20Scene.testing.ts';
import { call, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The sherpa in Ottawa edits one meeting, then at once deletes the Lesotho pull-aside taking its note on water
// along, while the expert's desk listens to the server. The round the edit started had settled its deletions
// before the delete and pushed the meeting's deletion without the note's leaving the summit: the expert's desk
// held the note, still filed under the meeting, and brought the meeting back on both desks for it, "kept for
// referrers" naming none, while the note left the expert's desk and stayed in Ottawa's trash (issue #13). Now it
// ends as it does with no edit first: the meeting gone from both desks, the note in Ottawa's trash, and the
// expert's copy kept on the expert's desk, filed under nothing.

const { desk, cleanups } = teamDesks();

describe('a meeting deleted with its notes just after another edit, a colleague listening', () => {
  it('stays deleted on both desks, the note in the trash of the desk that deleted it', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const ottawa = desk();
    const expert = desk();
    const { g20, lesotho, meetings } = await g20WithLesotho(ottawa, ['Bilateral with South Africa']);
    const ramaphosa = meetings.get('Bilateral with South Africa') as Meeting;
    const g20OnExpert = await sharedWith(ottawa, expert, server, g20);

    const points = 'Thank Mr Ramaphosa for the Polihali dam briefing.';
    await call(ottawa, 'meeting.update', { id: ramaphosa.id, patch: { pointsToMake: points }, expected: {} });
    await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    await call(ottawa, 'sync.now', {});
    await call(expert, 'sync.now', {});
    await exchangeTwice([ottawa, expert]);

    for (const [core, summitId] of [
      [ottawa, g20.id],
      [expert, g20OnExpert],
    ] as const) {
      const titles = (await call(core, 'summit.view', { id: summitId })).meetings.map((each) => each.title);
      expect(titles).toEqual(['Bilateral with South Africa']);
      expect(await call(core, 'conflict.restorations', {})).toEqual([]);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
      expect((await call(core, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0 });
    }
    expect((await call(ottawa, 'note.listTrash', {})).map((each) => each.body)).toEqual([waterText]);
    // The expert keeps the text they had, filed under nothing, as when no edit came first (leftByDeletion.ts).
    const kept = await call(expert, 'note.list', { kind: 'all' });
    expect(kept.map((each) => [each.body, each.meetingId, each.deletedAt])).toEqual([[waterText, null, null]]);
  }, 60_000);

  it('puts the note’s leaving the summit ahead of the meeting’s deletion in the feed a push reads', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const ottawa = desk();
    const expert = desk();
    const { g20, lesotho } = await g20WithLesotho(ottawa);
    await sharedWith(ottawa, expert, server, g20);
    const [note] = await call(ottawa, 'note.listFor', { meetingId: lesotho.id });
    const docOf = (entity: string, id: number) =>
      ottawa.db.prepare('SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, String(id)) as string;
    const meetingDoc = docOf('meeting', lesotho.id);
    const noteDoc = docOf('note', note?.id ?? 0);
    const home = ottawa.db.prepare('SELECT home FROM sync_home WHERE doc_id = ?').pluck().get(meetingDoc) as string;

    await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    // A push split into batches anywhere still sends the note's closing first: a desk reading the server never meets
    // the meeting's deletion while the note it holds is still filed under it there.
    const feed = feedPage(ottawa.db, 0, 100_000, home);
    const deletion = feed.find((entry) => entry.doc_id === meetingDoc && entry.moved_out === null);
    const closing = feed.find((entry) => entry.doc_id === noteDoc && entry.moved_out !== null);
    expect(closing, 'the note leaves the summit’s database with the deletion').toBeDefined();
    expect(deletion).toBeDefined();
    expect(closing?.seq).toBeLessThan(deletion?.seq ?? 0);
  }, 60_000);

  it('undone before the next exchange, leaves the meeting and its note on both desks, as they were', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const ottawa = desk();
    const expert = desk();
    const { g20, lesotho } = await g20WithLesotho(ottawa);
    const g20OnExpert = await sharedWith(ottawa, expert, server, g20);

    // The note leaves the summit's database with the deletion; the Undo brings it back before anything is sent.
    const { undoId } = await call(ottawa, 'meeting.delete', { id: lesotho.id, takeAlong: true });
    await call(ottawa, 'deletion.undo', { id: undoId });
    await exchangeTwice([ottawa, expert]);

    for (const [core, summitId] of [
      [ottawa, g20.id],
      [expert, g20OnExpert],
    ] as const) {
      const back = await meetingOn(core, summitId, lesotho.title);
      expect((await call(core, 'note.listFor', { meetingId: back })).map((each) => each.body)).toEqual([waterText]);
      expect(await call(core, 'note.listTrash', {})).toEqual([]);
      expect(await call(core, 'conflict.restorations', {})).toEqual([]);
      expect(await call(core, 'conflict.list', {})).toEqual([]);
      expect((await call(core, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0 });
    }
  }, 60_000);
});
