// @vitest-environment jsdom
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChromiumEngine } from '../../../main/pdf/chromiumEngine.ts';
import type { LockableDispatch } from '../../../main/session/lockable.ts';
import { type CoreStore, createLockedCore } from '../../../main/session/lockedCore.ts';
import { bridgeChannels, type ChangeEvent, type SherpaApi } from '../../../shared/contract.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries, useQuery } from '../useQuery.ts';
import { SessionGate } from './SessionGate.tsx';

// The page's side of the lock, against the real lock layer and composition
// root over an encrypted SQLite file: once Sherpa locks (here from main, as
// the idle timer or a sleeping machine would), no record stays on screen or
// in the page's query cache; the passphrase brings the view back.

const passphrase = 'correct horse battery';
let dataDir: string;
let session: LockableDispatch<CoreStore>;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-gate-'));
  const listeners = new Set<(event: ChangeEvent) => void>();
  session = createLockedCore({
    dataDir,
    cost: { N: 2 ** 12, r: 8, p: 1 },
    core: () => ({ dataDir, engine: createChromiumEngine(), dailyBackups: false, logError: () => undefined }),
    onChange: (event) => {
      for (const listener of [...listeners]) listener(event);
    },
  });
  const viaJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;
  const api = Object.fromEntries(
    bridgeChannels.map((channel) => [channel, async (request: unknown) => viaJson(await session.dispatch(channel, viaJson(request)))]),
  );
  setBridge({
    ...api,
    onChange: (listener: (event: ChangeEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFlushRequest: () => () => {},
    flushDone: () => {},
  } as unknown as SherpaApi);
  const setUp = await session.dispatch('session.setup', { passphrase });
  if (!setUp.ok) throw new Error(setUp.error.message);
});

afterEach(async () => {
  cleanup();
  await session.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function SummitTitles() {
  const summits = useQuery('summit.list', {});
  return <ul>{summits.status === 'ready' && summits.value.map((summit) => <li key={summit.id}>{summit.title}</li>)}</ul>;
}

const cachedAnswers = (client: ReturnType<typeof createQueryClient>) =>
  client
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.data !== undefined);

describe('the session gate', () => {
  it('a lock drops every record from the screen and the query cache; unlocking shows the view again', async () => {
    const client = createQueryClient();
    render(
      <StoreQueries client={client}>
        <SessionGate>
          <SummitTitles />
        </SessionGate>
      </StoreQueries>,
    );
    await screen.findByText('NATO Summit, Vilnius 2023');
    expect(cachedAnswers(client).length).toBeGreaterThan(0);

    await session.lock();
    await screen.findByRole('heading', { name: 'Sherpa is locked' });
    expect(screen.queryByText('NATO Summit, Vilnius 2023')).toBeNull();
    expect(client.getQueryCache().getAll()).toEqual([]);

    fireEvent.change(screen.getByLabelText('Passphrase', { exact: true }), { target: { value: passphrase } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('NATO Summit, Vilnius 2023');
    // Answered afresh after the unlock: the view's own read, and those every start asks for at once (firstQueries.ts).
    await waitFor(() =>
      expect(
        cachedAnswers(client)
          .map((query) => query.queryKey[0] as string)
          .sort(),
      ).toEqual(['conflict.list', 'conflict.restorations', 'dashboard.get', 'settings.get', 'summit.list']),
    );
  });
});
