import type { SyncedTable } from './recordKinds.ts';
import type { RecordBody } from './sync.ts';

// How a person names a record, on every screen that lists records of any kind
// (the conflicts screen, a bundle's contents and review): one rule, so a record
// is called the same wherever it is shown.

/** The field a record is known by. A person's `title` is a job title ("President"), so people go by name. */
const nameField: Record<Exclude<SyncedTable, 'meeting_participant' | 'meeting_biography'>, string> = {
  source: 'title',
  country: 'name',
  person: 'name',
  summit: 'title',
  programme: 'name',
  sector: 'name',
  sector_entry: 'title',
  meeting: 'title',
  timeline_event: 'title',
  follow_up: 'description',
  note: 'title',
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * A record's name at one of its versions. `nameOf` names a record it refers
 * to by global id: a participant, or a biography written for a meeting, is "person — meeting"; an untitled note is
 * known by its first line.
 */
export function recordName(table: SyncedTable, body: RecordBody | null | undefined, nameOf: (docId: unknown) => string): string {
  if (!body) return '';
  if (table === 'meeting_participant' || table === 'meeting_biography')
    return [nameOf(body.person_id), nameOf(body.meeting_id)].filter(Boolean).join(' — ');
  const named = text(body[nameField[table]]);
  if (named || table !== 'note') return named;
  return (
    text(body.body)
      .split('\n')
      .find((line) => line.trim() !== '') ?? ''
  ).slice(0, 80);
}
