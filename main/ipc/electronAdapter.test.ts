import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openScratchDatabase } from '../../db/testing.ts';
import { bridgeChannels as channels } from '../../shared/contract.ts';
import { maxRequestBytes } from '../../shared/limits.ts';
import { createDispatch } from './dispatch.ts';
import { createHandlers } from './handlers/index.ts';

// ipcMain is the shared recording fake (the Electron boundary); behind it runs the real
// dispatch over a real in-memory store, counted so a refused call provably
// never reaches it.

const electron = await vi.hoisted(async () => (await import('../../testing/electronFake.ts')).createElectronFake());
vi.mock('electron', () => electron.module);
const registered = electron.ipcHandlers;

const { registerIpc } = await import('./electronAdapter.ts');

const reached: string[] = [];

beforeAll(() => {
  const db = openScratchDatabase(':memory:');
  const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2023-07-11T08:00:00Z') }) });
  registerIpc((channel, payload) => {
    reached.push(channel);
    return dispatch(channel, payload);
  });
});

function eventFrom(url: string | undefined, parent: unknown = null) {
  return { senderFrame: url === undefined ? null : { url, parent } };
}

async function invoke(channel: string, event: unknown, payload: unknown) {
  const handler = registered.get(channel);
  expect(handler, `${channel} not registered`).toBeTypeOf('function');
  return handler?.(event, payload);
}

describe('Electron IPC adapter', () => {
  it('registers exactly the contract’s channels', () => {
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers the app’s own top-level page', async () => {
    reached.length = 0;
    const result = await invoke('summit.list', eventFrom('app://sherpa/index.html'), {});
    expect(result).toMatchObject({ ok: true });
    expect(reached).toEqual(['summit.list']);
  });

  it.each([
    ['a subframe of the app', eventFrom('app://sherpa/index.html', { url: 'app://sherpa/index.html' })],
    ['a remote page', eventFrom('https://evil.example/')],
    ['a file:// page', eventFrom('file:///tmp/evil.html')],
    ['another app:// host', eventFrom('app://evil/index.html')],
    ['a destroyed frame', eventFrom(undefined)],
  ])('refuses a call from %s before it reaches the dispatch', async (_name, event) => {
    reached.length = 0;
    for (const channel of ['summit.list', 'person.create', 'note.save']) {
      const result = await invoke(channel, event, { name: 'Intruder' });
      expect(result).toEqual({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('Refused') } });
    }
    expect(reached).toEqual([]);
  });

  it('a refused write changes nothing', async () => {
    await invoke('person.create', eventFrom('https://evil.example/'), { name: 'Intruder' });
    const people = (await invoke('person.list', eventFrom('app://sherpa/index.html'), {})) as { ok: true; value: { name: string }[] };
    expect(people.value.map((person) => person.name)).not.toContain('Intruder');
  });

  it('refuses a request over the contract’s size limit with too_large, before the dispatch', async () => {
    reached.length = 0;
    const hugeNote = { id: 1, body: 'x'.repeat(100 * 1024 * 1024) };
    const manyKeys = Object.fromEntries(Array.from({ length: 200_000 }, (_, index) => [`key${index}`, index]));
    const result = await invoke('note.save', eventFrom('app://sherpa/index.html'), hugeNote);
    expect(result).toEqual({ ok: false, error: { code: 'too_large', message: expect.stringContaining('larger than Sherpa accepts') } });
    expect(await invoke('person.create', eventFrom('app://sherpa/index.html'), manyKeys)).toMatchObject({ error: { code: 'too_large' } });
    expect(reached).toEqual([]);
  });

  it('lets a request just under the limit through to the dispatch', async () => {
    reached.length = 0;
    const result = await invoke('person.create', eventFrom('app://sherpa/index.html'), { name: 'x'.repeat(maxRequestBytes - 100) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'name' } });
    expect(reached).toEqual(['person.create']);
  });
});
