// Every open note's save queue, so one event can flush them all: leaving the
// view, hiding or closing the page, and main's quit handshake.
import { getBridge } from '../bridge/index.ts';
import type { SaveQueue, SaveStatus } from './saveQueue.ts';

const open = new Set<SaveQueue>();
let installed = false;

export function flushAll(): Promise<SaveStatus[]> {
  return Promise.all([...open].map((queue) => queue.flush()));
}

/** Installed once the app starts, so main's flush request is answered even with no note open. */
export function installFlushTriggers(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('hashchange', () => void flushAll());
  window.addEventListener('pagehide', () => void flushAll());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAll();
  });
  // Answer main even if a save failed: the draft journal still holds the text.
  getBridge().onFlushRequest(() => void flushAll().finally(() => getBridge().flushDone()));
}

export function registerQueue(queue: SaveQueue): void {
  installFlushTriggers();
  open.add(queue);
}

/** Closed editors stay registered until the store has their last edit. */
export function closeQueue(queue: SaveQueue): void {
  void queue.close().then((status) => {
    if (status.state === 'saved') open.delete(queue);
  });
}
