import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/index.ts';
import { isComposingKey } from '../components/composingKey.ts';
import { TypedProse } from '../components/TypedProse.tsx';
import { TypingTextArea } from '../components/TypingTextArea.tsx';
import { useToast } from '../components/Undo.tsx';
import { proseProblem } from '../forms/validate.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { refusalMessage } from '../records/errors.ts';
import { useQuery } from '../useQuery.ts';

/**
 * A person's biography written for one meeting, where the shared one does not
 * fit; the packs holding the meeting print it instead. Shown on the meeting brief.
 */
export function MeetingBiography({
  meetingId,
  person,
  classification,
  opened = false,
}: {
  meetingId: number;
  person: { id: number; name: string };
  /** The meeting's marking, which a text written now takes; a text written earlier shows its own (it may be higher). */
  classification: string;
  /** Scrolled to and focused once shown: the brief was opened at this biography (a search hit's). */
  opened?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const toast = useToast();
  const written = useQuery('meeting.biographies', { id: meetingId });
  const entry = (written.value ?? []).find((each) => each.personId === person.id);
  const shown = entry?.text ?? '';
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = written.value !== undefined;
  useEffect(() => {
    if (!opened || !loaded) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [opened, loaded]);
  // The text the store holds, as far as this editor knows: a refused save brings it before this window is told.
  const [refusedOver, setRefusedOver] = useState<{ shown: string; stored: string } | null>(null);
  const current = refusedOver && refusedOver.shown === shown ? refusedOver.stored : shown;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  // The text the draft started from: one saved elsewhere meanwhile is not replaced unseen.
  const [base, setBase] = useState('');

  const label = t('packs.meetingBiography', { name: person.name });
  const save = async () => {
    // Checked here by the same rule as the store, so the user reads the problem in their language, naming the field.
    if (draft === base) {
      setDraft(null);
      setError('');
      return;
    }
    const sayChangedElsewhere = (now: string) => {
      setBase(now);
      setError(t('meeting.sectionChangedElsewhere', { section: label, saved: now.replace(/\s+/g, ' ').slice(0, 160) }));
    };
    if (current !== base && draft !== current) {
      sayChangedElsewhere(current);
      return;
    }
    const problem = proseProblem(draft ?? '');
    if (problem) {
      setError(t('records.fieldProblem', { field: label, problem: t(problem.key, problem.options ?? {}) }));
      return;
    }
    try {
      const answer = await call('meeting.setBiography', { meetingId, personId: person.id, text: draft ?? '', expected: base });
      if (answer.status === 'stale') {
        // Saved elsewhere a moment before this window heard of it: nothing written; a second Save replaces it.
        const now = answer.current.find((entry) => entry.personId === person.id)?.text ?? '';
        setRefusedOver({ shown, stored: now });
        sayChangedElsewhere(now);
        return;
      }
      setDraft(null);
      setError('');
      toast({ message: (t) => t('packs.meetingBiographySaved') });
    } catch (failure) {
      setError(refusalMessage(t, failure, label));
    }
  };

  // Nothing is offered before the store has said what is written: "Write a biography" over one not yet read
  // would start a colleague's text from nothing, and a page read then would say there is none.
  if (draft === null && !loaded) return null;
  if (draft === null)
    return (
      <div>
        {current && (
          <>
            <h3 ref={heading} tabIndex={-1} id={`meeting-biography-${person.id}`}>
              <PortionMark classification={entry?.classification ?? classification} /> {t('packs.meetingBiography', { name: person.name })}
            </h3>
            <TypedProse text={current} />
          </>
        )}
        <button
          type="button"
          className="small"
          onClick={() => {
            setBase(current);
            setDraft(current);
          }}
        >
          {t(current ? 'packs.editMeetingBiography' : 'packs.writeMeetingBiography', { name: person.name })}
        </button>
      </div>
    );
  return (
    <div className="field">
      <label htmlFor={`${id}-text`}>{label}</label>
      <TypingTextArea
        id={`${id}-text`}
        rows={4}
        value={draft}
        aria-describedby={`${id}-hint`}
        onValue={setDraft}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
          // Escape ending a Hangul composition is not giving up the biography typed so far.
          if (event.key === 'Escape' && !isComposingKey(event)) setDraft(null);
        }}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {t('packs.meetingBiographyHint')}
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary small" onClick={() => void save()}>
          {t('common.save')}
        </button>
        <button type="button" className="small" onClick={() => setDraft(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
