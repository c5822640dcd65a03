import { describe, expect, it } from 'vitest';
import { call, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The Apia trial's London desk typed the server's address with a path after it (…:5984/sherpa, from a colleague's
// e-mail about "the sherpa databases"): the server answered 404 for every database, and the state line said "the
// server answered with an error for its database “sherpa-reference” (HTTP 404); the other databases synced", and the
// sidebar "partly failed", when nothing at all had gone. A round that exchanged no database now says so, and what to check.

const { desk, cleanups } = teamDesks();

describe('a mistyped server address', () => {
  it('with a path after it: says no database was exchanged, not that the others synced, and keeps every change waiting', async () => {
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

  it('a host name no one knows says so: a typo or no network, not only "cannot be reached"', async () => {
    const london = desk();
    // `.invalid` is never a host (RFC 2606): the name is not found, on a network or off one.
    await call(london, 'sync.configure', {
      url: 'https://couch.desk.invalid:6984',
      username: 'ana',
      password: 'Ana-Pass-2026',
      summitIds: [],
    });
    const { status } = await call(london, 'sync.now', {});
    expect(status.lastError).toMatchObject({ kind: 'name-not-found', detail: 'couch.desk.invalid' });
  });

  it('an https address whose port answers plain http says the server does not answer over https', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const london = desk();
    await call(london, 'sync.configure', {
      url: server.url.replace('http://', 'https://'),
      username: 'ana',
      password: 'Ana-Pass-2026',
      summitIds: [],
    });
    const { status } = await call(london, 'sync.now', {});
    expect(status.lastError).toMatchObject({ kind: 'no-tls-answer' });
  });
});
