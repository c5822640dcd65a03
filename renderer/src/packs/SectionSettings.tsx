import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackPreview, PackSectorEntryChoice } from '../../../shared/contract.ts';
import type { PackBiography, PackSection } from '../../../shared/domain.ts';
import { formatDate } from '../../../shared/time.ts';
import { StoredText } from '../components/StoredText.tsx';
import { TypingTextArea } from '../components/TypingTextArea.tsx';
import { droppedDigitsAfter } from '../forms/droppedDigits.ts';
import { droppedDigitsOptions } from '../forms/validate.ts';
import { CountedMarking, PortionMark } from '../markings/ScreenMarkings.tsx';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';

type TimelineSection = Extract<PackSection, { kind: 'timeline' }>;
type BiographiesSection = Extract<PackSection, { kind: 'biographies' }>;

/** What a section prints, in a sentence under its name in the builder. */
export function sectionPrintsKey(section: PackSection): string {
  switch (section.kind) {
    case 'meeting':
      return section.form === 'full' ? 'packs.printsMeetingFull' : 'packs.printsMeetingPocket';
    case 'sector':
      return 'packs.printsSector';
    case 'timeline':
      return 'packs.printsTimeline';
    case 'biographies':
      return 'packs.printsBiographies';
    case 'sources':
      return 'packs.printsSources';
    case 'notes':
      return 'packs.printsNotes';
  }
}

/** The timeline's date range: either end may be left open. */
export function TimelineRange({ section, change }: { section: TimelineSection; change: (next: TimelineSection) => void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row" style={{ alignItems: 'end' }}>
      <RangeEnd name="timelineFrom" label={t('packs.timelineFrom')} value={section.from} change={(from) => change({ ...section, from })} />
      <RangeEnd name="timelineTo" label={t('packs.timelineTo')} value={section.to} change={(to) => change({ ...section, to })} />
      <span className="muted">{t('packs.timelineRangeHint')}</span>
    </div>
  );
}

/**
 * One end of the range. The date control drops Persian or Arabic-Indic digits without a sign, which left the end
 * open and the timeline printing every date: the field says which digits it did not take and what to type.
 */
