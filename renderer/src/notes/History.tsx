import { diffWords } from 'diff';
import { useState } from 'react';
import type { Note, NoteRevision } from '../../../db/types.ts';
import { call } from '../bridge/index.ts';
import { Loaded } from '../components/Loading.tsx';
import { useQuery } from '../useQuery.ts';

/** What changed from one revision to the next, word by word. */
export function RevisionDiff({ before, after }: { before: string; after: string }) {
  const parts = diffWords(before, after);
  return (
    <pre className="note-diff">
      {parts.map((part, index) =>
        part.added ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
          <ins key={index}>{part.value}</ins>
        ) : part.removed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
          <del key={index}>{part.value}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
          <span key={index}>{part.value}</span>
        ),
      )}
    </pre>
  );
}

/** Every saved state of a note, newest first; any one can be brought back as a new revision. */
export function NoteHistory({ note }: { note: Note }) {
  const revisions = useQuery('note.revisions', { id: note.id });
  const [selected, setSelected] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const restore = (revision: NoteRevision) => {
    setMessage(null);
    call('note.restoreRevision', { id: note.id, version: revision.version, baseVersion: note.version }).then(
      (result) =>
        setMessage(
          result.status === 'saved'
            ? `Version ${revision.version} restored as version ${result.note.version}.`
            : `Not restored: the note changed meanwhile (now version ${result.current.version}). Try again.`,
        ),
      (failure: Error) => setMessage(`Not restored: ${failure.message}`),
    );
  };

  return (
    <section className="note-history" aria-label="History">
      <h3>History</h3>
      {message ? <p role="status">{message}</p> : null}
      <Loaded query={revisions}>
        {(list) => (
          <ol className="revision-list">
            {list.map((revision, index) => {
              const previous = list[index + 1];
              return (
                <li key={revision.version}>
                  <button
                    type="button"
                    aria-expanded={selected === revision.version}
                    onClick={() => setSelected(selected === revision.version ? null : revision.version)}
                  >
                    Version {revision.version} · {new Date(revision.savedAt).toLocaleString()}
                  </button>
                  {selected === revision.version ? (
                    <div className="revision">
                      <RevisionDiff before={previous?.body ?? ''} after={revision.body} />
                      {revision.version === note.version ? (
                        <p className="muted">This is the current text.</p>
                      ) : (
                        <button type="button" onClick={() => restore(revision)}>
                          Restore version {revision.version}
                        </button>
                      )}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </Loaded>
    </section>
  );
}
