import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// Three desks and a meeting moved between summits while another desk edited it. The sherpa shares the Pacific
// Islands Forum and the Nordic–Baltic summit; so does the deputy; the sector expert shares the Pacific one only.
// Offline, the deputy edits the meeting in the Pacific summit while the sherpa moves it to the Nordic one. Each
// desk used to close, in the Pacific database, only the version it knew: the deputy's edit stayed live there, and
// the expert, who is not cleared for the Nordic summit, kept the meeting and the deputy's text for good.

const { desk, cleanups } = teamDesks();

/** Connects a desk to the server and joins the summits of these titles that the sherpa shares. */
const share = (core: Core, sharer: Core, url: string, username: string, titles: readonly string[]) =>
  joinShared(core, sharer, { url, username, password: 'Desk-pass-2' }, titles);

const meetingsOf = async (core: Core, summitId: number) => (await call(core, 'summit.view', { id: summitId })).meetings;

describe('a meeting moved to another summit while a third desk edited it there', () => {
  it('leaves the summit it left on the desk sharing only that summit, and the edit stays a version in the new one', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const deputy = desk();
    const expert = desk();
    const deputyCard = await call(deputy, 'desk.rename', { deskName: 'Deputy’s desk' });
    const pacific = await call(
      sherpa,
      'summit.create',
      summit('Pacific Islands Forum, moved while a third desk edits', 'Pacific/Tongatapu'),
    );
    const nordic = await call(
      sherpa,
      'summit.create',
      summit('Nordic–Baltic summit, moved while a third desk edits', 'Atlantic/Reykjavik'),
    );
    const moved = await call(sherpa, 'meeting.create', meeting(pacific.id, 'Bilateral moved while the deputy edits'));
    await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id, nordic.id] });
    await call(sherpa, 'sync.now', {});
    const onDeputy = await share(deputy, sherpa, server.url, 'park', [pacific.title, nordic.title]);
    const onExpert = await share(expert, sherpa, server.url, 'lee', [pacific.title]);
    const pacificOnExpert = onExpert.get(pacific.title) ?? 0;
    const nordicOnDeputy = onDeputy.get(nordic.title) ?? 0;
    expect((await meetingsOf(expert, pacificOnExpert)).map((each) => each.title)).toEqual([moved.title]);

    // Apart: the deputy edits the meeting in the Pacific summit; the sherpa moves it, then edits it in the Nordic one.
    await call(deputy, 'sync.disconnect', {});
    const movedOnDeputy = (await meetingsOf(deputy, onDeputy.get(pacific.title) ?? 0))[0]?.id ?? 0;
    await call(deputy, 'meeting.update', { id: movedOnDeputy, patch: { objectives: 'The deputy’s objectives.' }, expected: {} });
    await call(sherpa, 'meeting.update', { id: moved.id, patch: { summitId: nordic.id }, expected: {} });
    await call(sherpa, 'meeting.update', { id: moved.id, patch: { venue: 'Harpa, Reykjavík' }, expected: {} });
    await call(sherpa, 'sync.now', {});
    await call(deputy, 'sync.configure', {
      url: server.url,
      username: 'park',
      password: 'Desk-pass-2',
      summitIds: [...onDeputy.values()],
    });
    for (const each of [deputy, sherpa, expert, deputy, sherpa, expert]) await call(each, 'sync.now', {});

    // What the desks exchanged is theirs to take: no desk counts a record left out.
    for (const each of [sherpa, deputy, expert]) expect((await call(each, 'sync.status', {})).status.notices).toEqual([]);
    // The expert, not cleared for the Nordic summit, no longer holds the meeting nor the deputy's text.
    expect(await meetingsOf(expert, pacificOnExpert)).toEqual([]);
    expect(JSON.stringify(await call(expert, 'search.query', { text: 'deputy’s objectives' }))).not.toContain('objectives');
    // Both desks sharing the Nordic summit hold the sherpa's version, the deputy's edit kept beside it.
    for (const [core, nordicId] of [
      [sherpa, nordic.id],
      [deputy, nordicOnDeputy],
    ] as const) {
      const [held] = await meetingsOf(core, nordicId);
      expect(held?.title).toBe(moved.title);
      const brief = await call(core, 'meeting.brief', { id: held?.id ?? 0 });
      expect(brief.meeting.venue).toBe('Harpa, Reykjavík');
      const [conflict] = await call(core, 'conflict.list', {});
      const detail = await call(core, 'conflict.get', { id: conflict?.id ?? '' });
      expect(detail.losers.map((loser) => loser.values.objectives)).toEqual(['The deputy’s objectives.']);
      // Written by the deputy, as the version it keeps: every desk names the same author.
      expect(detail.losers[0]?.author?.fingerprint).toBe(deputyCard.card.fingerprint);
    }
  });
});