function RangeEnd({
  name,
  label,
  value,
  change,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  change: (next: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [dropped, setDropped] = useState<ReadonlyMap<string, string>>(new Map());
  const lastKey = useRef<string | null>(null);
  const note = (typed: string) => setDropped((current) => droppedDigitsAfter(current, name, typed));
  const typed = dropped.get(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="date"
        value={value ?? ''}
        aria-invalid={typed !== undefined}
        aria-describedby={typed ? `${id}-error` : undefined}
        onKeyDown={(event) => {
          lastKey.current = event.key;
          note(event.key);
        }}
        onBeforeInput={(event) => {
          // A key the control also inserts as text arrives twice: counted once.
          if (lastKey.current !== event.data) note(event.data);
          lastKey.current = null;
        }}
        onChange={(event) => {
          // The control's value changed: what it shows is what it holds, so no digit stands dropped.
          setDropped((current) => (current.has(name) ? new Map() : current));
          change(event.target.value || null);
        }}
      />
      {typed && (
        <p id={`${id}-error`} className="field-error">
          {t('forms.digitsOfAnotherScript', droppedDigitsOptions(typed))}
        </p>
      )}
    </div>
  );
}

/**
 * The people the biographies can hold (those of the pack's meetings): each can
 * be left out, and given a text written for this pack where the shared one does not fit.
 */
export function BiographiesEditor({
  section,
  people,
  change,
}: {
  section: BiographiesSection;
  people: PackPreview['peopleOfMeetings'];
  change: (next: BiographiesSection) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const settings = useSettings();
  if (people.length === 0) return <p className="muted">{t('packs.noPeople')}</p>;
  const removed = new Set(section.removedPersonIds ?? []);
  const written = new Map((section.biographies ?? []).map((entry) => [entry.personId, entry]));
  const levels = settings.classificationScheme.levels.map((level) => level.name);
  const setRemoved = (personId: number, leaveOut: boolean) =>
    change({
      ...section,
      removedPersonIds: leaveOut ? [...removed, personId] : [...removed].filter((removedId) => removedId !== personId),
    });
  // A text written for the pack carries its own marking, starting at the person's, shown beside it to raise.
  const setWritten = (person: { id: number; classification: string }, text: string, classification: string) => {
    const entry: PackBiography = { personId: person.id, text, classification };
    change({
      ...section,
      biographies: [...(section.biographies ?? []).filter((each) => each.personId !== person.id), ...(text ? [entry] : [])],
    });
  };
  return (
    <ul className="cards" aria-label={t('packs.biographies')}>
      {people.map((person) => {
        const out = removed.has(person.id);
        return (
          <li key={person.id} style={{ display: 'grid', gap: '0.3rem' }}>
            <span style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5rem' }}>
              <span>
                {/* The name, title and shared biography shown here are the person's text, at the person's marking. */}
                <PortionMark classification={person.classification} /> <strong>{person.name}</strong>
                {person.nativeName && (
                  <>
                    {' ('}
                    <StoredText text={person.nativeName} />
                    {')'}
                  </>
                )}
                {person.title ? ` · ${person.title}` : ''}
                {out && <span className="muted"> · {t('packs.leftOut')}</span>}
              </span>
              {/* A long name (titles, patronymic, a native name beside it) takes the room: the button keeps its word whole. */}
              <button
                type="button"
                className="small"
                style={{ flexShrink: 0, alignSelf: 'start' }}
                aria-label={`${t(out ? 'packs.putBack' : 'packs.leaveOut')}: ${person.name}`}
                onClick={() => setRemoved(person.id, !out)}
              >
                {t(out ? 'packs.putBack' : 'packs.leaveOut')}
              </button>
            </span>
            {!out && (
              <div className="field">
                <label htmlFor={`${id}-${person.id}`}>
                  {t('packs.biographyForPack')}: {person.name}
                </label>
                <TypingTextArea
                  id={`${id}-${person.id}`}
                  rows={2}
                  value={written.get(person.id)?.text ?? ''}
                  onValue={(text) => setWritten(person, text, written.get(person.id)?.classification ?? person.classification)}
                  aria-describedby={`${id}-${person.id}-hint`}
                />
                <p className="field-hint" id={`${id}-${person.id}-hint`}>
                  {t('packs.biographyForPackHint', { shared: person.biography || t('packs.noSharedBiography') })}
                </p>
                {written.has(person.id) && (
                  <BiographyMarking
                    id={`${id}-${person.id}-marking`}
                    label={`${t('packs.biographyForPackMarking')}: ${person.name}`}
                    levels={levels}
                    value={written.get(person.id)?.classification ?? person.classification}
                    choose={(classification) => setWritten(person, written.get(person.id)?.text ?? '', classification)}
                  />
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The marking of a text written for the pack: the scheme's levels, and one it no longer has, so it is never dropped. */
function BiographyMarking({
  id,
  label,
  levels,
  value,
  choose,
}: {
  id: string;
  label: string;
  levels: string[];
  value: string;
  choose: (classification: string) => void;
}) {
  const { t } = useTranslation();
  const options = ['', ...levels, ...(value && !levels.includes(value) ? [value] : [])];
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => choose(event.target.value)}>
        {options.map((level) => (
          <option key={level} value={level}>
            {level || t('markings.unmarkedChoice')}
          </option>
        ))}
      </select>
    </>
  );
}

type SectorSection = Extract<PackSection, { kind: 'sector' }>;

/**
 * Each entry of a sector section with its portion mark, date and title, and a
 * box to take it out of this pack: sector entries belong to no summit, so a
 * sector shared by two summits holds the other summit's entries too.
 *
 * A new sector section takes nothing out by default, even entries dated after
 * the summit ended: such an entry is flagged beside its date instead. A
 * default exclusion would decide silently, from a date alone, what the
 * officer's principal reads, and an entry dated later (a follow-up, a planned
 * signing) is often just what a brief needs. The flag makes the date visible
 * at the moment the officer decides; the marking beside it says what it costs.
 * An entry dated during another of the desk's summits is the exception: it is
 * that summit's material (its annotations were written for it), so it starts
 * out, named with that summit, and is kept only when the box is cleared.
 */
export function SectorEntriesEditor({
  section,
  entries,
  change,
}: {
  section: SectorSection;
  /** Null until the preview first answers for this sector. */
  entries: PackSectorEntryChoice[] | null;
  change: (next: SectorSection) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (entries === null) return null;
  if (entries.length === 0) return <p className="muted">{t('packs.noSectorEntries')}</p>;
  const removed = new Set(section.removedEntryIds ?? []);
  const kept = new Set(section.keptEntryIds ?? []);
  const setOut = (entry: PackSectorEntryChoice, takeOut: boolean) => {
    const nextRemoved = new Set(removed);
    const nextKept = new Set(kept);
    if (takeOut) {
      nextKept.delete(entry.id);
      if (entry.otherSummit === null) nextRemoved.add(entry.id);
    } else {
      nextRemoved.delete(entry.id);
      if (entry.otherSummit !== null) nextKept.add(entry.id);
    }
    const { removedEntryIds: _removed, keptEntryIds: _kept, ...rest } = section;
    change({
      ...rest,
      ...(nextRemoved.size > 0 ? { removedEntryIds: [...nextRemoved] } : {}),
      ...(nextKept.size > 0 ? { keptEntryIds: [...nextKept] } : {}),
    });
  };
  return (
    <div style={{ display: 'grid', gap: '0.3rem' }}>
      <span className="muted">{t('packs.sectorEntriesHint')}</span>
      <ul className="cards" aria-label={t('packs.sectorEntries')}>
        {entries.map((entry) => {
          const out = removed.has(entry.id) || (entry.otherSummit !== null && !kept.has(entry.id));
          return (
            <li key={entry.id}>
              <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'baseline' }}>
                <input
                  type="checkbox"
                  checked={out}
                  aria-label={`${t('packs.takeOutEntry')}: ${entry.title}`}
                  onChange={(event) => setOut(entry, event.target.checked)}
                />
                <span>
                  <CountedMarking classification={entry.classification} />
                  <span style={out ? { textDecoration: 'line-through' } : undefined}>
                    {entry.mark} <time dateTime={entry.occurredOn}>{formatDate(entry.occurredOn, locale)}</time> {entry.title}
                  </span>
                  {entry.otherSummit !== null && (
                    <span className="muted">
                      {' · '}
                      {/* The title sits in its own isolate: a right-to-left title cannot reorder the words around it. */}
                      {t('packs.entryDuringOtherSummit', { summit: `\u2068${entry.otherSummit}\u2069` })}
                    </span>
                  )}
                  {entry.afterSummit && <span className="muted"> · {t('packs.entryAfterSummit')}</span>}
                  {out && <span className="muted"> · {t('packs.leftOut')}</span>}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
