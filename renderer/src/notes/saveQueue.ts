// One open note's autosave: keeps only the latest edit, writes it shortly after
// the last keystroke, one request at a time, and journals every edit until the
// store acknowledges it. Plain TS (no React, no bridge) so it is tested alone.

import type { NoteContent, NoteSaveResult } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import type { DraftJournal } from './draftJournal.ts';

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'saving' }
  /** `error` as the store or the journal raised it: the status line words it in the interface language. */
  | { state: 'failed'; error: unknown }
  /** `recovered`: `mine` is a draft found after a reload or crash, never saved, not a change that met another's. */
  | { state: 'conflict'; mine: NoteContent; theirs: Note; recovered?: boolean };

/** The browser's draft journal had no room left: the edit goes to the store only. */
export class DraftJournalFull extends Error {
  constructor() {
    super('the draft journal is full; saving to the store only');
    this.name = 'DraftJournalFull';
  }
}

/**
 * The note's text is longer than the store keeps: refused here, before a
 * request is sent, so the user is told the limit and how far over it they are.
 */
export class NoteTextTooLong extends Error {
  readonly length: number;
  readonly limit: number;
  /** The note's field that is too long: its text, or its title (a paragraph pasted into the wrong field). */
  readonly field: 'body' | 'title';
  constructor(length: number, limit: number, field: 'body' | 'title' = 'body') {
    super(`the note ${field === 'title' ? 'title' : 'text'} has ${length} characters, more than ${limit}`);
    this.name = 'NoteTextTooLong';
    this.length = length;
    this.limit = limit;
    this.field = field;
  }
}

/**
 * The note's text holds a character that turns a run of printed text round
 * (shared/fieldRules.ts): refused here, before a request is sent, with the
 * store's own rule; the text stays on screen and in the draft journal.
 */
export class NoteTextHasDirectionOverride extends Error {
  constructor() {
    super('the note text has a direction override, embedding or isolate character');
    this.name = 'NoteTextHasDirectionOverride';
  }
}

export type SaveRequest = { id: number; baseVersion: number } & NoteContent;

export interface SaveQueueOptions {
  noteId: number;
  baseVersion: number;
  /** Writes to the store; throws (or rejects) when the store could not be reached or refused. */
  save: (request: SaveRequest) => Promise<NoteSaveResult>;
  journal: DraftJournal;
  /** How long after the last keystroke the edit is written. */
  delayMs?: number;
  /** The longest an edit waits while the user keeps typing without a pause. */
  maxWaitMs?: number;
  /** Waits before each retry after a failure; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /**
   * Whether trying the same edit again can help (the store was unreachable) or
   * not (the note is gone, the text is too long): then only the next edit is sent.
   */
  retryable?: (error: unknown) => boolean;
  onStatus?: (status: SaveStatus) => void;
  onSaved?: (note: Note) => void;
  now?: () => Date;
}

export interface SaveQueue {
  /** Records the latest content; an older unsent edit is replaced, never sent. */
  edit(content: NoteContent): void;
  /** Writes what is pending now; resolves when nothing is pending, or the save failed or met a conflict. */
  flush(): Promise<SaveStatus>;
  /** The user chose or merged a text after a conflict: save it against the version they saw. */
  resolveConflict(content: NoteContent, theirVersion: number): Promise<SaveStatus>;
  /** The user kept the stored text: their own unsaved text is dropped, on their say-so only. */
  acceptTheirs(theirs: Note): void;
  /** Shows the conflict view for text that was never saved (a recovered draft) against the stored note. */
  startConflict(mine: NoteContent, theirs: Note): void;
  /**
   * Another window saved this note. Returns true when the queue had nothing of
   * its own to save and moved to that version, so the editor may show it.
   */
  adopt(note: Note): boolean;
  status(): SaveStatus;
  baseVersion(): number;
  hasUnsaved(): boolean;
  /** The editor closed: write what is pending now, and keep retrying until the store has it. */
  close(): Promise<SaveStatus>;
}

export const autosaveDelayMs = 300;
export const autosaveMaxWaitMs = 1_000;
const defaultRetryDelaysMs = [500, 1_000, 2_000, 5_000];

