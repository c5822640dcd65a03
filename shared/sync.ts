// What desks exchange, in CouchDB's model: a record (`_id`) with every
// revision this desk knows of it, each naming its parent, so the union of two
// desks' revisions is the merged revision tree.

/** A record's body: its columns, references given as the referenced record's id. */
export type RecordBody = Record<string, string | number | null>;

/**
 * Who wrote a revision: the desk's name and fingerprint (from its contact
 * card) and when, as the writing desk recorded them. Travels inside the
 * replicated document (`sherpa_author`) and inside bundles, so every desk
 * shows the same author for the same revision. A claim, not a signature:
 * a bundle's signature vouches only for its sender.
 */
export interface RevisionAuthor {
  desk: string;
  fingerprint: string;
  /** ISO 8601, UTC. */
  at: string;
}

export interface RevisionRecord {
  /** `N-hash`, N counting edits from the first. */
  rev: string;
  parent: string | null;
  deleted: boolean;
  /** The record at this revision; null for a deletion (or an ancestor known only by its id). */
  body: RecordBody | null;
  /** Who wrote it; null or absent when not recorded (written before authors were kept, or known by id only). */
  author?: RevisionAuthor | null;
}

/** The field of a replicated document that carries its revision's author. */
export const authorField = 'sherpa_author';

const fingerprintPattern = /^[0-9A-F]{4}( [0-9A-F]{4}){4}$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** An author as received (or read back), or null when it is missing or not one a Sherpa desk writes. */
export function revisionAuthorOf(value: unknown): RevisionAuthor | null {
  if (typeof value === 'string') {
    try {
      return revisionAuthorOf(JSON.parse(value));
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const { desk, fingerprint, at } = value as Record<string, unknown>;
  if (typeof desk !== 'string' || desk.trim() === '' || desk.length > 200) return null;
  if (typeof fingerprint !== 'string' || !fingerprintPattern.test(fingerprint)) return null;
  if (typeof at !== 'string' || !instantPattern.test(at)) return null;
  return { desk, fingerprint, at };
}

export interface RecordHistory {
  /** `<entity>:<uuid>`, the same on every desk. */
  id: string;
  entity: string;
  revisions: RevisionRecord[];
}

/** What merging a record's history would do here. */
export type RecordChange = 'new' | 'updated' | 'conflicting' | 'unchanged';

export interface RecordMerge {
  id: string;
  entity: string;
  change: RecordChange;
  /** The winning revision after the merge (CouchDB's rule: the same on every desk). */
  winner: string;
  /** Losing leaves kept beside the winner, to keep, merge or dismiss. */
  conflicts: string[];
}

export interface MergeSummary {
  new: number;
  updated: number;
  conflicting: number;
  unchanged: number;
  /** Records kept in history but not written, with the rule of this store that refused them. */
  heldBack: { id: string; reason: string }[];
  /** Markings of what would be current after the merge, distinct. */
  markings: string[];
  records: RecordMerge[];
}

/** Handed to colleagues so they can send this desk bundles and recognise its signature. */
export interface ContactCard {
  deskName: string;
  /** Ed25519, raw 32 bytes, base64url. */
  signingKey: string;
  /** X25519, raw 32 bytes, base64url. */
  encryptionKey: string;
  /** Short fingerprint of both keys, read aloud to check a card. */
  fingerprint: string;
}

/** A colleague's card whose key this desk no longer trusts (its laptop lost or stolen), and since when. */
export interface RevokedContact extends ContactCard {
  revokedAt: string;
}
