// Every open note's save queue, so one event can flush them all: leaving the
// view, hiding or closing the page, and main's quit handshake.
import { call, getBridge } from '../bridge/index.ts';
import type { SaveQueue, SaveStatus } from './saveQueue.ts';

const open = new Set<SaveQueue>();
/** Annotations open for writing: one the page closes on with nothing written in it is discarded, as "Done" would. */
const openAnnotations = new Set<number>();
let installed = false;

export function flushAll(): Promise<SaveStatus[]> {
  return Promise.all([...open].map((queue) => queue.flush()));
}

/** Until the returned function is called, closing the page discards the annotation if it is still empty. */
export function discardIfPageClosesEmpty(id: number): () => void {
  openAnnotations.add(id);
  return () => openAnnotations.delete(id);
}

/**
 * The page is going away: its edits reach the store first, then every open
 * annotation still empty is discarded. The store deletes one only if it is
 * empty there, and nothing is discarded while an edit has not been saved.
 */
async function closePage(): Promise<void> {
  const statuses = await flushAll();
  if (!statuses.every((status) => status.state === 'saved')) return;
  // Kept is the safe outcome: an empty annotation that stays can still be moved to the trash.
  await Promise.all([...openAnnotations].map((id) => call('note.discardIfEmpty', { id }).catch(() => null)));
}

/** Installed once the app starts, so main's flush request is answered even with no note open. */
export function installFlushTriggers(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('hashchange', () => void flushAll());
  // A page kept for the back button (persisted) may come back with its editor open: only a page closed for good discards.
  window.addEventListener('pagehide', (event) => void (event.persisted ? flushAll() : closePage()));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAll();
  });
  // Answer main even if a save failed: the draft journal still holds the text.
  getBridge().onFlushRequest(() => void closePage().finally(() => getBridge().flushDone()));
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
