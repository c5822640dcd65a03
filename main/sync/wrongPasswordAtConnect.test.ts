import { describe, expect, it } from 'vitest';
import { call, summit, teamDesks } from './teamDesks.testing.ts';
import { startAccountsProxy, startTestServer } from './testServer.ts';

// The Apia trial's desk B (the officer flying to the Commonwealth Heads of Government Meeting) mistyped her password
// at her first Connect: the desk saved it, showed her connected with "27 changes waiting" and a red sidebar, and
// every later round asked the server again with the password it had already turned down. The server's 401 is now
// a refusal at the password field, and nothing is saved; a server that cannot be reached still saves (offline first).

const { desk, cleanups } = teamDesks();

describe('Connect with a password the server refuses', () => {
  it('is refused at the password field, saves no account, shares no summit, and connects once the password is right', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const passwords: Record<string, string> = { sina: 'Sina-Pass-2026' };
    const proxy = await startAccountsProxy(server, passwords, () => true);
    cleanups.push(() => proxy.stop());
    const officer = desk();
    const chogm = await call(officer, 'summit.create', summit('CHOGM, Apia', 'Pacific/Apia'));
    const attempt = (password: string, username = 'sina') =>
      officer.dispatch('sync.configure', { url: proxy.url, username, password, summitIds: [chogm.id] });
    const storedAccount = () => officer.db.prepare('SELECT * FROM sync_account').all();
    const sharedSummits = () => officer.db.prepare('SELECT * FROM sync_shared_summit').all();

    for (const [password, username] of [
      ['sina-pass-2026', 'sina'],
      ['Sina-Pass-2026', 'sina.f'],
    ] as const) {
      expect(await attempt(password, username)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', field: 'password', reason: 'server_refused_password' },
      });
      expect(storedAccount()).toEqual([]);
      expect(sharedSummits()).toEqual([]);
      const overview = await call(officer, 'sync.status', {});
      expect(overview.account).toBeNull();
      expect(overview.status.state).toBe('off');
    }
    // Nothing reached the server either: no database was made for the summit or the reference data.
    expect(await (await fetch(`${server.url}/_all_dbs`)).json()).toEqual([]);

    const connected = await call(officer, 'sync.configure', {
      url: proxy.url,
      username: 'sina',
      password: 'Sina-Pass-2026',
      summitIds: [chogm.id],
    });
    expect(connected.account).toMatchObject({ url: proxy.url, username: 'sina', passwordSet: true });
    expect(connected.summits.find((each) => each.summitId === chogm.id)?.shared).toBe(true);
  });

  it('saves as typed when the server cannot be reached: a desk set up before it has the network', async () => {
    const officer = desk();
    const connected = await call(officer, 'sync.configure', {
      url: 'http://127.0.0.1:9',
      username: 'sina',
      password: 'Sina-Pass-2026',
      summitIds: [],
    });
    expect(connected.account).toMatchObject({ url: 'http://127.0.0.1:9', username: 'sina', passwordSet: true });
  });
});
