import { useId, useState } from 'react';
import type { Note } from '../../../db/types.ts';
import { call } from '../bridge/index.ts';
import { Loaded } from '../components/Loading.tsx';
import { useQuery } from '../useQuery.ts';
import { NoteHistory } from './History.tsx';
import { NoteEditor, useClassificationLevels } from './NoteEditor.tsx';

const titleOf = (note: Note) => note.title || note.body.split('\n')[0]?.slice(0, 80) || 'Untitled note';

function NoteList({ selected }: { selected: number | undefined }) {
  const [tag, setTag] = useState('');
  const list = useQuery('note.list', tag ? { kind: 'note', tag } : { kind: 'note' });
  const tags = useQuery('note.tags', {});
  const levels = useClassificationLevels();
  const [error, setError] = useState<string | null>(null);
  const create = () => {
    call('note.create', { title: '', body: '', tags: tag ? [tag] : [], classification: levels[0] ?? '' }).then(
      (note) => {
        window.location.hash = `#/notes/${note.id}`;
      },
      (failure: Error) => setError(failure.message),
    );
  };
  return (
    <div className="note-list">
      <button type="button" onClick={create}>
        New note
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <label className="note-field">
        Tag
        <select value={tag} onChange={(event) => setTag(event.target.value)}>
          <option value="">All tags</option>
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
            <p className="muted">No notes yet.</p>
          ) : (
            <ul aria-label="Notes">
              {notes.map((note) => (
                <li key={note.id}>
                  <a href={`#/notes/${note.id}`} aria-current={note.id === selected ? 'page' : undefined}>
                    {titleOf(note)}
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}

function OpenNote({ id }: { id: number }) {
  const note = useQuery('note.get', { id });
  const [showHistory, setShowHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setTrashed = (trashed: boolean) => {
    setError(null);
    call(trashed ? 'note.trash' : 'note.restore', { id }).catch((failure: Error) => setError(failure.message));
  };
  return (
    <div className="open-note">
      <NoteEditor key={id} id={id} />
      <div className="button-row">
        <button type="button" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
          {showHistory ? 'Hide history' : 'Show history'}
        </button>
        {note.value?.deletedAt ? (
          <button type="button" onClick={() => setTrashed(false)}>
            Restore from trash
          </button>
        ) : (
          <button type="button" onClick={() => setTrashed(true)}>
            Move to trash
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
  const trash = useQuery('note.listTrash', {});
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const dialogTitle = useId();
  const empty = () => {
    setConfirming(false);
    call('note.emptyTrash', {}).then(
      ({ deleted }) => setMessage(`${deleted} ${deleted === 1 ? 'note' : 'notes'} deleted for good.`),
      (failure: Error) => setMessage(`Trash not emptied: ${failure.message}`),
    );
  };
  return (
    <section aria-label="Trash" className="note-trash">
      {message ? <p role="status">{message}</p> : null}
      <Loaded query={trash}>
        {(notes) =>
          notes.length === 0 ? (
            <p className="muted">The trash is empty.</p>
          ) : (
            <>
              <ul>
                {notes.map((note) => (
                  <li key={note.id}>
                    <span>{titleOf(note)}</span> <span className="muted">{note.meetingId || note.sectorEntryId ? '(annotation)' : ''}</span>{' '}
                    <button type="button" onClick={() => void call('note.restore', { id: note.id })}>
                      Restore
                    </button>
                  </li>
                ))}
              </ul>
              {confirming ? (
                <div role="alertdialog" aria-labelledby={dialogTitle} className="confirm-inline">
                  <p id={dialogTitle}>
                    Delete the {notes.length} {notes.length === 1 ? 'note' : 'notes'} in the trash for good, with their history? This cannot
                    be undone.
                  </p>
                  <button type="button" onClick={() => setConfirming(false)}>
                    Cancel
                  </button>
                  <button type="button" className="danger" onClick={empty}>
                    Delete for good
                  </button>
                </div>
              ) : (
                <button type="button" onClick={() => setConfirming(true)}>
                  Empty trash
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
  const [tab, setTab] = useState<'notes' | 'trash'>('notes');
  return (
    <article className="notes-view">
      <h1>Notes</h1>
      <div className="button-row">
        <button type="button" aria-pressed={tab === 'notes'} onClick={() => setTab('notes')}>
          Notes
        </button>
        <button type="button" aria-pressed={tab === 'trash'} onClick={() => setTab('trash')}>
          Trash
        </button>
      </div>
      {tab === 'trash' ? (
        <Trash />
      ) : (
        <div className="notes-layout">
          <NoteList selected={id} />
          {id ? <OpenNote id={id} /> : <p className="muted">Choose a note, or start a new one.</p>}
        </div>
      )}
    </article>
  );
}
