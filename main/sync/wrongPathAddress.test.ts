import { describe, expect, it } from 'vitest';
import { call, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The Apia trial's London desk typed the server's address with a path after it (…:5984/sherpa, from a colleague's
// e-mail about "the sherpa databases"): the server answered 404 for every database, and the state line said "the
// server answered with an error for its database “sherpa-reference” (HTTP 404); the other databases synced", and the
// sidebar "partly failed", when nothing at all had gone. A round that exchanged no database now says so, and what to check.

const { desk, cleanups } = teamDesks();

describe('an address the server answers with an error for every database', () => {
  it('says no database was exchanged, not that the others synced, and keeps every change waiting', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const london = desk();
    const chogm = await call(london, 'summit.create', summit('CHOGM, Apia', 'Pacific/Apia'));
    await call(london, 'meeting.create', meeting(chogm.id, 'Bilateral with Samoa (Tuilaʻepa)'));
    await call(london, 'sync.configure', {
      url: `${server.url}/sherpa`,
      username: 'ana',
      password: 'Ana-Pass-2026',
      summitIds: [chogm.id],
    });
    const { status } = await call(london, 'sync.now', {});
    expect(status.lastError).toMatchObject({ kind: 'no-database-synced', detail: '“sherpa-reference” (HTTP 404)' });
    expect(status.waiting).toBeGreaterThan(0);

    // The address corrected: the same desk syncs, and the kind goes with the error.
    await call(london, 'sync.configure', { url: server.url, username: 'ana', password: 'Ana-Pass-2026', summitIds: [chogm.id] });
    const after = await call(london, 'sync.now', {});
    expect(after.status.lastError).toBeNull();
    expect(after.status.state).toBe('up-to-date');
  });
});
