import { meetings } from '../../../db/meetings.ts';
import {
  createNote,
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
import { sectors } from '../../../db/sectors.ts';
import { summits } from '../../../db/summits.ts';
import type { NoteSaveResult } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import { type HandlerDeps, type HandlerGroup, UserError } from './types.ts';

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
  | 'note.restoreRevision'
  | 'note.link';

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
    'note.save': ({ id, baseVersion, ...content }) => saveOrConflict(() => saveNote(db, id, baseVersion, content)),
    'note.listFor': (target) =>
      'sectorEntryId' in target ? listNotesOfSectorEntry(db, target.sectorEntryId) : listNotesOfMeeting(db, target.meetingId),
    'note.revisions': ({ id }) => listRevisions(db, id),
    'note.list': (filter) => listNotes(db, filter),
    'note.tags': () => listNoteTags(db),
    'note.trash': ({ id }) => trashNote(db, id),
    'note.restore': ({ id }) => restoreNote(db, id),
    'note.listTrash': () => listTrash(db),
    'note.emptyTrash': () => ({ deleted: emptyTrash(db) }),
    'note.link': ({ id, link }) => {
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
          throw new UserError('invalid_request', `link.${field}: no such record (id ${targetId})`, `link.${field}`);
      }
      try {
        return linkNote(db, id, link);
      } catch (error) {
        if (error instanceof NoteLinkError) throw new UserError('invalid_request', error.message, 'link');
        throw error;
      }
    },
    'note.restoreRevision': ({ id, version, baseVersion }) => saveOrConflict(() => restoreRevision(db, id, version, baseVersion)),
  };
}
