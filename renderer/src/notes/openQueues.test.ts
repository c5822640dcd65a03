// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { SherpaApi } from '../../../shared/contract.ts';
import { setBridge } from '../bridge/index.ts';
import { createDraftJournal } from './draftJournal.ts';
import { memoryStorage } from './memoryStorage.ts';
import { installFlushTriggers, registerQueue } from './openQueues.ts';
import { createSaveQueue, type SaveRequest } from './saveQueue.ts';

describe('flushing every open note', () => {
  it('answers main’s flush request only after the pending edits were written', async () => {
    const events: string[] = [];
    let askToFlush: () => void = () => undefined;
    setBridge({
      onChange: () => () => undefined,
      onFlushRequest: (listener: () => void) => {
        askToFlush = listener;
        return () => undefined;
      },
      flushDone: () => events.push('flushDone'),
    } as unknown as SherpaApi);
    installFlushTriggers();
    const saved: string[] = [];
    const queue = createSaveQueue({
      noteId: 1,
      baseVersion: 1,
      delayMs: 60_000,
      journal: createDraftJournal(memoryStorage(), 'page'),
      save: async (request: SaveRequest) => {
        saved.push(request.body);
        events.push('saved');
        return {
          status: 'saved',
          note: {
            ...request,
            sectorEntryId: null,
            meetingId: null,
            summitId: null,
            sectorId: null,
            version: 2,
            createdAt: '',
            updatedAt: '',
            deletedAt: null,
          },
        };
      },
    });
    registerQueue(queue);
    queue.edit({ title: '', body: 'last words before quitting', tags: [], classification: '' });
    askToFlush();
    await expect.poll(() => events).toEqual(['saved', 'flushDone']);
    expect(saved).toEqual(['last words before quitting']);
  });

  it('flushes when the page is hidden or left', async () => {
    const saved: string[] = [];
    const queue = createSaveQueue({
      noteId: 2,
      baseVersion: 1,
      delayMs: 60_000,
      journal: createDraftJournal(memoryStorage(), 'page'),
      save: async (request: SaveRequest) => {
        saved.push(request.body);
        return {
          status: 'saved',
          note: {
            ...request,
            sectorEntryId: null,
            meetingId: null,
            summitId: null,
            sectorId: null,
            version: saved.length + 1,
            createdAt: '',
            updatedAt: '',
            deletedAt: null,
          },
        };
      },
    });
    registerQueue(queue);
    queue.edit({ title: '', body: 'typed, then the tab closed', tags: [], classification: '' });
    window.dispatchEvent(new Event('pagehide'));
    await expect.poll(() => saved).toEqual(['typed, then the tab closed']);

    // Hidden: another tab in front, or the laptop lid closed.
    queue.edit({ title: '', body: 'typed, then the window was hidden', tags: [], classification: '' });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await expect.poll(() => saved).toEqual(['typed, then the tab closed', 'typed, then the window was hidden']);
    } finally {
      Reflect.deleteProperty(document, 'visibilityState');
    }
  });
});
