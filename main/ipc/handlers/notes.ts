import { meetings } from '../../../db/meetings.ts';
import {
  createNote,
  discardEmptyNote,
  emptyTrash,
  linkNote,
  listNotes,
  listNotesOfMeeting,
  listNotesOfSectorEntry,
  listNoteTags,
  listRevisions,
  listTrash,
  NoteConflictError,
  NoteLinkError,
  notes,
  restoreNote,
  restoreRevision,
  saveNote,
  trashNote,
} from '../../../db/notes.ts';
import { sectorEntries, sectors } from '../../../db/sectors.ts';
import { summits } from '../../../db/summits.ts';
import type { NoteSaveResult } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import { acceptMarking } from './acceptMarking.ts';
import { type ChangeLog, type HandlerDeps, type HandlerGroup, UserError } from './types.ts';

type NoteChannel =
  | 'note.get'
  | 'note.create'
  | 'note.save'
  | 'note.listFor'
  | 'note.revisions'
  | 'note.list'
  | 'note.tags'
  | 'note.trash'
  | 'note.restore'
  | 'note.listTrash'
  | 'note.emptyTrash'
  | 'note.discardIfEmpty'
  | 'note.restoreRevision'
  | 'note.link';

/** A conflict is an answer, not a failure: the renderer shows both texts and lets the user choose. */
function saveOrConflict(save: () => Note, changes: ChangeLog): NoteSaveResult {
  try {
    const note = save();
    changes.record('note', 'updated', [note.id]);
    return { status: 'saved', note };
  } catch (error) {
    if (error instanceof NoteConflictError) return { status: 'conflict', current: error.current };
    throw error;
  }
}

export function noteHandlers({ db }: HandlerDeps): HandlerGroup<NoteChannel> {
  return {
    'note.get': ({ id }) => notes.get(db, id),
    'note.create': ({ sectorEntryId, meetingId, ...content }, changes) => {
      // An annotation's record deleted meanwhile (in another window, by another desk): refused at that field, not as a broken key.
      if (meetingId !== undefined && !meetings.find(db, meetingId))
        throw new UserError('invalid_request', `meetingId: no meeting with id ${meetingId}`, 'no_such_record', 'meetingId');
      if (sectorEntryId !== undefined && !sectorEntries.find(db, sectorEntryId))
        throw new UserError(
          'invalid_request',
          `sectorEntryId: no sector entry with id ${sectorEntryId}`,
          'no_such_record',
          'sectorEntryId',
        );
      const classification = acceptMarking(db, content.classification, undefined, 'classification');
      const note = createNote(db, { sectorEntryId: sectorEntryId ?? null, meetingId: meetingId ?? null }, { ...content, classification });
      changes.record('note', 'created', [note.id]);
      return note;
    },
    'note.save': ({ id, baseVersion, continuesSession, title, body, tags, classification: given }, changes) => {
      // Autosave sends the marking with every pause in typing: the note's own is read only when the one given is no level.
      const classification = acceptMarking(db, given, () => notes.find(db, id)?.classification, 'classification');
      return saveOrConflict(() => saveNote(db, id, baseVersion, { title, body, tags, classification }, { continuesSession }), changes);
    },
    'note.listFor': (target) =>
      'sectorEntryId' in target ? listNotesOfSectorEntry(db, target.sectorEntryId) : listNotesOfMeeting(db, target.meetingId),
    'note.revisions': ({ id }) => listRevisions(db, id),
    'note.list': (filter) => listNotes(db, filter),
    'note.tags': () => listNoteTags(db),
    // To every list a trashed note has left, and a restored one come back.
    'note.trash': ({ id }, changes) => {
      const note = trashNote(db, id);
      changes.record('note', 'deleted', [id]);
      return note;
    },
    'note.restore': ({ id }, changes) => {
      const note = restoreNote(db, id);
      changes.record('note', 'created', [id]);
      return note;
    },
    'note.discardIfEmpty': ({ id }, changes) => {
      const discarded = discardEmptyNote(db, id);
      if (discarded) changes.record('note', 'deleted', [id]);
      return { discarded };
    },
    'note.listTrash': () => listTrash(db),
    'note.emptyTrash': (_request, changes) => {
      const binned = listTrash(db).map((note) => note.id);
      const deleted = emptyTrash(db);
      changes.record('note', 'deleted', binned);
      return { deleted };
    },
    'note.link': ({ id, link }, changes) => {
      // The linked record must exist: a link to nothing would print nowhere and say nothing.
      if (link !== null) {
        const [field, table] =
          'summitId' in link
            ? (['summitId', summits] as const)
            : 'meetingId' in link
              ? (['meetingId', meetings] as const)
              : (['sectorId', sectors] as const);
        const targetId = (link as Record<string, number>)[field] ?? 0;
        if (!table.find(db, targetId))
          throw new UserError('invalid_request', `link.${field}: no such record (id ${targetId})`, 'no_such_record', `link.${field}`);
      }
      try {
        const linked = linkNote(db, id, link);
        changes.record('note', 'updated', [id]);
        return linked;
      } catch (error) {
        if (error instanceof NoteLinkError) throw new UserError('invalid_request', error.message, 'annotation_stays', 'link');
        throw error;
      }
    },
    'note.restoreRevision': ({ id, version, baseVersion }, changes) =>
      saveOrConflict(() => restoreRevision(db, id, version, baseVersion), changes),
  };
}
