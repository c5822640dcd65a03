import { openSealedStorage, type SealedStorage } from '../session/sealedStorage.ts';
import type { FormValues } from './specs.ts';

// A record form's unsaved values, kept in the tab's sessionStorage: a reload
// (Ctrl+R, the window reloading after a fault) or leaving the form with Back
// finds them again when it opens, instead of an empty form. Saving it or
// cancelling drops them; sessionStorage keeps them from other tabs.
// Chromium writes sessionStorage to the profile on disk (to restore tabs):
// over an encrypted store the values are sealed with the journal's key, as a
// note's draft journal is, and while Sherpa is locked none are kept at all.

const prefix = 'sherpa.formDraft:';

let sealed: SealedStorage | null = null;
/** Set once a store with keys has been opened in this page: from then on nothing is kept in plaintext. */
let sealingRequired = false;

/** One form: the route it was opened at, the kind of record and which one ("new" for a record not made yet). */
export function formDraftKey(route: string, entity: string, id: number | undefined): string {
  return `${prefix}${route}|${entity}|${id ?? 'new'}`;
}

function storage(): Storage | null {
  if (sealed) return sealed;
  if (sealingRequired) return null;
  try {
    return window.sessionStorage;
  } catch {
    // Storage switched off: a reload then loses the draft, as it did before.
    return null;
  }
}

/** At unlock of an encrypted store: the kept values decrypted into memory (and any plain ones sealed). */
export async function openSealedFormDrafts(key: CryptoKey): Promise<void> {
  sealingRequired = true;
  sealed?.close();
  sealed = null;
  try {
    sealed = await openSealedStorage(window.sessionStorage, key, prefix);
  } catch {
    // Storage switched off: forms keep nothing across a reload.
  }
}

/** At lock: pending values sealed to disk, then the decrypted copy and the key dropped. */
export async function closeSealedFormDrafts(): Promise<void> {
  await sealed?.settled();
  sealed?.close();
  sealed = null;
}

/** The values kept for this form, when they are still values of its fields. */
export function readFormDraft(key: string, fields: readonly string[]): FormValues | null {
  const text = storage()?.getItem(key);
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed);
    const valid = entries.every(([name, value]) => fields.includes(name) && (typeof value === 'string' || typeof value === 'boolean'));
    return valid ? (Object.fromEntries(entries) as FormValues) : null;
  } catch {
    return null;
  }
}

export function writeFormDraft(key: string, values: FormValues): void {
  try {
    storage()?.setItem(key, JSON.stringify(values));
  } catch {
    // Storage full, or locked: the draft is not kept across a reload; the form itself is unaffected.
  }
}

export function dropFormDraft(key: string): void {
  storage()?.removeItem(key);
}
