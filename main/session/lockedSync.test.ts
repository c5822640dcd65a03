import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract.ts';
import type { SyncOverview } from '../../shared/syncSettings.ts';
import { createChromiumEngine } from '../pdf/chromiumEngine.ts';
import { tempDataDir } from '../storeFaults.helpers.ts';
import { startTestServer } from '../sync/testServer.ts';
import { createLockedCore } from './lockedCore.ts';

// An encrypted desk replicates only while unlocked: the lock stops the
// replicator with the store, the unlock starts it again with the stored
// account, whose password opens again from inside the store.

const cost = { N: 2 ** 12, r: 8, p: 1 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('replication behind the lock', () => {
  it('stops when Sherpa locks and starts again, with its sealed password, at the next unlock', async () => {
    const server = await startTestServer();
    const dataDir = tempDataDir();
    const session = createLockedCore({
      dataDir,
      cost,
      core: () => ({ dataDir, engine: createChromiumEngine(), dailyBackups: false, logError: () => undefined }),
    });
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    cleanups.push(() => server.stop());
    cleanups.push(() => session.close());
    value(await session.dispatch('session.setup', { passphrase: 'a long enough passphrase' }));
    const configured = value<SyncOverview>(
      await session.dispatch('sync.configure', { url: server.url, username: 'kim', password: 'Sealed-Inside', summitIds: [1] }),
    );
    expect(configured.account?.passwordSet).toBe(true);
    expect(value<SyncOverview>(await session.dispatch('sync.now', {})).status).toMatchObject({ state: 'up-to-date', lastError: null });

    value(await session.dispatch('session.lock', {}));
    expect(await session.dispatch('sync.status', {})).toMatchObject({ ok: false, error: { code: 'locked' } });

    value(await session.dispatch('session.unlock', { passphrase: 'a long enough passphrase' }));
    const after = value<SyncOverview>(await session.dispatch('sync.now', {}));
    // Running again, not 'off', and the password opened: no 'password-unreadable'.
    expect(after.status).toMatchObject({ state: 'up-to-date', lastError: null });
    expect(after.summits.find((summit) => summit.summitId === 1)?.shared).toBe(true);
  });
});
