import type { TFunction } from 'i18next';
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note, Summit } from '../../../shared/domain.ts';
import { shortened } from '../../../shared/shortened.ts';
import { call } from '../bridge/index.ts';
import { Loaded } from '../components/Loading.tsx';
import { SummitLabel, useSummitsById } from '../components/SummitOf.tsx';
import { dropTypedForForm, keepTypedForForm } from '../forms/typedBeforeForm.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { refusalMessage } from '../records/errors.ts';
import { useTrashWithUndo } from '../records/useTrashWithUndo.ts';
import { refusalText } from '../refusals/refusalText.ts';
import { hrefOf, navigate } from '../router.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { NoteHistory } from './History.tsx';
import { NoteEditor } from './NoteEditor.tsx';

/** Letters of an untitled note's first line that name it in the list. */
const titleLength = 80;
const titleOf = (note: Note, t: TFunction) => note.title || shortened(note.body.split('\n')[0] ?? '', titleLength) || t('notes.untitled');

/**
 * One row of the list. A save puts the saved note into the list in place: only
 * its row renders again, not the thousands beside it, while the user types.
 */
const NoteRow = memo(function NoteRow({ note, selected, summit }: { note: Note; selected: boolean; summit: Summit | undefined }) {
  const { t } = useTranslation();
  return (
    <li>
      <PortionMark classification={note.classification} />
      <a href={hrefOf({ view: 'notes', id: note.id })} aria-current={selected ? 'page' : undefined}>
        <bdi>{titleOf(note, t)}</bdi>
      </a>
      {note.meetingId || note.sectorEntryId ? <span className="muted"> {t('notes.annotationMark')}</span> : null}
      <SummitLabel summit={summit} />
    </li>
  );
});

/** Whether a row would show the same: a save that changed only text below the first line changes nothing here. */
const shownAlike = (before: Note, after: Note) =>
  before === after ||
  (before.id === after.id &&
    before.title === after.title &&
    before.classification === after.classification &&
    before.meetingId === after.meetingId &&
    before.sectorEntryId === after.sectorEntryId &&
    before.summitId === after.summitId &&
    (before.title !== '' || sameStart(before.body.split('\n', 1)[0] ?? '', after.body.split('\n', 1)[0] ?? '')));

/** Whether two first lines name their note alike: segmented into letters only when they differ. */
const sameStart = (a: string, b: string) => a === b || shortened(a, titleLength) === shortened(b, titleLength);

/**
 * The rows, skipped whole when every one would show the same: thousands of
 * notes are not walked again because the note being typed was saved.
 */
const NoteRows = memo(
  function NoteRows({
    notes,
    selected,
    label,
    summits,
  }: {
    notes: readonly Note[];
    selected: number | undefined;
    label: string;
    summits: ReadonlyMap<number, Summit>;
  }) {
    return (
      <ul aria-label={label}>
        {notes.map((note) => (
          <NoteRow
            key={note.id}
            note={note}
            selected={note.id === selected}
            summit={note.summitId === null ? undefined : summits.get(note.summitId)}
          />
        ))}
      </ul>
    );
  },
  (before, after) =>
    before.selected === after.selected &&
    before.label === after.label &&
    before.summits === after.summits &&
    before.notes.length === after.notes.length &&
    before.notes.every((note, index) => shownAlike(note, after.notes[index] as Note)),
);

function NoteList({ selected, onMade }: { selected: number | undefined; onMade: (id: number) => void }) {
  const { t } = useTranslation();
  const [tag, setTag] = useState('');
  const [kind, setKind] = useState<'note' | 'annotation' | 'all'>('note');
  const list = useQuery('note.list', tag ? { kind, tag } : { kind });
  const tags = useQuery('note.tags', {});
  const summits = useSummitsById();
  const { defaultMarking } = useSettings();
  const [error, setError] = useState<string | null>(null);
  const create = () => {
    // What is typed before the new note's editor comes goes into its title (NoteEditor), through the move to its page.
    keepTypedForForm(t('notes.typedAheadNote'), true);
    call('note.create', { title: '', body: '', tags: tag ? [tag] : [], classification: defaultMarking }).then(
      (note) => {
        onMade(note.id);
        navigate({ view: 'notes', id: note.id });
      },
      (failure: Error) => {
        dropTypedForForm();
        setError(refusalText(t, failure));
      },
    );
  };
  return (
    <div className="note-list">
      <button type="button" onClick={create}>
        {t('notes.newNote')}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <label className="note-field">
        {t('notes.show')}
        <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
          <option value="note">{t('notes.kindNote')}</option>
          <option value="annotation">{t('notes.kindAnnotation')}</option>
          <option value="all">{t('notes.kindAll')}</option>
        </select>
      </label>
      <label className="note-field">
        {t('notes.tag')}
        <select value={tag} onChange={(event) => setTag(event.target.value)}>
          <option value="">{t('notes.allTags')}</option>
          {(tags.value ?? []).map((entry) => (
            <option key={entry.tag} value={entry.tag}>
              {entry.tag} ({entry.count})
            </option>
          ))}
        </select>
      </label>
      <Loaded query={list}>
        {(notes) =>
          notes.length === 0 ? (
            <p className="muted">{t('notes.noNotes')}</p>
          ) : (
            <NoteRows notes={notes} selected={selected} label={t('notes.list')} summits={summits} />
          )
        }
      </Loaded>
    </div>
  );
}

