import { createNote, saveNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';

/**
 * An officer typing into a free-standing note of their own (it stays on the
 * desk) while a long piece of work runs: a save is asked for every 50 ms and
 * runs once the work lets the thread go. Each wait is how late the save ran
 * plus the save itself. `stop()` ends the typing and answers the waits, in ms.
 */
export function typeMeanwhile(db: Db, title: string): { stop: () => number[] } {
  const typed = createNote(db, { meetingId: null, sectorEntryId: null }, { title, body: '', tags: [], classification: '' });
  let version = typed.version;
  const waits: number[] = [];
  let due = performance.now() + 50;
  const typing = setInterval(() => {
    const asked = due;
    version = saveNote(
      db,
      typed.id,
      version,
      { title: typed.title, body: `typed at ${asked}`, tags: [], classification: '' },
      { continuesSession: true },
    ).version;
    const now = performance.now();
    waits.push(now - asked);
    due = now + 50;
  }, 50);
  return {
    stop: () => {
      clearInterval(typing);
      return waits;
    },
  };
}
