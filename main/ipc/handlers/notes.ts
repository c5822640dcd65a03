import {
  createNote,
  emptyTrash,
  listNotes,
  listNotesOfMeeting,
  listNotesOfSectorEntry,
  listNoteTags,
  listRevisions,
  listTrash,
  NoteConflictError,
  notes,
  restoreNote,
  restoreRevision,
  saveNote,
  trashNote,
} from '../../../db/notes.ts';
import type { NoteSaveResult } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import type { HandlerDeps, HandlerGroup } from './types.ts';

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
  | 'note.restoreRevision';

/** A conflict is an answer, not a failure: the renderer shows both texts and lets the user choose. */
function saveOrConflict(save: () => Note): NoteSaveResult {
  try {
    return { status: 'saved', note: save() };
  } catch (error) {
    if (error instanceof NoteConflictError) return { status: 'conflict', current: error.current };
    throw error;
  }
}

export function noteHandlers({ db }: HandlerDeps): HandlerGroup<NoteChannel> {
  return {
    'note.get': ({ id }) => notes.get(db, id),
    'note.create': ({ sectorEntryId, meetingId, ...content }) =>
      createNote(db, { sectorEntryId: sectorEntryId ?? null, meetingId: meetingId ?? null }, content),
    'note.save': ({ id, baseVersion, continuesSession, ...content }) =>
      saveOrConflict(() => saveNote(db, id, baseVersion, content, { continuesSession })),
    'note.listFor': (target) =>
      'sectorEntryId' in target ? listNotesOfSectorEntry(db, target.sectorEntryId) : listNotesOfMeeting(db, target.meetingId),
    'note.revisions': ({ id }) => listRevisions(db, id),
    'note.list': (filter) => listNotes(db, filter),
    'note.tags': () => listNoteTags(db),
    'note.trash': ({ id }) => trashNote(db, id),
    'note.restore': ({ id }) => restoreNote(db, id),
    'note.listTrash': () => listTrash(db),
    'note.emptyTrash': () => ({ deleted: emptyTrash(db) }),
    'note.restoreRevision': ({ id, version, baseVersion }) => saveOrConflict(() => restoreRevision(db, id, version, baseVersion)),
  };
}
