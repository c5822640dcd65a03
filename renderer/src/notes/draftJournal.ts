import type { Note } from '../../../db/types.ts';
import type { NoteContent } from '../../../main/ipc/contract.ts';

/** An edit the store has not acknowledged yet, kept in the page's own storage until it has. */
export interface Draft {
  noteId: number;
  /** The version the edit was made on: tells a plain unsaved edit from one that met a newer save. */
  baseVersion: number;
  content: NoteContent;
  writtenAt: string;
}

export interface DraftJournal {
  /** False when the storage refused (full or disabled): the caller says so instead of pretending. */
  write(draft: Draft): boolean;
  read(noteId: number): Draft | undefined;
  remove(noteId: number): void;
  list(): Draft[];
}

const prefix = 'sherpa.draft.';

export function createDraftJournal(storage: Storage): DraftJournal {
  const keyOf = (noteId: number) => `${prefix}${noteId}`;
  const parse = (raw: string | null): Draft | undefined => {
    if (raw === null) return undefined;
    try {
      const draft = JSON.parse(raw) as Draft;
      return typeof draft.noteId === 'number' && typeof draft.baseVersion === 'number' && draft.content ? draft : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    write(draft) {
      try {
        storage.setItem(keyOf(draft.noteId), JSON.stringify(draft));
        return true;
      } catch {
        return false;
      }
    },
    read: (noteId) => parse(storage.getItem(keyOf(noteId))),
    remove: (noteId) => storage.removeItem(keyOf(noteId)),
    list() {
      const drafts: Draft[] = [];
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (key?.startsWith(prefix)) {
          const draft = parse(storage.getItem(key));
          if (draft) drafts.push(draft);
        }
      }
      return drafts.sort((a, b) => a.noteId - b.noteId);
    },
  };
}

export function sameContent(a: NoteContent, b: NoteContent): boolean {
  return (
    a.title === b.title &&
    a.body === b.body &&
    a.classification === b.classification &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, index) => tag === b.tags[index])
  );
}

export function contentOf(note: Pick<Note, 'title' | 'body' | 'tags' | 'classification'>): NoteContent {
  return { title: note.title, body: note.body, tags: [...note.tags], classification: note.classification };
}

/**
 * What to do with a draft found on start, given the note as the store has it:
 * already saved (the answer was lost, not the edit), still to offer, or
 * orphaned (its note was deleted for good: the text is offered as a new note).
 */
export type DraftState = 'saved' | 'unsaved' | 'orphaned';

export function draftState(draft: Draft, stored: Note | undefined): DraftState {
  if (!stored) return 'orphaned';
  return sameContent(draft.content, contentOf(stored)) ? 'saved' : 'unsaved';
}

let shared: DraftJournal | null = null;
/** The page's journal, in localStorage so it outlives a reload, a crash and a restart. */
export function pageJournal(): DraftJournal {
  shared ??= createDraftJournal(window.localStorage);
  return shared;
}
