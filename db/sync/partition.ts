import type { RecordBody } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';

// Need-to-know on the server: each record replicates to one database, whose
// CouchDB permissions say who may read it. Reference data every officer uses
// (sources, countries, people, programmes, sectors and their entries, undated
// chronology) goes to the reference database; what belongs to a summit (its
// meetings, participants, follow-ups, timeline, notes) goes to that summit's
// own database, and only when this desk shares the summit. The summit record
// itself, its title and dates, is in the reference database once shared, so
// colleagues can see it exists and choose to share it too. Everything else
// (a meeting of no summit, a free-standing note) stays on this desk.

export const referencePartition = 'reference';
/** 'reference', a summit's replication id, or null: kept on this desk. */
export type Partition = string | null;

const referenceEntities = new Set(['source', 'country', 'person', 'programme', 'sector', 'sector_entry']);

/** The text a record last had: its winner's, or for a deletion the last body before it, so a deletion goes where the record went. */
function lastBody(db: Db, docId: string): RecordBody | undefined {
  const body = statement(
    db,
    `SELECT coalesce(
       (SELECT R.body FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev WHERE D.doc_id = ?),
       (SELECT body FROM sync_rev WHERE doc_id = ? AND body IS NOT NULL ORDER BY seq DESC LIMIT 1))`,
  )
    .pluck()
    .get(docId, docId) as string | null | undefined;
  return body == null ? undefined : (JSON.parse(body) as RecordBody);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Which database a record replicates to, given the summits this desk shares. */
export function partitionOf(db: Db, docId: string, shared: ReadonlySet<string>): Partition {
  const entity = docId.slice(0, docId.indexOf(':'));
  if (referenceEntities.has(entity)) return referencePartition;
  const ofSummit = (summitDocId: string | undefined): Partition => (summitDocId && shared.has(summitDocId) ? summitDocId : null);
  const ofMeeting = (meetingDocId: string | undefined): Partition =>
    meetingDocId ? ofSummit(text(lastBody(db, meetingDocId)?.summit_id)) : null;
  switch (entity) {
    case 'summit':
      return shared.has(docId) ? referencePartition : null;
    case 'meeting':
      return ofSummit(text(lastBody(db, docId)?.summit_id));
    case 'meeting_participant':
      // `meeting_participant:<meeting>.<person>`: its meeting is in its id.
      return ofMeeting(`meeting:${docId.slice(docId.indexOf(':') + 1, docId.indexOf('.'))}`);
    case 'follow_up':
      return ofMeeting(text(lastBody(db, docId)?.meeting_id));
    case 'timeline_event': {
      const summit = text(lastBody(db, docId)?.summit_id);
      return summit ? ofSummit(summit) : referencePartition;
    }
    case 'note': {
      const body = lastBody(db, docId);
      if (!body) return null;
      if (text(body.meeting_id)) return ofMeeting(text(body.meeting_id));
      if (text(body.summit_id)) return ofSummit(text(body.summit_id));
      if (text(body.sector_entry_id) || text(body.sector_id)) return referencePartition;
      return null;
    }
    default:
      return null;
  }
}

/**
 * The summit a record belonged to at one of its revisions (by that revision's
 * own links; a meeting's by what it is now), or null when that revision was
 * of no summit: a summit's bundle carries no text another summit's record had.
 */
export function summitOfRevision(db: Db, entity: string, body: RecordBody): string | null {
  const ofMeeting = (meetingDocId: string | undefined) => (meetingDocId ? (text(lastBody(db, meetingDocId)?.summit_id) ?? null) : null);
  switch (entity) {
    case 'meeting':
    case 'timeline_event':
      return text(body.summit_id) ?? null;
    case 'follow_up':
      return ofMeeting(text(body.meeting_id));
    case 'note':
      return text(body.meeting_id) ? ofMeeting(text(body.meeting_id)) : (text(body.summit_id) ?? null);
    default:
      return null;
  }
}
