import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortened } from '../../../shared/shortened.ts';
import { proseProblem } from '../forms/validate.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { refusalMessage } from '../records/errors.ts';
import { isComposingKey } from './composingKey.ts';
import { TypedProse } from './TypedProse.tsx';
import { TypingTextArea } from './TypingTextArea.tsx';

/** The start of a saved text, enough to recognise it in a message. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return shortened(line, 160);
}

/**
 * One section of a brief, read as prose and edited in place. Ctrl/Cmd+Enter
 * saves, Escape gives up the edit; the store's message shows under the text.
 */
export function EditableSection({
  sectionKey,
  title,
  classification,
  text,
  onSave,
}: {
  sectionKey: string;
  title: string;
  /** The marking of the record the section belongs to, shown before its heading as the pack prints it. */
  classification?: string;
  text: string;
  /** Writes `text` over `base`, the saved text the draft started from; answers the text saved now when that moved on (nothing written). */
  onSave: (text: string, base: string) => Promise<{ staleText: string } | undefined>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  // The saved text the draft started from: when the store's text moves away
  // from it (another window, a colleague's sync), the draft is stale and must
  // not be written back over that change without the user's word.
  const [base, setBase] = useState(text);
  // The saved text as the store answered a refused save, until this window is told of the change itself.
  const [refusedOver, setRefusedOver] = useState<{ shown: string; stored: string } | null>(null);
  const saved = refusedOver && refusedOver.shown === text ? refusedOver.stored : text;
  // An editor opened but not yet typed into follows the saved text: a view
  // shown from cache reads the store again as it opens, and Edit clicked in
  // between must not hold the cached text against the fresh one. Only a
  // draft the user changed is kept, and warned of at Save.
  if (draft !== null && draft === base && saved !== base) {
    setBase(saved);
    setDraft(saved);
  }
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const headingId = `section-${sectionKey}`;

  const [returnFocus, setReturnFocus] = useState(false);
  // Back to the button that opened the editor, once it is rendered again, so keyboard users keep their place.
  useEffect(() => {
    if (!returnFocus || draft !== null) return;
    editButton.current?.focus();
    setReturnFocus(false);
  }, [returnFocus, draft]);
  // Leaving the view (or the page) with an edit open keeps the edit: it is
  // saved as it stands rather than thrown away without a word.
  // Only what the user typed is kept, and only over the text it started from:
  // an editor merely left open, or one whose text was changed elsewhere, writes nothing.
  const pending = useRef({ draft, text: saved, base, onSave });
  pending.current = { draft, text: saved, base, onSave };
  useEffect(() => {
    const keep = () => {
      const { draft: unsaved, text: saved, base: startedFrom, onSave: write } = pending.current;
      if (unsaved !== null && unsaved !== startedFrom && saved === startedFrom) {
        pending.current.draft = null;
        write(unsaved, startedFrom).catch(() => undefined);
      }
    };
    window.addEventListener('pagehide', keep);
    return () => {
      window.removeEventListener('pagehide', keep);
      keep();
    };
  }, []);
  const stop = () => {
    setDraft(null);
    setError(null);
    setReturnFocus(true);
  };
  const save = async () => {
    if (draft === null) return;
    if (draft === base) {
      stop();
      return;
    }
    if (saved !== base && draft !== saved) {
      setBase(saved);
      setError(t('meeting.sectionChangedElsewhere', { section: title, saved: excerpt(saved) }));
      return;
    }
    const problem = proseProblem(draft);
    if (problem) {
      setError(t('records.fieldProblem', { field: title, problem: t(problem.key, problem.options ?? {}) }));
      return;
    }
    setSaving(true);
    try {
      const refused = await onSave(draft, base);
      if (refused) {
        // Saved elsewhere a moment before this window heard of it: the store kept that text. A second Save replaces it.
        setRefusedOver({ shown: text, stored: refused.staleText });
        setBase(refused.staleText);
        setError(t('meeting.sectionChangedElsewhere', { section: title, saved: excerpt(refused.staleText) }));
        return;
      }
      stop();
    } catch (caught) {
      setError(refusalMessage(t, caught, title));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="brief-section">
      <div className="section-header">
        <h2 id={headingId}>
          {classification !== undefined && <PortionMark classification={classification} />}
          {title}
        </h2>
        {draft === null && (
          <button
            type="button"
            ref={editButton}
            className="small"
            onClick={() => {
              setBase(saved);
              setDraft(saved);
            }}
            aria-label={t('meeting.editSection', { section: title })}
          >
            {t('common.edit')}
          </button>
        )}
      </div>
      {draft === null ? (
        saved.trim() ? (
          // **Do not** reads bold and "- " lines a list here as in the pack: the same rules print it (main/pdf/template/prose.ts).
          <TypedProse text={saved} />
        ) : (
          <p className="muted">{t('meeting.emptySection')}</p>
        )
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label htmlFor={id} className="visually-hidden">
            {t('meeting.sectionLabel', { section: title })}
          </label>
          <TypingTextArea
            id={id}
            // The user just asked to edit this section.
            autoFocus
            rows={Math.min(20, Math.max(4, draft.split('\n').length + 1))}
            value={draft}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onValue={setDraft}
            onKeyDown={(event) => {
              // Escape ending a Hangul composition is not giving up the edit: it would have thrown away the whole text.
              if (event.key === 'Escape' && !isComposingKey(event)) {
                event.preventDefault();
                stop();
              } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save();
              }
            }}
          />
          {error && (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('common.saving') : t('common.save')}
            </button>
            <button type="button" onClick={stop}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
