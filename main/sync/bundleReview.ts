import { receivingMarkings } from '../../db/markings.ts';
import type { Db } from '../../db/open.ts';
import { currentBody, docState, isSyncedEntity, revisionsOf, type SyncedEntity, syncedEntities } from '../../db/sync/history.ts';
import {
  type BundleContents,
  type BundleMisleadingLine,
  type BundleRecordLine,
  type BundleReview,
  type BundleReviewBreakdown,
  reviewLinesAtOnce,
} from '../../shared/bundles.ts';
import { hasDirectionOverride } from '../../shared/fieldRules.ts';
import { misleadingLabelsIn, recordHasMisleadingCharacter, withMisleadingCharactersShown } from '../../shared/misleadingCharacters.ts';
import { recordKindOfTable, tableOf } from '../../shared/recordKinds.ts';
import { recordName } from '../../shared/recordNames.ts';
import { compareNames, sortKey } from '../../shared/sortKey.ts';
import type { RecordBody, RecordChange, RecordHistory, RevisionRecord } from '../../shared/sync.ts';
import { inSlices, sortInSlices } from './inSlices.ts';

// Names and markings of the records a bundle carries, for the screens that
// show them before anything is sent or merged. Classification is data: every
// revision inside counts towards the highest marking, the losers of a
// conflict included, because the file carries all of them.

const rank = (entity: string) => (syncedEntities as readonly string[]).indexOf(entity);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * A note's revision holding no words: an annotation as "Add annotation" starts it, unmarked for the author to
 * choose, before anything is typed. Nothing in it is material to mark: counted, it made a summit written and
 * marked throughout read "+ UNMARKED MATERIAL", and nobody could find what.
 */
function wordlessNote(entity: string, body: RecordBody): boolean {
  const tags = body.tags;
  const noTags =
    tags === undefined || tags === null || (Array.isArray(tags) ? tags.length === 0 : text(tags).trim() === '' || tags === '[]');
  return entity === 'note' && text(body.title).trim() === '' && text(body.body).trim() === '' && noTags;
}

/** Markings found in any revision of these records, distinct. */
export function markingsInside(histories: readonly RecordHistory[]): string[] {
  const markings = new Set<string>();
  for (const history of histories)
    for (const revision of history.revisions) {
      const marking = revision.body?.classification;
      if (typeof marking === 'string' && !(marking === '' && revision.body && wordlessNote(history.entity, revision.body)))
        markings.add(marking);
    }
  return [...markings].sort();
}

interface Lookup {
  /** The body of a record at a revision, from the bundle or, failing that, this store. */
  bodyAt(docId: string, rev: string): RevisionRecord | undefined;
  /** A record's current body, for naming what a record refers to. */
  current(docId: string): RecordBody | undefined;
  /**
   * A marking as the merge would store it (receivedMarking): a colleague's "ΕΜΠΙΣΤΕΥΤΙΚΟ" is listed as this desk's
   * "Εμπιστευτικό", the level it is, not by a name the scheme lacks. The scheme is read once a review.
   */
  marking(given: string): string;
}

function lookupIn(db: Db, histories: readonly RecordHistory[]): Lookup {
  const byId = new Map(histories.map((history) => [history.id, history]));
  const received = receivingMarkings(db);
  return {
    marking: (given) => received(given),
    bodyAt: (docId, rev) =>
      byId.get(docId)?.revisions.find((revision) => revision.rev === rev && (revision.body !== null || revision.deleted)) ??
      revisionsOf(db, docId).find((revision) => revision.rev === rev),
    current: (docId) =>
      currentBody(db, docId) ?? byId.get(docId)?.revisions.findLast((revision) => revision.body !== null)?.body ?? undefined,
  };
}

/** A record another refers to (a participant's person and meeting), named as it is now. */
function nameOfReferenced(docId: unknown, lookup: Lookup): string {
  if (typeof docId !== 'string') return '';
  const table = docId.slice(0, docId.indexOf(':'));
  return isSyncedEntity(table) ? recordName(table, lookup.current(docId), () => '') : '';
}

function lineOf(
  db: Db,
  entity: SyncedEntity,
  docId: string,
  winner: RevisionRecord | undefined,
  change: RecordChange,
  lookup: Lookup,
): BundleRecordLine {
  const rowKey = docState(db, docId)?.row_key;
  const rowId = rowKey && /^\d+$/.test(rowKey) ? Number(rowKey) : null;
  const body = winner?.body ?? null;
  // A colleague's name for a record is listed as it is stored: what hides or turns text round is named, not obeyed.
  const name = withMisleadingCharactersShown(recordName(entity, body, (ref) => nameOfReferenced(ref, lookup)));
  const classification = body && 'classification' in body ? lookup.marking(text(body.classification)) : null;
  return { id: docId, kind: recordKindOfTable[entity], rowId, name, classification, change, deleted: winner?.deleted ?? false };
}

const overrideIn = (value: unknown) => typeof value === 'string' && hasDirectionOverride(value);

/** Whether any text of a record (a tag included) holds a character that turns it round. */
function turnsTextRound(winner: RevisionRecord | undefined): boolean {
  // A loop, not a flattened copy of every field: a review of the whole store asks this of 190,000 records.
  for (const value of Object.values(winner?.body ?? {})) if (Array.isArray(value) ? value.some(overrideIn) : overrideIn(value)) return true;
  return false;
}

const byPlace = (a: BundleRecordLine, b: BundleRecordLine) => rank(tableOf(a.kind)) - rank(tableOf(b.kind)) || compareNames(a.name, b.name);

