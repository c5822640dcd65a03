import type { FormValues } from './specs.ts';

// A record form's unsaved values, kept in the tab's sessionStorage: a reload
// (Ctrl+R, the window reloading after a fault) or leaving the form with Back
// finds them again when it opens, instead of an empty form. Saving it or
// cancelling drops them; sessionStorage keeps them from other tabs.

const prefix = 'sherpa.formDraft:';

/** One form: the route it was opened at, the kind of record and which one ("new" for a record not made yet). */
export function formDraftKey(route: string, entity: string, id: number | undefined): string {
  return `${prefix}${route}|${entity}|${id ?? 'new'}`;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage switched off: a reload then loses the draft, as it did before.
    return null;
  }
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
    // Storage full: the draft is not kept across a reload; the form itself is unaffected.
  }
}

export function dropFormDraft(key: string): void {
  storage()?.removeItem(key);
}
