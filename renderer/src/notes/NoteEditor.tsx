import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteContent } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import {
  fitsLength,
  hasDirectionOverride,
  maxProse,
  noteLimits,
  textLength,
  withoutDirectionOverrides,
} from '../../../shared/fieldRules.ts';
import { distinctTags } from '../../../shared/noteTags.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { SyncNoteConflict } from '../conflicts/SyncNoteConflict.tsx';
import { useSettings } from '../settings/SettingsContext.tsx';
import { queryOptionsOf, useQuery, useQueryClientOfPage } from '../useQuery.ts';
import { ConflictView } from './ConflictView.tsx';
import { abandonedDrafts, contentOf, type Draft, sameContent } from './draftJournal.ts';
import { MarkdownPreview } from './Markdown.tsx';
import { NoteLinkPicker } from './NoteLinkPicker.tsx';
import { NoteMetaFields } from './NoteMetaFields.tsx';
import { closeQueue, registerQueue } from './openQueues.ts';
import { liveSessions, pageJournal } from './pageSession.ts';
import { type NoteFieldLabel, StatusLine, sameLine } from './StatusLine.tsx';
import { createSaveQueue, NoteTextHasDirectionOverride, NoteTextTooLong, type SaveQueue, type SaveStatus } from './saveQueue.ts';
import './notes.css';
import { LineInput } from '../components/LineInput.tsx';
import { TypingTextArea } from '../components/TypingTextArea.tsx';
import { takeTypedForForm } from '../forms/typedBeforeForm.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { refusalText } from '../refusals/refusalText.ts';
import { navigate } from '../router.ts';

/** Tags typed, comma-separated: each once, whatever its case ("İstanbul, istanbul" is one tag), as first spelt. */
export function parseTags(text: string): string[] {
  return distinctTags(
    text
      .split(',')
      .map((tag) => tag.trim().slice(0, noteLimits.tag))
      .filter(Boolean),
  ).slice(0, noteLimits.tags);
}

/** The classification levels of the configured scheme, lowest first. */
export function useClassificationLevels(): string[] {
  const { levels } = useSettings().classificationScheme;
  // The same array while the scheme stays: memoised fields compare it.
  return useMemo(() => levels.map((level) => level.name).filter(Boolean), [levels]);
}

export interface NoteEditorProps {
  id: number;
  /** Annotations are short: no title field, and their own labels. */
  kind?: 'note' | 'annotation';
  /** Put the cursor in the text once the note is loaded (it was just opened for writing). */
  focusText?: boolean;
  /** Put the cursor in the title once the note is loaded (it was just made with "New note"). */
  focusTitle?: boolean;
  /** Told what the editor shows, at every change: a list around it may not have read the latest save yet. */
  onShown?: (id: number, content: NoteContent) => void;
  /** Told each version of the note the store holds, as the editor learns of it (read, saved here, saved elsewhere). */
  onStored?: (note: Note) => void;
}

/**
 * Edits one note with no save button: every change goes to the note's save
 * queue (journaled at once, stored 300 ms after the last keystroke), and the
 * status line says whether the store has it.
 */
/**
 * Memoised: the view around it renders again when an autosave's answer comes back, and the editor
 * takes that answer through its own queries.
 */
