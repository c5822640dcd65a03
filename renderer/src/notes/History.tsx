import { diffWords } from 'diff';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note, NoteRevision } from '../../../shared/domain.ts';
import { formatInZone } from '../../../shared/time.ts';
import { call } from '../bridge/index.ts';
import { Loaded } from '../components/Loading.tsx';
import { refusalMessage } from '../records/errors.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
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
  const { t } = useTranslation();
  const locale = useLocale();
  // Times read in the desk's home zone, as every other time Sherpa shows, not the laptop's (it travels).
  const { homeTimeZone } = useSettings();
  const revisions = useQuery('note.revisions', { id: note.id });
  const [selected, setSelected] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const restore = (revision: NoteRevision) => {
    setMessage(null);
    call('note.restoreRevision', { id: note.id, version: revision.version, baseVersion: note.version }).then(
      (result) =>
        setMessage(
          result.status === 'saved'
            ? t('notes.restoredAs', { version: revision.version, newVersion: result.note.version })
            : t('notes.restoreConflict', { version: result.current.version }),
        ),
      (failure: Error) => setMessage(t('notes.notRestored', { reason: refusalMessage(t, failure) })),
    );
  };

  return (
    <section className="note-history" aria-label={t('notes.history')}>
      <h3>{t('notes.history')}</h3>
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
                    {t('notes.revision', {
                      version: revision.version,
                      savedAt: formatInZone(revision.savedAt, homeTimeZone, true, locale),
                    })}
                  </button>
                  {selected === revision.version ? (
                    <div className="revision">
                      <RevisionDiff before={previous?.body ?? ''} after={revision.body} />
                      {revision.version === note.version ? (
                        <p className="muted">{t('notes.currentText')}</p>
                      ) : (
                        <button type="button" onClick={() => restore(revision)}>
                          {t('notes.restoreVersion', { version: revision.version })}
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
