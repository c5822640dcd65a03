import { describe, expect, it } from 'vitest';
import { docIdOfRow } from '../../db/sync/deskExchange.ts';
import { revisionsOf } from '../../db/sync/history.ts';
import { call, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// A compromised desk server (or anyone with write access to a shared summit's
// database) answers replication with documents of its own making. Whatever
// it sends, records of a summit this desk never shared with it stay as they are,
// and the desk keeps a count of what it left out, so the server is noticed.

const { desk, cleanups } = teamDesks();

describe('a server sending records of a summit this desk does not share with it', () => {
  it('cannot change a meeting of an unshared summit through a shared summit’s database; the shared one still syncs', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const officer = desk();
    const shared = await call(officer, 'summit.create', summit('Pacific Islands Forum, shared with the server', 'Pacific/Tongatapu'));
    const kept = await call(officer, 'summit.create', summit('Private consultations, never shared', 'Pacific/Tongatapu'));
    await call(officer, 'meeting.create', meeting(shared.id, 'Bilateral with Tonga, on the server'));
    const privateMeeting = await call(officer, 'meeting.create', meeting(kept.id, 'Bilateral with Fiji, kept on the desk'));
    const overview = await call(officer, 'sync.configure', {
      url: server.url,
      username: 'kim',
      password: 'Desk-pass-1',
      summitIds: [shared.id],
    });
    await call(officer, 'sync.now', {});

    // The server learnt the private meeting's id and revision (shared once, or from a colleague) and plants an edit.
    const docId = docIdOfRow(officer.db, 'meeting', privateMeeting.id) ?? '';
    const [current] = revisionsOf(officer.db, docId).slice(-1);
    const sharedDatabase = overview.summits.find((choice) => choice.summitId === shared.id)?.database ?? '';
    // Written straight into the server's database, as its administrator (or an intruder) could.
    const plant = async (docs: Record<string, unknown>[]) => {
      const answer = await fetch(`${server.url}/${sharedDatabase}/_bulk_docs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ docs, new_edits: false }),
      });
      expect(answer.ok).toBe(true);
    };
    const oldHash = current?.rev.split('-')[1] ?? '';
    await plant([
      {
        _id: docId,
        _rev: `2-${'f'.repeat(32)}`,
        _revisions: { start: 2, ids: ['f'.repeat(32), oldHash] },
        ...current?.body,
        title: 'Planted by the server',
        purpose: 'Planted by the server',
        classification: 'NATO UNCLASSIFIED',
      },
    ]);
    // And a meeting of its own making, filed under the private summit.
    await plant([
      {
        _id: `meeting:${'e'.repeat(32)}`,
        _rev: `1-${'e'.repeat(32)}`,
        _revisions: { start: 1, ids: ['e'.repeat(32)] },
        ...current?.body,
        title: 'A meeting planted by the server',
      },
    ]);
    await call(officer, 'meeting.update', {
      id: privateMeeting.id,
      patch: { pointsToMake: 'Written on the desk after the plant.' },
      expected: {},
    });
    const after = await call(officer, 'sync.now', {});

    const stillPrivate = await call(officer, 'meeting.get', { id: privateMeeting.id });
    expect(stillPrivate).toMatchObject({
      title: 'Bilateral with Fiji, kept on the desk',
      purpose: 'Agree the fisheries follow-up.',
      classification: 'NATO RESTRICTED',
      pointsToMake: 'Written on the desk after the plant.',
    });
    expect((await call(officer, 'summit.view', { id: kept.id })).meetings.map((each) => each.title)).toEqual([
      'Bilateral with Fiji, kept on the desk',
    ]);
    expect(await call(officer, 'conflict.list', {})).toEqual([]);
    expect(after.status.lastError).toBeNull();
    // Left out, but not silently: the panel counts both planted records against the database that sent them,
    // with nothing of their content.
    expect(after.status.notices).toEqual([
      { database: sharedDatabase, direction: 'received', reason: 'out-of-scope', count: 2, at: expect.any(String) },
    ]);
    expect(JSON.stringify(after.status)).not.toContain('Planted');
  });
});