export const NoteEditor = memo(function NoteEditor({
  id,
  kind = 'note',
  focusText = false,
  focusTitle = false,
  onShown,
  onStored,
}: NoteEditorProps) {
  const { t } = useTranslation();
  const showTitle = kind === 'note';
  const [note, setNote] = useState<Note | null>(null);
  const [content, setContent] = useState<NoteContent | null>(null);
  const [tagsText, setTagsText] = useState('');
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  /** Drafts of this note left by pages that are gone, offered one at a time. */
  const [recovering, setRecovering] = useState<Draft[]>([]);
  // Kept as the failure, worded when shown: the sentence follows a change of language.
  const [error, setError] = useState<Error | null>(null);
  /** The note was deleted for good elsewhere while open here: the text on screen is the only copy besides the journal. */
  const [gone, setGone] = useState(false);
  const queueRef = useRef<SaveQueue | null>(null);
  const levels = useClassificationLevels();
  const fieldId = useId();
  const textArea = useRef<HTMLTextAreaElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const loaded = content !== null;
  const told = useRef({ onShown, onStored });
  told.current = { onShown, onStored };
  // Before paint: the row around the editor shows the marking chosen in the same frame as the editor does.
  useLayoutEffect(() => {
    if (content) told.current.onShown?.(id, content);
  }, [id, content]);
  useEffect(() => {
    if (note) told.current.onStored?.(note);
  }, [note]);
  const client = useQueryClientOfPage();
  const stored = useQuery('note.get', { id });
  // Edited on two desks at once: both texts are shown until the user decides.
  const conflicts = useQuery('conflict.list', {});
  const betweenDesks = conflicts.value?.find(
    (conflict) => conflict.page?.view === 'notes' && 'id' in conflict.page && conflict.page.id === id,
  );
  // Translated once, not at every key: the text field is what a key changes.
  const labels = useMemo(
    () => ({
      editor: showTitle ? t('notes.editorNote') : t('notes.editorAnnotation'),
      title: t('notes.noteTitle'),
      text: showTitle ? t('notes.noteText') : t('notes.annotationText'),
      preview: showTitle ? t('notes.previewNote') : t('notes.previewAnnotation'),
    }),
    [t, showTitle],
  );
  // A refusal names the field by its label on screen; one function for the note, so the status line stays memoised.
  const fieldLabel = useCallback<NoteFieldLabel>(
    (field) => ({ title: labels.title, body: labels.text, tags: t('notes.tags'), classification: t('notes.classification') })[field],
    [labels, t],
  );
  // The text on screen, for the fields' handlers, which stay the same functions from key to key.
  const shownContent = useRef(content);
  shownContent.current = content;
  const edit = useCallback((patch: Partial<NoteContent>) => {
    const queue = queueRef.current;
    const shown = shownContent.current;
    if (!queue || !shown) return;
    const next = { ...shown, ...patch };
    shownContent.current = next;
    setContent(next);
    queue.edit(next);
  }, []);
  const editTags = useCallback(
    (text: string) => {
      setTagsText(text);
      edit({ tags: parseTags(text) });
    },
    [edit],
  );
  const editBody = useCallback((body: string) => edit({ body }), [edit]);
  const editClassification = useCallback((classification: string) => edit({ classification }), [edit]);

  useEffect(() => {
    if (!loaded || !(focusText || focusTitle)) return;
    // Keys typed while the note was being made ("Add annotation" pressed, then typed at once) were lost: they are kept
    // meanwhile (forms/typedBeforeForm.ts) and go in here, taken before the caret is placed, which taking moves.
    const typed = takeTypedForForm();
    if (focusText) textArea.current?.focus();
    if (focusTitle) titleInput.current?.focus();
    const shown = shownContent.current;
    if (typed !== '' && shown) edit(focusTitle ? { title: shown.title + typed } : { body: shown.body + typed });
  }, [focusText, focusTitle, loaded, edit]);

  useEffect(() => {
    let alive = true;
    let queue: SaveQueue | null = null;
    // Opening the note starts a typing session; leaving it (this effect's end) ends it.
    let lastSaved: number | null = null;
    const show = (shown: NoteContent) => {
      setContent(shown);
      setTagsText(shown.tags.join(', '));
    };
    // Shares the read with this note's query below (and the notes view's): one request for the note.
    Promise.all([client.fetchQuery(queryOptionsOf('note.get', { id })), liveSessions()]).then(
      ([stored, live]) => {
        if (!alive) return;
        queue = createSaveQueue({
          noteId: id,
          baseVersion: stored.version,
          // A save based on the version this editor wrote last continues its typing session (one revision
          // in the history); one based on another window's version, after a conflict, starts a new one.
          save: async (request) => {
            // A pasted megabyte would otherwise meet the transport's size limit and a message about bytes.
            if (request.body.length > maxProse) throw new NoteTextTooLong(request.body.length, maxProse);
            // Said, never cut: a field's maxLength would drop the rest of a paste without a word.
            if (!fitsLength(request.title, noteLimits.title))
              throw new NoteTextTooLong(textLength(request.title), noteLimits.title, 'title');
            if (hasDirectionOverride(request.body)) throw new NoteTextHasDirectionOverride();
            const result = await call('note.save', { ...request, continuesSession: request.baseVersion === lastSaved });
            if (result.status === 'saved') lastSaved = result.note.version;
            return result;
          },
          // The store answered and refused: the same text would be refused again.
          retryable: (failure) =>
            !(failure instanceof NoteTextTooLong) &&
            !(failure instanceof NoteTextHasDirectionOverride) &&
            !(
              failure instanceof BridgeError &&
              (failure.code === 'not_found' || failure.code === 'invalid_request' || failure.code === 'too_large')
            ),
          journal: pageJournal(),
          // "Saving" again as a save leaves while the user types: the editor need not render for it.
          onStatus: (next) => alive && setStatus((shown) => (sameLine(shown, next) ? shown : next)),
          onSaved: (saved) => alive && setNote(saved),
        });
        queueRef.current = queue;
        registerQueue(queue);
        setNote(stored);
        show(contentOf(stored));
        const left = abandonedDrafts(pageJournal(), live).filter((draft) => draft.noteId === id);
        // A draft equal to the stored text was saved; only its answer was lost.
        for (const draft of left) if (sameContent(draft.content, contentOf(stored))) pageJournal().discard(draft);
        const unsaved = left.filter((draft) => !sameContent(draft.content, contentOf(stored))).reverse();
        const newest = unsaved[0];
        if (newest) {
          // Text typed in a page that is gone and never reached the store: offered, never silently applied or dropped.
          setRecovering(unsaved);
          queue.startConflict(newest.content, stored);
        }
      },
      (failure: Error) => alive && setError(failure),
    );
    return () => {
      alive = false;
      if (queue) closeQueue(queue);
      queueRef.current = null;
    };
  }, [id, client]);

  // The note's query is fetched again when a change event names this note (a save here or in another window).
  const fresh = stored.value;
  useEffect(() => {
    const queue = queueRef.current;
    if (!fresh || !queue) return;
    setNote((shown) => (shown && shown.version > fresh.version ? shown : fresh));
    // Another window saved: show its text unless this one has edits of its own (then versions decide).
    if (queue.adopt(fresh)) {
      const shown = contentOf(fresh);
      setContent(shown);
      setTagsText(shown.tags.join(', '));
    }
  }, [fresh]);
  const failure = stored.error;
  useEffect(() => {
    if (queueRef.current && failure instanceof BridgeError && failure.code === 'not_found') setGone(true);
  }, [failure]);

  if (error) {
    return (
      <p role="alert" className="error">
        {refusalText(t, error)}
      </p>
    );
  }
  const queue = queueRef.current;
  if (!note || !content || !queue) return <p className="muted">{t('app.loading')}</p>;

  if (betweenDesks && status.state !== 'conflict') {
    return (
      <div className="note-editor">
        <StatusLine status={status} fieldLabel={fieldLabel} />
        <SyncNoteConflict record={betweenDesks.id} note={note} levels={levels} />
      </div>
    );
  }

  if (status.state === 'conflict') {
    const [decided, ...rest] = recovering;
    const finish = (chosen: NoteContent, saving?: Promise<SaveStatus>) => {
      setContent(chosen);
      setTagsText(chosen.tags.join(', '));
      if (!decided) return;
      // The chosen text is in this page's journal now (or needs no saving): the old draft can go.
      pageJournal().discard(decided);
      setRecovering(rest);
      const next = rest[0];
      if (next) {
        void (saving ?? Promise.resolve()).then(() =>
          call('note.get', { id }).then((stored) => {
            setNote(stored);
            if (queue.adopt(stored) || queue.status().state === 'saved') queue.startConflict(next.content, stored);
          }),
        );
      }
    };
    return (
      <div className="note-editor">
        <StatusLine status={status} fieldLabel={fieldLabel} />
        <ConflictView
          mine={status.mine}
          theirs={status.theirs}
          kind={decided ? 'recovered' : 'conflict'}
          levels={levels}
          onKeepMine={() => finish(status.mine, queue.resolveConflict(status.mine, status.theirs.version))}
          onKeepTheirs={() => {
            queue.acceptTheirs(status.theirs);
            finish(contentOf(status.theirs));
          }}
          onMerge={(merged) => finish(merged, queue.resolveConflict(merged, status.theirs.version))}
        />
      </div>
    );
  }

  return (
    <fieldset
      className="note-editor"
      aria-label={labels.editor}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void queue.flush();
      }}
    >
      {note.deletedAt ? <p className="note-trashed">{t('notes.inTrash')}</p> : null}
      {gone ? (
        <p role="alert" className="error">
          {t('notes.goneForGood')}{' '}
          <button
            type="button"
            onClick={() =>
              call('note.create', content).then(
                (copy) => {
                  pageJournal().remove(id);
                  navigate({ view: 'notes', id: copy.id });
                },
                (failure: Error) => setError(failure),
              )
            }
          >
            {t('notes.saveAsNewNote')}
          </button>
        </p>
      ) : null}
      {showTitle ? (
        <label className="note-field">
          {labels.title}
          <LineInput ref={titleInput} value={content.title} onChange={(event) => edit({ title: event.target.value })} />
        </label>
      ) : null}
      <div className="note-body">
        <label className="note-field" htmlFor={`${fieldId}-body`}>
          {labels.text}
        </label>
        {/* A block around the field, not the grid: the browser lays out a grid's child with the grid, so a key
            laid out the whole page; a contained field in a block is laid out alone. */}
        <div className="note-text-frame">
          {/* Not a controlled textarea: the browser's own undo takes back a typing run across autosaves. */}
          <TypingTextArea
            fieldRef={textArea}
            id={`${fieldId}-body`}
            className={showTitle ? 'note-textarea' : 'note-textarea note-textarea-annotation'}
            value={content.body}
            rows={showTitle ? 14 : 6}
            spellCheck={false}
            onValue={editBody}
          />
        </div>
        <div className="note-preview-marked">
          {/* The preview is the note's text as it will read: with its marking, which the window's banner counts. */}
          <PortionMark classification={content.classification} />
          <MarkdownPreview markdown={content.body} label={labels.preview} />
        </div>
      </div>
      <NoteMetaFields
        tagsText={tagsText}
        classification={content.classification}
        levels={levels}
        onTagsText={editTags}
        onClassification={editClassification}
      />
      {showTitle && note.sectorEntryId === null ? <NoteLinkPicker note={note} onLinked={setNote} /> : null}
      <StatusLine status={status} fieldLabel={fieldLabel} />
      {status.state === 'failed' && status.error instanceof NoteTextHasDirectionOverride ? (
        // Taken out only when the user asks: the text is theirs, and what they see does not change.
        <button type="button" onClick={() => edit({ body: withoutDirectionOverrides(content.body) })}>
          {t('notes.removeDirectionOverrides')}
        </button>
      ) : null}
    </fieldset>
  );
});