export function createSaveQueue(options: SaveQueueOptions): SaveQueue {
  const { noteId, save, journal } = options;
  const delayMs = options.delayMs ?? autosaveDelayMs;
  const maxWaitMs = options.maxWaitMs ?? autosaveMaxWaitMs;
  /** When the oldest unsent edit was made: a steady typist still gets saved. */
  let waitingSince: number | null = null;
  const retryDelays = options.retryDelaysMs ?? defaultRetryDelaysMs;
  const now = options.now ?? (() => new Date());
  let baseVersion = options.baseVersion;
  let pending: NoteContent | null = null;
  let inFlight: Promise<void> | null = null;
  let current: SaveStatus = { state: 'saved' };
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the running timer fires, and when the pending edit is due: they differ while the user keeps typing. */
  let timerAt = 0;
  let due = 0;

  const statusNow = (): SaveStatus => current;
  const setStatus = (status: SaveStatus) => {
    current = status;
    options.onStatus?.(status);
  };
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const arm = (wait: number) => {
    timerAt = Date.now() + wait;
    timer = setTimeout(() => {
      timer = null;
      const rest = due - Date.now();
      // Never longer than first asked: a clock set back must not hold the save.
      if (rest > 0) arm(Math.min(rest, wait));
      else void flush();
    }, wait);
  };
  // A key pushes the save back without a new timer: the running one, due no later, re-arms itself
  // for the rest when it fires. A steady typist costs a timer per save, not one per key.
  const schedule = (wait: number) => {
    due = Date.now() + wait;
    if (timer !== null && timerAt <= due) return;
    clearTimer();
    arm(wait);
  };
  const record = (content: NoteContent) => {
    const written = journal.write({ noteId, baseVersion, content, writtenAt: now().toISOString() });
    if (!written) setStatus({ state: 'failed', error: new DraftJournalFull() });
  };

  async function sendOne(): Promise<void> {
    const content = pending;
    if (!content) return;
    pending = null;
    waitingSince = null;
    if (current.state !== 'failed') setStatus({ state: 'saving' });
    let result: NoteSaveResult;
    try {
      result = await save({ id: noteId, baseVersion, ...content });
    } catch (error) {
      // A newer edit made meanwhile wins; otherwise this one is tried again.
      pending ??= content;
      failures++;
      setStatus({ state: 'failed', error });
      if (options.retryable?.(error) ?? true) schedule(retryDelays[Math.min(failures - 1, retryDelays.length - 1)] ?? 1_000);
      return;
    }
    failures = 0;
    if (result.status === 'conflict') {
      const mine = pending ?? content;
      pending = null;
      journal.write({ noteId, baseVersion, content: mine, writtenAt: now().toISOString() });
      setStatus({ state: 'conflict', mine, theirs: result.current });
      return;
    }
    baseVersion = result.note.version;
    options.onSaved?.(result.note);
    if (pending) {
      // The edit typed while this one was on its way is now based on the new version.
      record(pending);
      setStatus({ state: 'saving' });
    } else {
      journal.remove(noteId);
      setStatus({ state: 'saved' });
    }
  }

  async function flush(): Promise<SaveStatus> {
    clearTimer();
    for (;;) {
      if (inFlight) {
        await inFlight;
        continue;
      }
      if (!pending || current.state === 'conflict') return current;
      inFlight = sendOne().finally(() => {
        inFlight = null;
      });
      await inFlight;
      // Read afresh: sendOne changed the status while this function awaited.
      const after = statusNow();
      if (after.state === 'failed' || after.state === 'conflict') return after;
    }
  }

  return {
    edit(content) {
      if (current.state === 'conflict') {
        // While the user decides, typing changes their side of the conflict only.
        setStatus({ state: 'conflict', mine: content, theirs: current.theirs });
        journal.write({ noteId, baseVersion, content, writtenAt: now().toISOString() });
        return;
      }
      pending = content;
      record(content);
      if (current.state !== 'failed') setStatus({ state: 'saving' });
      const at = Date.now();
      waitingSince ??= at;
      schedule(Math.max(0, Math.min(delayMs, waitingSince + maxWaitMs - at)));
    },
    flush,
    resolveConflict(content, theirVersion) {
      baseVersion = theirVersion;
      pending = content;
      record(content);
      setStatus({ state: 'saving' });
      return flush();
    },
    acceptTheirs(theirs) {
      clearTimer();
      pending = null;
      baseVersion = theirs.version;
      journal.remove(noteId);
      setStatus({ state: 'saved' });
    },
    startConflict(mine, theirs) {
      clearTimer();
      pending = null;
      setStatus({ state: 'conflict', mine, theirs, recovered: true });
    },
    adopt(note) {
      if (pending || inFlight || current.state === 'conflict' || note.version <= baseVersion) return false;
      baseVersion = note.version;
      return true;
    },
    status: () => current,
    baseVersion: () => baseVersion,
    hasUnsaved: () => pending !== null || inFlight !== null || current.state === 'conflict',
    close: flush,
  };
}
