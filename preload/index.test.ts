import { describe, expect, it, vi } from 'vitest';
import { bridgeChannels as channels } from '../shared/contract.ts';

// contextBridge and ipcRenderer come from the shared recording fake of
// Electron: the test sees exactly what the page would see as window.sherpa.

const electron = await vi.hoisted(async () => (await import('../testing/electronFake.ts')).createElectronFake());
vi.mock('electron', () => electron.module);
const recorded = { exposed: electron.exposed, invoked: electron.invoked, listeners: electron.rendererListeners };

await import('./index.ts');

describe('preload', () => {
  const api = () => recorded.exposed.get('sherpa') as Record<string, (...args: unknown[]) => unknown>;

  it('exposes one global, `sherpa`, and nothing else', () => {
    expect([...recorded.exposed.keys()]).toEqual(['sherpa']);
  });

  it('exposes exactly the contract’s channels, onChange and the quit handshake: no generic send, invoke or on', () => {
    expect(Object.keys(api()).sort()).toEqual([...channels, 'onChange', 'onFlushRequest', 'flushDone'].sort());
    for (const value of Object.values(api())) expect(typeof value).toBe('function');
    for (const forbidden of ['send', 'invoke', 'on', 'ipcRenderer', 'require', 'process', 'electron']) {
      expect(api()).not.toHaveProperty(forbidden);
    }
  });

  it('each method calls its own channel and nothing else', async () => {
    for (const channel of channels) {
      recorded.invoked.length = 0;
      await api()[channel]?.({ id: 1 });
      expect(recorded.invoked).toEqual([{ channel, request: { id: 1 } }]);
    }
  });

  it('the change listener only hears sherpa:changed and passes the event, not Electron’s IpcRendererEvent', () => {
    const heard: unknown[] = [];
    const stop = api().onChange?.((event: unknown) => heard.push(event)) as () => void;
    expect([...recorded.listeners.keys()]).toEqual(['sherpa:changed']);
    const sender = { sender: { send: () => undefined }, senderFrame: {} };
    for (const listener of recorded.listeners.get('sherpa:changed') ?? [])
      listener(sender, { channel: 'person.create', entity: 'person', id: 3 });
    expect(heard).toEqual([{ channel: 'person.create', entity: 'person', id: 3 }]);
    stop();
    expect(recorded.listeners.get('sherpa:changed')?.size).toBe(0);
  });

  it('the quit handshake hears only sherpa:flush-request and answers only on sherpa:flush-done', async () => {
    let asked = 0;
    const stop = api().onFlushRequest?.(() => asked++) as () => void;
    expect(recorded.listeners.get('sherpa:flush-request')?.size).toBe(1);
    for (const listener of recorded.listeners.get('sherpa:flush-request') ?? []) listener({ sender: {} });
    expect(asked).toBe(1);
    stop();
    expect(recorded.listeners.get('sherpa:flush-request')?.size).toBe(0);
    recorded.invoked.length = 0;
    api().flushDone?.();
    expect(recorded.invoked).toEqual([{ channel: 'sherpa:flush-done', request: undefined }]);
  });
});