function OpenNote({ id, justMade }: { id: number; justMade: boolean }) {
  const { t } = useTranslation();
  const note = useQuery('note.get', { id });
  const [showHistory, setShowHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trashWithUndo = useTrashWithUndo();
  const setTrashed = (trashed: boolean) => {
    setError(null);
    const done = trashed
      ? trashWithUndo({ id, title: note.value?.title ?? '', body: note.value?.body ?? '' })
      : call('note.restore', { id });
    done.catch((failure: Error) => setError(refusalMessage(t, failure)));
  };
  return (
    <div className="open-note">
      <NoteEditor key={id} id={id} focusTitle={justMade} />
      <div className="button-row">
        <button type="button" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
          {showHistory ? t('notes.hideHistory') : t('notes.showHistory')}
        </button>
        {note.value?.deletedAt ? (
          <button type="button" onClick={() => setTrashed(false)}>
            {t('notes.restoreFromTrash')}
          </button>
        ) : (
          <button type="button" onClick={() => setTrashed(true)}>
            {t('notes.moveToTrash')}
          </button>
        )}
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {showHistory && note.value ? <NoteHistory note={note.value} /> : null}
    </div>
  );
}

function Trash() {
  const { t } = useTranslation();
  const trash = useQuery('note.listTrash', {});
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const dialogTitle = useId();
  const empty = () => {
    setConfirming(false);
    call('note.emptyTrash', {}).then(
      ({ deleted }) => setMessage(t('notes.emptied', { count: deleted })),
      (failure: Error) => setMessage(t('notes.notEmptied', { reason: refusalMessage(t, failure) })),
    );
  };
  return (
    <section aria-label={t('notes.trash')} className="note-trash">
      {message ? <p role="status">{message}</p> : null}
      <Loaded query={trash}>
        {(notes) =>
          notes.length === 0 ? (
            <p className="muted">{t('notes.trashEmpty')}</p>
          ) : (
            <>
              <ul>
                {notes.map((note) => (
                  <li key={note.id}>
                    <PortionMark classification={note.classification} />
                    <bdi>{titleOf(note, t)}</bdi>{' '}
                    <span className="muted">{note.meetingId || note.sectorEntryId ? t('notes.annotationMark') : ''}</span>{' '}
                    <button type="button" onClick={() => void call('note.restore', { id: note.id })}>
                      {t('notes.restore')}
                    </button>
                  </li>
                ))}
              </ul>
              {confirming ? (
                <div role="alertdialog" aria-labelledby={dialogTitle} className="confirm-inline">
                  <p id={dialogTitle}>{t('notes.confirmEmpty', { count: notes.length })}</p>
                  <button type="button" onClick={() => setConfirming(false)}>
                    {t('notes.cancel')}
                  </button>
                  <button type="button" className="danger" onClick={empty}>
                    {t('notes.deleteForGood')}
                  </button>
                </div>
              ) : (
                <button type="button" onClick={() => setConfirming(true)}>
                  {t('notes.emptyTrash')}
                </button>
              )}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

/** #/notes: free-standing notes with their history, and the trash. */
export function NotesView({ id }: { id?: number }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'notes' | 'trash'>('notes');
  // The note "New note" just made: the caret goes to its title, not left on the button a list's length away.
  const [made, setMade] = useState<number | null>(null);
  return (
    <article className="notes-view">
      <h1>{t('notes.title')}</h1>
      <div className="button-row">
        <button type="button" aria-pressed={tab === 'notes'} onClick={() => setTab('notes')}>
          {t('notes.list')}
        </button>
        <button type="button" aria-pressed={tab === 'trash'} onClick={() => setTab('trash')}>
          {t('notes.trash')}
        </button>
      </div>
      {tab === 'trash' ? (
        <Trash />
      ) : (
        <div className="notes-layout">
          <NoteList selected={id} onMade={setMade} />
          {id ? <OpenNote id={id} justMade={made === id} /> : <p className="muted">{t('notes.choose')}</p>}
        </div>
      )}
    </article>
  );
}
