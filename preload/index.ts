import { contextBridge, ipcRenderer } from 'electron';
import { bridgeChannels, type ChangeEvent, type SherpaApi } from '../shared/contract.ts';

// One method per channel, built from the contract's fixed list: the page can
// call exactly these and nothing else, and can only listen for change events.
const api = Object.fromEntries(
  bridgeChannels.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as Record<string, unknown>;

api.onChange = (listener: (event: ChangeEvent) => void) => {
  const wrapped = (_event: unknown, change: ChangeEvent) => listener(change);
  ipcRenderer.on('sherpa:changed', wrapped);
  return () => ipcRenderer.removeListener('sherpa:changed', wrapped);
};

// The quit handshake: main asks before the app exits, the page answers once
// every open note is saved or journaled.
api.onFlushRequest = (listener: () => void) => {
  const wrapped = () => listener();
  ipcRenderer.on('sherpa:flush-request', wrapped);
  return () => ipcRenderer.removeListener('sherpa:flush-request', wrapped);
};
api.flushDone = () => void ipcRenderer.invoke('sherpa:flush-done');

contextBridge.exposeInMainWorld('sherpa', api as SherpaApi);