/** What a bundle of these local records would hold: each at its current revision. */
export function contentsOf(db: Db, histories: readonly RecordHistory[]): BundleContents {
  const lookup = lookupIn(db, histories);
  const records = histories.flatMap((history) => {
    const state = docState(db, history.id);
    if (!state) return [];
    return [lineOf(db, state.entity, history.id, lookup.bodyAt(history.id, state.rev), 'unchanged', lookup)];
  });
  return { records: records.sort(byPlace), markings: markingsInside(histories) };
}

/** A bundle opened by main/sync/bundle.ts, with what merging it would change. */
interface OpenedForReview {
  bundleId: string;
  createdAt: string;
  signer: BundleReview['signer'];
  signerKnown: boolean;
  records: RecordHistory[];
  summary: {
    new: number;
    updated: number;
    conflicting: number;
    unchanged: number;
    heldBack: unknown[];
    records: { id: string; entity: string; change: RecordChange; winner: string }[];
  };
}

/** How many lines of each kind and marking would change, by how: exact, however few lines are listed. */
function breakdownOf(lines: readonly BundleRecordLine[]): BundleReviewBreakdown[] {
  const counted = new Map<string, BundleReviewBreakdown>();
  for (const line of lines) {
    if (line.change === 'unchanged') continue;
    const key = `${line.kind}\u0000${line.classification ?? ''}\u0000${line.classification === null ? 0 : 1}`;
    const entry = counted.get(key) ?? { kind: line.kind, classification: line.classification, new: 0, updated: 0, conflicting: 0 };
    entry[line.change] += 1;
    counted.set(key, entry);
  }
  return [...counted.values()].sort(
    (a, b) => rank(tableOf(a.kind)) - rank(tableOf(b.kind)) || (a.classification ?? '').localeCompare(b.classification ?? '', 'en'),
  );
}

/** The lines a review answers with at once: every conflict, the first new and updated ones. */
function firstLines(lines: readonly BundleRecordLine[]): BundleRecordLine[] {
  const listed = { new: 0, updated: 0 };
  return lines.filter((line) => {
    if (line.change === 'conflicting') return true;
    if (line.change === 'unchanged') return false;
    listed[line.change] += 1;
    return listed[line.change] <= reviewLinesAtOnce;
  });
}

/** A review, bounded, with every line that would change in its order (for `bundle.reviewLines`). */
export interface ReviewWithLines {
  review: BundleReview;
  lines: BundleRecordLine[];
}

/** Records that would change whose text hides or turns round what it says: counted, and the first listed with each character. */
interface Misleading {
  count: number;
  lines: BundleMisleadingLine[];
}

function misleadingOf(flagged: readonly { line: BundleRecordLine; winner: RevisionRecord | undefined }[]): Misleading {
  return {
    count: flagged.length,
    lines: flagged.slice(0, reviewLinesAtOnce).map(({ line, winner }) => ({ ...line, characters: misleadingLabelsIn(winner?.body) })),
  };
}

function reviewWith(opened: OpenedForReview, lines: BundleRecordLine[], turningTextRound: number, misleading: Misleading): ReviewWithLines {
  const { summary } = opened;
  return {
    review: {
      bundleId: opened.bundleId,
      createdAt: opened.createdAt,
      signer: opened.signer,
      signerAccepted: opened.signerKnown,
      counts: { new: summary.new, updated: summary.updated, conflicting: summary.conflicting, unchanged: summary.unchanged },
      changes: firstLines(lines),
      breakdown: breakdownOf(lines),
      markings: markingsInside(opened.records),
      heldBack: summary.heldBack.length,
      turnsTextRound: turningTextRound,
      misleading,
    },
    lines,
  };
}

/** The review of a bundle opened by main/sync/bundle.ts: every record that would change, named and marked. */
export function reviewOf(db: Db, opened: OpenedForReview): ReviewWithLines {
  const lookup = lookupIn(db, opened.records);
  const changing = opened.summary.records
    .filter((record) => record.change !== 'unchanged')
    .map((record) => ({ record, winner: lookup.bodyAt(record.id, record.winner) }));
  const named = changing.map(({ record, winner }) => ({
    line: lineOf(db, record.entity as SyncedEntity, record.id, winner, record.change, lookup),
    winner,
  }));
  const changes = named.map(({ line }) => line).sort(byPlace);
  return reviewWith(
    opened,
    changes,
    changing.filter(({ winner }) => turnsTextRound(winner)).length,
    misleadingOf(named.filter(({ winner }) => recordHasMisleadingCharacter(winner?.body)).sort((a, b) => byPlace(a.line, b.line))),
  );
}

/**
 * The same review, its lines named from the store a few at a time, the
 * officer's saves answered between; each line's sort key is made once, not
 * at every comparison (a bundle of the whole store has 190,000 lines).
 */
export async function reviewOfInSlices(db: Db, opened: OpenedForReview): Promise<ReviewWithLines> {
  const lookup = lookupIn(db, opened.records);
  const changing = opened.summary.records.filter((record) => record.change !== 'unchanged');
  const placed = (
    await inSlices(changing, (batch) =>
      batch.map((record) => {
        const winner = lookup.bodyAt(record.id, record.winner);
        const line = lineOf(db, record.entity as SyncedEntity, record.id, winner, record.change, lookup);
        const flagged = recordHasMisleadingCharacter(winner?.body);
        return { line, winner, flagged, rank: rank(tableOf(line.kind)), key: sortKey(line.name), turns: turnsTextRound(winner) };
      }),
    )
  ).flat();
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = await sortInSlices(
    placed,
    (a, b) => a.rank - b.rank || byCodePoint(a.key, b.key) || byCodePoint(a.line.name, b.line.name),
  );
  return reviewWith(
    opened,
    sorted.map((each) => each.line),
    placed.filter((each) => each.turns).length,
    misleadingOf(sorted.filter((each) => each.flagged)),
  );
}
