import crypto from 'node:crypto';

// Two kinds of deleted revision share CouchDB's one shape: a user deleting a
// record, and a desk closing a revision it has seen (a losing version
// dismissed, a restoration notice answered). Only the first is news to
// another desk when an edit outlives it (restorations.ts), so the second is
// written with an id every desk recognises: eight zeros before its hash. Among
// deleted leaves of one depth the highest id wins, so a real deletion beside
// a closing one stays the record's tombstone.

export const closingMark = '00000000';

/** A deletion closing `parent` that deletes nothing a user meant to delete. */
export function closingRevisionId(parent: string): string {
  return `${Number.parseInt(parent, 10) + 1}-${closingMark}${crypto.randomBytes(12).toString('hex')}`;
}

/** Whether a deleted revision closes one seen (written since this rule, or answering a notice), rather than deleting the record. */
export function isClosing(rev: string): boolean {
  return rev.slice(rev.indexOf('-') + 1).startsWith(closingMark);
}
