// Conflicts between desks, as the conflicts screen shows them: a record two
// desks changed at once, with the version every desk shows (CouchDB's
// winner) beside each losing version kept in its history.
import type { RecordKind } from './recordKinds.ts';
import type { RevisionAuthor } from './sync.ts';

/**
 * What kind of record is in conflict, as a person names it: a note written on a meeting brief is an annotation on a
 * meeting, one under a sector entry an annotation on that entry (each page heads them "Annotations"); any other is a note.
 */
export type ConflictKind = RecordKind | 'meetingAnnotation' | 'entryAnnotation';

/** The page that shows a record; the renderer turns it into a route. */
export type ConflictPage =
  | { view: 'meeting' | 'summit' | 'people' | 'sectors' | 'notes'; id: number }
  | { view: 'people' | 'sectors' | 'timeline' | 'sources' };

export interface ConflictSummary {
  /** The record's id, the same on every desk (`meeting:…`). */
  id: string;
  kind: ConflictKind;
  /** The record's row here; null when this desk holds no row for it (one held back by a rule of this store). */
  rowId: number | null;
  /** Where the record is shown; null when it has no page here. */
  page: ConflictPage | null;
  title: string;
  /** The marking of the version shown now. */
  classification: string;
  /** The markings of the versions kept beside it, distinct: a pack prints the record at the highest of all until settled. */
  otherMarkings: string[];
  /** The winning revision, to resolve against: a resolution made on an older view is refused. */
  winnerRev: string;
  /** Losing versions kept beside it. */
  others: number;
}

export type FieldValue = string | number | null;

export interface ConflictSide {
  rev: string;
  /** When this version was saved, where the record keeps that; null otherwise. */
  savedAt: string | null;
  /** The desk that wrote this version, and when; null when not recorded (written before authors were kept). */
  author: RevisionAuthor | null;
  classification: string;
  values: Record<string, FieldValue>;
  /** A reference's value shown by the name of the record it refers to. */
  shown: Record<string, string>;
}

export interface ConflictField {
  name: string;
  /** Not the same on every side: highlighted, and a merge chooses it. */
  differs: boolean;
  /** Long text: a merge may edit the combined text. */
  long: boolean;
}

export interface RecordConflict {
  summary: ConflictSummary;
  winner: ConflictSide;
  losers: ConflictSide[];
  fields: ConflictField[];
  /** The marking a merge takes unless told otherwise: the highest of all sides. */
  mergeMarking: string;
}

/**
 * How the user settles a conflict. `keep`: the version shown now stays, every
 * other is dismissed. `dismiss`: one other version is dismissed. `take`: one
 * other version becomes the one shown. `merge`: a new version from the fields
 * chosen (by revision), long texts possibly edited; unchosen fields keep the
 * version shown now, but the marking takes the highest of all sides.
 * A keep, dismiss or take that leaves only versions marked lower than another,
 * or a merge that chooses a lower marking than the highest, lowers the record
 * on every desk: refused unless `lowersMarkingTo` names the marking it is
 * lowered to (the user confirmed it, naming both markings).
 */
export type ConflictResolution =
  | { id: string; winnerRev: string; action: 'keep'; lowersMarkingTo?: string }
  | { id: string; winnerRev: string; action: 'dismiss' | 'take'; rev: string; lowersMarkingTo?: string }
  | {
      id: string;
      winnerRev: string;
      action: 'merge';
      choices: Record<string, string>;
      texts?: Record<string, string>;
      lowersMarkingTo?: string;
    };

export interface ConflictResolved {
  id: string;
  kind: ConflictKind;
  rowId: number | null;
  /** The revision now shown on every desk once this one replicates. */
  rev: string;
  /** Other versions still kept (after dismissing one of several). */
  others: number;
}

type WithoutTarget<T> = T extends unknown ? Omit<T, 'id' | 'winnerRev'> : never;
/** A resolution as the user chooses it, before it is addressed to the record and the version seen. */
export type ConflictDecision = WithoutTarget<ConflictResolution>;

// ---- A record deleted on one desk and kept for what another desk added to it (restorations) ----

/** A live record that refers to the one brought back: the reason it was kept. */
export interface RestoredReferrer {
  id: string;
  kind: ConflictKind;
  title: string;
  classification: string;
  /** Who wrote the version shown now (the desk that added it, unless it was changed since); null when not recorded. */
  author: RevisionAuthor | null;
}

/**
 * A record a desk deleted and every desk kept, because a desk that had not
 * seen the deletion edited it (an edit beats a deletion), or added records
 * referring to it. Derived from the record's revision tree (its deletion kept
 * as a losing leaf beside the edit, or beside the revision that brought it
 * back), so every desk that holds the same tree says the same.
 */
export interface RestoredRecord {
  id: string;
  kind: ConflictKind;
  rowId: number | null;
  page: ConflictPage | null;
  title: string;
  classification: string;
  /** The deletion kept beside the record: settling the notice answers this one. */
  deletion: string;
  /** Who deleted it (or moved it to the trash), and when, as that desk recorded it; null when not recorded. */
  deletedBy: RevisionAuthor | null;
  /**
   * `edit`: another desk edited the version deleted; `referrers`: records added elsewhere refer to it (listed either
   * way); `trash`: a note moved to the trash on one desk, taken out of it by an edit another desk made meanwhile.
   */
  keptFor: 'edit' | 'referrers' | 'trash';
  /** Who made the edit that outlived the deletion, and when; null when kept for referrers, or not recorded. */
  editedBy: RevisionAuthor | null;
  referrers: RestoredReferrer[];
}

/**
 * `keep`: the record stays and the notice goes, on every desk. `delete`: the
 * record and the records referring to it, named as the user confirmed them,
 * are deleted here and the deletion replicates like any other.
 */
export type RestorationSettlement =
  | { id: string; deletion: string; action: 'keep' }
  | { id: string; deletion: string; action: 'delete'; referrers: string[] };

export interface RestorationSettled {
  id: string;
  action: 'keep' | 'delete';
  /** Records deleted here: the record and those that referred to it (0 when kept). */
  deleted: number;
}
