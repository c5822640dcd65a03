import type { NoteContent } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';

/** An edit the store has not acknowledged yet, kept in the page's own storage until it has. */
export interface Draft {
  noteId: number;
  /** The version the edit was made on: tells a plain unsaved edit from one that met a newer save. */
  baseVersion: number;
  content: NoteContent;
  writtenAt: string;
  /**
   * The page that wrote it. Two windows share one storage: each keeps its own
   * drafts, so one window's acknowledged save never wipes another's unsaved text.
   */
  session: string;
}
export type DraftInput = Omit<Draft, 'session'>;

export interface DraftJournal {
  readonly session: string;
  /** False when the storage refused (full or disabled): the caller says so instead of pretending. */
  write(draft: DraftInput): boolean;
  /** This page's draft of a note. */
  read(noteId: number): Draft | undefined;
  /** Drops this page's draft of a note, once the store has it. */
  remove(noteId: number): void;
  /** Every page's drafts, this one's included. */
  list(): Draft[];
  /** Drops a draft of any page, once the user decided about it. */
  discard(draft: Draft): void;
}

export const draftPrefix = 'sherpa.draft.';
const prefix = draftPrefix;

export function createDraftJournal(storage: Storage, session: string): DraftJournal {
  const keyOf = (noteId: number, owner: string) => `${prefix}${noteId}.${owner}`;
  const parse = (raw: string | null): Draft | undefined => {
    if (raw === null) return undefined;
    try {
      const draft = JSON.parse(raw) as Draft;
      if (typeof draft.noteId !== 'number' || typeof draft.baseVersion !== 'number' || !draft.content) return undefined;
      return { ...draft, session: typeof draft.session === 'string' ? draft.session : '' };
    } catch {
      return undefined;
    }
  };
  return {
    session,
    write(draft) {
      try {
        storage.setItem(keyOf(draft.noteId, session), JSON.stringify({ ...draft, session }));
        return true;
      } catch {
        return false;
      }
    },
    read: (noteId) => parse(storage.getItem(keyOf(noteId, session))),
    remove: (noteId) => storage.removeItem(keyOf(noteId, session)),
    list() {
      const drafts: Draft[] = [];
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (key?.startsWith(prefix)) {
          const draft = parse(storage.getItem(key));
          if (draft) drafts.push(draft);
        }
      }
      return drafts.sort((a, b) => a.noteId - b.noteId || a.writtenAt.localeCompare(b.writtenAt));
    },
    discard: (draft) => storage.removeItem(keyOf(draft.noteId, draft.session)),
  };
}

/**
 * Drafts whose page is gone (closed, reloaded, crashed): nobody will save them
 * unless the user is offered them. A live page's drafts are its own business.
 */
export function abandonedDrafts(journal: DraftJournal, live: ReadonlySet<string>): Draft[] {
  return journal.list().filter((draft) => draft.session !== journal.session && !live.has(draft.session));
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
