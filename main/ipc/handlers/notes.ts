import {
  createNote,
  listNotesOfMeeting,
  listNotesOfSectorEntry,
  listRevisions,
  NoteConflictError,
  notes,
  saveNote,
} from '../../../db/notes.ts';
import type { HandlerDeps, HandlerGroup } from './types.ts';

type NoteChannel = 'note.get' | 'note.create' | 'note.save' | 'note.listFor' | 'note.revisions';

export function noteHandlers({ db }: HandlerDeps): HandlerGroup<NoteChannel> {
  return {
    'note.get': ({ id }) => notes.get(db, id),
    'note.create': ({ sectorEntryId, meetingId, ...content }) =>
      createNote(db, { sectorEntryId: sectorEntryId ?? null, meetingId: meetingId ?? null }, content),
    'note.save': ({ id, baseVersion, ...content }) => {
      try {
        return { status: 'saved', note: saveNote(db, id, baseVersion, content) };
      } catch (error) {
        // A conflict is an answer, not a failure: the renderer shows both texts.
        if (error instanceof NoteConflictError) return { status: 'conflict', current: error.current };
        throw error;
      }
    },
    'note.listFor': (target) =>
      'sectorEntryId' in target ? listNotesOfSectorEntry(db, target.sectorEntryId) : listNotesOfMeeting(db, target.meetingId),
    'note.revisions': ({ id }) => listRevisions(db, id),
  };
}
