import { BrowserWindow, ipcMain } from 'electron';
import { bridgeChannels, type ChangeEvent } from '../../shared/contract.ts';
import { exceedsRequestLimit, tooLargeMessage } from '../../shared/limits.ts';
import { isTrustedSender } from '../security.ts';
import type { Dispatch } from './dispatch.ts';

export const changeEventChannel = 'sherpa:changed';

/** Registers every channel with ipcMain; calls from any frame but the app's own page are refused. */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of bridgeChannels) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const frame = event.senderFrame;
      if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {
        return { ok: false, error: { code: 'invalid_request', message: 'Refused: the request did not come from Sherpa’s own page.' } };
      }
      // Measured while walking, stopping at the limit: a huge payload is refused without being copied again.
      if (exceedsRequestLimit(payload)) return { ok: false, error: { code: 'too_large', message: tooLargeMessage } };
      return dispatch(channel, payload);
    });
  }
}

/** Tells every window about a write, so two windows on the same data stay in step. */
export function broadcastChange(event: ChangeEvent): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(changeEventChannel, event);
  }
}

export const flushRequestChannel = 'sherpa:flush-request';
export const flushDoneChannel = 'sherpa:flush-done';

/** Asks a window to save every open note now (the quit handshake). */
export function requestFlush(window: BrowserWindow): void {
  if (!window.isDestroyed()) window.webContents.send(flushRequestChannel);
}

/** Hears a window's answer to a flush request; answers from any frame but the app's own page are ignored. */
export function listenForFlushDone(onDone: (webContentsId: number) => void): void {
  ipcMain.handle(flushDoneChannel, (event) => {
    const frame = event.senderFrame;
    if (frame && isTrustedSender(frame.url, frame.parent === null)) onDone(event.sender.id);
  });
}
