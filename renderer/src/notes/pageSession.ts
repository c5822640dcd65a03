// Which pages are alive, from Web Locks: each page holds a lock named after
// its session for as long as it lives, and the browser releases it the moment
// the page closes, reloads or crashes.
import { closeSealedFormDrafts, openSealedFormDrafts } from '../forms/formDrafts.ts';
import { importJournalKey, openSealedStorage, type SealedStorage } from '../session/sealedStorage.ts';
import { createDraftJournal, type DraftJournal, draftPrefix } from './draftJournal.ts';

const lockPrefix = 'sherpa.session.';
export const pageSession = crypto.randomUUID();
let holding = false;

function holdSession(): void {
  if (holding || !navigator.locks) return;
  holding = true;
  void navigator.locks.request(`${lockPrefix}${pageSession}`, () => new Promise<never>(() => undefined));
}

/** Sessions of the pages open now (this one included). */
export async function liveSessions(): Promise<Set<string>> {
  holdSession();
  // Without Web Locks no other page can be proven alive: their drafts are offered, never dropped.
  if (!navigator.locks) return new Set([pageSession]);
  const state = await navigator.locks.query();
  const names = (state.held ?? []).map((lock) => lock.name ?? '').filter((name) => name.startsWith(lockPrefix));
  return new Set([pageSession, ...names.map((name) => name.slice(lockPrefix.length))]);
}

let shared: DraftJournal | null = null;
let sealed: SealedStorage | null = null;
/**
 * The page's journal, in localStorage so it outlives a reload, a crash and a
 * restart: sealed with the journal key once Sherpa is unlocked, plain only
 * over a store that is not encrypted (a test harness).
 */
export function pageJournal(): DraftJournal {
  holdSession();
  shared ??= createDraftJournal(sealed ?? window.localStorage, pageSession);
  return shared;
}

/** At unlock: the journal's entries decrypted into memory with the key main derived for it. */
export async function openPageJournal(journalKey: string): Promise<void> {
  const key = await importJournalKey(journalKey);
  sealed = await openSealedStorage(window.localStorage, key, draftPrefix);
  shared = null;
  // A record form's unsaved values rest in the tab's session storage, which Chromium also writes to disk.
  await openSealedFormDrafts(key);
}

/** At lock: every pending write sealed to disk, then the decrypted entries and the key dropped. */
export async function closePageJournal(): Promise<void> {
  await sealed?.settled();
  sealed?.close();
  sealed = null;
  shared = null;
  await closeSealedFormDrafts();
}
