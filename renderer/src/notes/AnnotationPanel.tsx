import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/domain.ts';
import { call } from '../bridge/index.ts';
import { dropTypedForForm, keepTypedForForm } from '../forms/typedBeforeForm.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { refusalMessage } from '../records/errors.ts';
import { useTrashWithUndo } from '../records/useTrashWithUndo.ts';
import { refusalText } from '../refusals/refusalText.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { MarkdownPreview } from './Markdown.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { discardIfPageClosesEmpty, flushAll } from './openQueues.ts';
import { useShownUntilListed } from './shownUntilListed.ts';

export type AnnotationPanelProps = ({ sectorEntryId: number; meetingId?: undefined } | { meetingId: number; sectorEntryId?: undefined }) & {
  /** Inside a section that already has its own "Annotations" heading. */
  embedded?: boolean;
  /** The annotations when the view already has them (kept current by its own query); read here otherwise. */
  annotations?: readonly Note[];
};

/** Reads the annotations itself when the view did not pass them. */
export function AnnotationPanel(props: AnnotationPanelProps) {
  return props.annotations ? <AnnotationList {...props} annotations={props.annotations} /> : <QueriedAnnotations {...props} />;
}

function QueriedAnnotations(props: AnnotationPanelProps) {
  const { t } = useTranslation();
  const target = props.meetingId !== undefined ? { meetingId: props.meetingId } : { sectorEntryId: props.sectorEntryId };
  const annotations = useQuery('note.listFor', target);
  if (annotations.status === 'error') {
    return (
      <p role="alert" className="error">
        {refusalText(t, annotations.error)}
      </p>
    );
  }
  return annotations.status === 'ready' ? <AnnotationList {...props} annotations={annotations.value} /> : null;
}

/**
 * Leaving an annotation with nothing written in it discards it, as a user who
 * pressed "Add annotation" and thought better of it expects, instead of a
 * "Nothing written yet" row that is counted everywhere. Every edit is in the
 * store first, and the store deletes the note only if it is still empty, so
 * text typed a moment before leaving is never lost.
 */
function leave(id: number): void {
  void flushAll()
    .then((statuses) => (statuses.every((status) => status.state === 'saved') ? call('note.discardIfEmpty', { id }) : null))
    // Kept is the safe outcome: an empty annotation that stays can still be moved to the trash.
    .catch(() => null);
}

/** Staff's own annotations on a meeting or a sector entry: listed, added, edited in place, moved to the trash. */
function AnnotationList(props: AnnotationPanelProps & { annotations: readonly Note[] }) {
  const target = props.meetingId !== undefined ? { meetingId: props.meetingId } : { sectorEntryId: props.sectorEntryId };
  const { annotations } = props;
  const { t } = useTranslation();
  const { defaultMarking } = useSettings();
  const [editing, setEditing] = useState<number | null>(null);
  /** One new annotation at a time: a second press while it is being made would make another, empty one. */
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  // The annotation open when the view goes away (another page, another meeting) is left too.
  const openAnnotation = useRef<number | null>(null);
  openAnnotation.current = editing;
  useEffect(
    () => () => {
      if (openAnnotation.current !== null) leave(openAnnotation.current);
    },
    [],
  );
  // Closing the window (or reloading the page) while it is open leaves it too: React unmounts nothing then.
  useEffect(() => (editing === null ? undefined : discardIfPageClosesEmpty(editing)), [editing]);
  const { asShown, onShown, onStored, onClosed } = useShownUntilListed();
  const switchTo = (id: number | null) => {
    if (editing !== null && editing !== id) {
      leave(editing);
      onClosed();
    }
    setEditing(id);
  };

  const add = () => {
    if (creating) return;
    setError(null);
    setCreating(true);
    // What is typed before the new annotation's editor comes goes into it (NoteEditor), not to a disabled button.
    keepTypedForForm(t('notes.typedAhead'));
    call('note.create', { ...target, title: '', body: '', tags: [], classification: defaultMarking })
      .then(
        (note) => switchTo(note.id),
        (failure: Error) => {
          dropTypedForForm();
          setError(refusalText(t, failure));
        },
      )
      .finally(() => setCreating(false));
  };
  // Moved to the trash from the keyboard, an annotation took the caret with it to <body>: once the list no longer
  // holds it, the caret goes to the annotation that takes its place (or the one before it, or "Add annotation").
  const list = useRef<HTMLUListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const trashedFrom = useRef<{ id: number; place: number } | null>(null);
  useEffect(() => {
    const trashed = trashedFrom.current;
    if (!trashed || annotations.some((note) => note.id === trashed.id)) return;
    trashedFrom.current = null;
    // Placed by the desk meanwhile, it stays; on <body>, or on the view's content where the window's caretKeeper
    // put it while the list was still being read again, it comes here.
    const now = document.activeElement;
    if (now !== null && now !== document.body && now.id !== 'main-content') return;
    const rows = list.current?.children;
    const row = rows?.[trashed.place] ?? rows?.[trashed.place - 1];
    (row?.querySelector<HTMLElement>('button') ?? addButton.current)?.focus();
  });
  // Each button says which annotation it acts on, after the words it shows ("Move to trash: Annotation 12").
  const named = (action: string, note: Note) => t('notes.onAnnotation', { action, annotation: t('notes.annotation', { id: note.id }) });
  const trashWithUndo = useTrashWithUndo();
  const trash = (note: Note) => {
    setError(null);
    trashedFrom.current = { id: note.id, place: annotations.findIndex((shown) => shown.id === note.id) };
    if (editing === note.id) setEditing(null);
    trashWithUndo(note, t('notes.annotation', { id: note.id })).catch((failure: Error) => setError(refusalMessage(t, failure)));
  };

  return (
    <section className="annotation-panel" aria-labelledby={props.embedded ? undefined : headingId}>
      {props.embedded ? null : <h3 id={headingId}>{t('notes.annotations')}</h3>}
      {annotations.length === 0 ? <p className="muted">{t('notes.noAnnotations')}</p> : null}
      <ul className="annotation-list" ref={list}>
        {annotations.map(asShown).map((note) => (
          <li key={note.id} className="annotation">
            <PortionMark classification={note.classification} />
            {editing === note.id ? (
              <NoteEditor id={note.id} kind="annotation" focusText onShown={onShown} onStored={onStored} />
            ) : (
              <MarkdownPreview markdown={note.body} label={t('notes.annotation', { id: note.id })} />
            )}
            <div className="button-row">
              {note.tags.map((tag) => (
                <span key={tag} className="note-tag">
                  {tag}
                </span>
              ))}
              {editing === note.id ? (
                <button type="button" aria-label={named(t('notes.done'), note)} onClick={() => switchTo(null)}>
                  {t('notes.done')}
                </button>
              ) : (
                <button type="button" aria-label={named(t('notes.edit'), note)} onClick={() => switchTo(note.id)}>
                  {t('notes.edit')}
                </button>
              )}
              <button type="button" aria-label={named(t('notes.moveToTrash'), note)} onClick={() => trash(note)}>
                {t('notes.moveToTrash')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button type="button" ref={addButton} onClick={add} disabled={creating}>
        {t('notes.addAnnotation')}
      </button>
    </section>
  );
}
