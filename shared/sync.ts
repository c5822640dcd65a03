// What desks exchange, in CouchDB's model: a record (`_id`) with every
// revision this desk knows of it, each naming its parent, so the union of two
// desks' revisions is the merged revision tree.

/** A record's body: its columns, references given as the referenced record's id. */
export type RecordBody = Record<string, string | number | null>;

export interface RevisionRecord {
  /** `N-hash`, N counting edits from the first. */
  rev: string;
  parent: string | null;
  deleted: boolean;
  /** The record at this revision; null for a deletion (or an ancestor known only by its id). */
  body: RecordBody | null;
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
