import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, GuardedSave } from '../../../shared/contract.ts';
import { shortened } from '../../../shared/shortened.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { LineInput } from '../components/LineInput.tsx';
import { TypingTextArea } from '../components/TypingTextArea.tsx';
import { CountedMarking, PortionMark, useMarkedLabel } from '../markings/ScreenMarkings.tsx';
import { namedIn, refusalMessage } from '../records/errors.ts';
import { NamesakeWarning } from '../records/NamesakeWarning.tsx';
import { NewRecordButton } from '../records/NewRecordButton.tsx';
import { personLabels } from '../records/personLabels.ts';
import { summitLabels } from '../records/summitLabels.ts';
import { type FormEntity, navigate, type Route } from '../router.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { spelledDate } from './dateReading.ts';
import { dateWarnings, repeatedTimeOf } from './dateWarnings.ts';
import { droppedDigitsAfter } from './droppedDigits.ts';
import { Field } from './Field.tsx';
import { dropFormDraft, formDraftKey, readFormDraft, writeFormDraft } from './formDrafts.ts';
import { MeetingEndTime } from './MeetingEndTime.tsx';
import { MeetingOverlapWarning, MeetingTimeAtSummit } from './MeetingOverlapWarning.tsx';
import { MeetingPicker } from './MeetingPicker.tsx';
import { type FieldSpec, type FormSpec, type FormValues, formSpecs, type RefList } from './specs.ts';
import { TimeField } from './TimeField.tsx';
import { takesText, takeTypedForForm } from './typedBeforeForm.ts';
import { droppedDigitsOptions, type FieldProblem, unreadableFields, validate } from './validate.ts';

type Choice = { id: number; label: string; classification: string };

function useChoices(): Record<RefList, Choice[]> {
  const summits = useQuery('summit.list', {});
  const people = useQuery('person.list', {});
  const sources = useQuery('source.list', {});
  const countries = useQuery('country.list', {});
  const programmes = useQuery('programme.list', {});
  // Each record offered with its portion mark, as every list shows it: a picker shows records too.
  const markedLabel = useMarkedLabel();
  return useMemo(() => {
    // The mark is kept beside the label: the record chosen counts towards the window's banner.
    const offered = (id: number, classification: string, text: string): Choice => ({
      id,
      label: markedLabel(classification, text),
      classification,
    });
    const labels = personLabels(people.value ?? []);
    const summitTitles = summitLabels(summits.value ?? []);
    return {
      summit: (summits.value ?? []).map((summit) =>
        // Summits of one title (the same summit, year after year) told apart by city and year.
        offered(summit.id, summit.classification, summitTitles.get(summit.id) ?? summit.title),
      ),
      person: (people.value ?? []).map((person) => offered(person.id, person.classification, labels.get(person.id) ?? person.name)),
      source: (sources.value ?? []).map((source) => offered(source.id, source.classification, source.title)),
      country: (countries.value ?? []).map((country) => offered(country.id, country.classification, country.name)),
      programme: (programmes.value ?? []).map(({ programme }) =>
        offered(programme.id, programme.classification, `${programme.code} – ${programme.name}`),
      ),
      sector: (programmes.value ?? []).flatMap(({ programme, sectors }) =>
        sectors.map((sector) => offered(sector.id, sector.classification, `${programme.code}: ${sector.name}`)),
      ),
    };
  }, [summits.value, people.value, sources.value, countries.value, programmes.value, markedLabel]);
}

/** The chosen record's marking, counted towards the window's banner as a record shown anywhere else is. */
function chosenMarking(choices: Choice[], value: string) {
  const chosen = choices.find((choice) => String(choice.id) === value);
  return chosen ? <CountedMarking classification={chosen.classification} /> : null;
}

let timeZoneNames: string[] | null = null;
function allTimeZones(): string[] {
  timeZoneNames ??= Intl.supportedValuesOf('timeZone');
  return timeZoneNames;
}

/** A stored value as a clash message quotes it: the start of a text, '—' for nothing. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const line = String(value).replace(/\s+/g, ' ').trim();
  return shortened(line, 120);
}

/** Where to go after a save: the view that shows the record. */
/**
 * Only the fields the user changed: a form opened before another window (or a
 * colleague's sync) changed the record must not write its stale values of the
 * other fields back over that change.
 */
export function changedFields(record: Record<string, unknown>, opened: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(opened[field])));
}

/**
 * The record as the form opened it, or nothing when the form could not read it
 * (a time stored in a zone this machine does not know opens with no date): then
 * every field is sent, as the user has just set them all right.
 */
function openedRecordOf(spec: Pick<FormSpec, 'toRecord'>, opened: FormValues): Record<string, unknown> {
  try {
    return spec.toRecord(opened);
  } catch {
    return {};
  }
}

function destination(entity: FormEntity, saved: Record<string, unknown>): Route {
  const id = Number(saved.id);
  switch (entity) {
    case 'summit':
      return { view: 'summit', id };
    case 'meeting':
      return { view: 'meeting', id };
    case 'person':
      return { view: 'people', id };
    case 'source':
      return { view: 'sources' };
    case 'sector':
      return { view: 'sectors', id };
    case 'sectorEntry':
      return { view: 'sectors', id: Number(saved.sectorId) };
    case 'timelineEvent':
      return { view: 'timeline' };
    case 'followUp':
      return saved.meetingId ? { view: 'meeting', id: Number(saved.meetingId) } : { view: 'today' };
    case 'country':
      return { view: 'people' };
    case 'programme':
      return { view: 'sectors' };
  }
}

/** The form a picker's "New …" opens, for each list a reference field chooses from. */
const formOfList: Record<RefList, FormEntity> = {
  summit: 'summit',
  person: 'person',
  source: 'source',
  country: 'country',
  programme: 'programme',
  sector: 'sector',
};

/**
 * Create or edit one record. Every field is checked here first; whatever the
 * store still refuses comes back with the field's name and is shown there.
 * A record is saved by one call, so it is saved whole or not at all.
 */
export function EntityForm({
  entity,
  initial,
  id,
  headingId,
  onSaved,
  onCancel,
  stored,
}: {
  entity: FormEntity;
  initial: FormValues;
  id?: number;
  /** Set when the form sits in a dialog labelled by its heading. */
  headingId?: string;
  /** Instead of going to the saved record's view (a form opened from a picker). */
  onSaved?: (saved: Record<string, unknown>) => void;
  onCancel?: () => void;
  /** The record as the store answered when the form opened: each changed field is written only if the store still reads so. */
  stored?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const spec = formSpecs[entity];
  const choices = useChoices();
  const settings = useSettings();
  const levels = settings.classificationScheme.levels.map((level) => level.name);
  const locale = useLocale();
  // A date field says, in words, the day its control read, so a day and month typed in the other order show.
  const dateHint = (hintKey: string | undefined, value: unknown): string | undefined => {
    const spelled = typeof value === 'string' ? spelledDate(value, locale) : null;
    const parts = [hintKey ? t(hintKey) : '', spelled ? t('forms.dateReadsAs', { date: spelled }) : ''];
    return parts.filter(Boolean).join(' ') || undefined;
  };
  const ownId = useId();
  const formId = headingId ? `${headingId}-form` : ownId;
  const headingElementId = headingId ?? `${formId}-heading`;
  const labelOf = (name: string) => t([`forms.entityFields.${entity}.${name}`, `forms.fields.${name}`, `records.fields.${name}`]);
  // A new record is offered the desk's default marking; with none set it starts unmarked and the field says so.
  const offersDefault = id === undefined && spec.fields.some((field) => field.kind === 'classification') && !initial.classification;
  const [opened, setOpened] = useState<FormValues>(() =>
    offersDefault ? { ...initial, classification: settings.defaultMarking } : initial,
  );
  // What was typed before the page reloaded comes back, and the form says so.
  const [draftKey] = useState(() => formDraftKey(window.location.hash, entity, id));
  const [restoredDraft] = useState(() =>
    readFormDraft(
      draftKey,
      spec.fields.map((field) => field.name),
    ),
  );
  const [values, setValues] = useState<FormValues>(() => (restoredDraft ? { ...opened, ...restoredDraft } : opened));
  // A form opened before the settings came (a reload on it, a busy machine) started unmarked: the desk's
  // default is offered once they come, unless a marking is already there (typed before a reload, or chosen).
  useEffect(() => {
    if (!offersDefault || settings.defaultMarking === '') return;
    const offered = (form: FormValues) => (form.classification ? form : { ...form, classification: settings.defaultMarking });
    setOpened(offered);
    setValues(offered);
  }, [offersDefault, settings.defaultMarking]);
  const [draftNotice, setDraftNotice] = useState(restoredDraft !== null);
  useEffect(() => {
    if (JSON.stringify(values) === JSON.stringify(opened)) dropFormDraft(draftKey);
    else writeFormDraft(draftKey, values);
  }, [values, opened, draftKey]);
  // Leaving the form with Back (or a link) keeps the draft, as a note's draft journal does: opening
  // the form again finds it, says so and offers to discard it. Saving or Cancel drops it.
  const [problems, setProblems] = useState<Record<string, FieldProblem | { text: string }>>({});
  const [droppedDigits, setDroppedDigits] = useState<ReadonlyMap<string, string>>(new Map());
  // Said at the field as the key is pressed: the control shows no sign of the digit it dropped.
  // A key the number control also inserts as text arrives twice (keydown, then beforeinput): counted once.
  const digitKeyDown = useRef<string | null>(null);
  const onControlKey = (name: string, key: string) => {
    digitKeyDown.current = key;
    noteControlInput(name, key);
  };
  const onControlText = (name: string, text: string) => {
    const echo = digitKeyDown.current === text;
    digitKeyDown.current = null;
    if (!echo) noteControlInput(name, text);
  };
  // Kept in a ref as well: keys typed faster than the form renders each read the digits the one before left.
  const droppedNow = useRef(droppedDigits);
  const noteControlInput = (name: string, key: string) => {
    const next = droppedDigitsAfter(droppedNow.current, name, key);
    if (next === droppedNow.current) return;
    droppedNow.current = next;
    setDroppedDigits(next);
    const typed = next.get(name);
    setProblems((current) => {
      const { [name]: _, ...others } = current;
      return typed ? { ...others, [name]: { key: 'forms.digitsOfAnotherScript', options: droppedDigitsOptions(typed) } } : others;
    });
  };
  // The control's value changed (Chromium's number control reads full-width ３０ as 30; a date chosen from its
  // calendar): what it shows is what it holds, so no digit stands dropped.
  const controlTook = (name: string) => {
    if (!droppedNow.current.has(name)) return;
    const next = new Map(droppedNow.current);
    next.delete(name);
    droppedNow.current = next;
    setDroppedDigits(next);
    setProblems((current) => {
      const { [name]: _, ...others } = current;
      return others;
    });
  };
  // Shares the summit pickers' query: the dates of the summit a meeting is in.
  const summits = useQuery('summit.list', {}).value;
  const people = useQuery('person.list', {}).value;
  const warnings = dateWarnings(entity, spec, values, (summitId) => summits?.find((summit) => String(summit.id) === summitId));
  const warningOf = (name: string) => {
    const warning = warnings[name];
    return warning ? t(warning.key, warning.options) : undefined;
  };
  const [formError, setFormError] = useState<string | null>(null);
  // What the store held when the form opened, or as a refused save found it: the precondition of the next save.
  const [openedStored, setOpenedStored] = useState(stored);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = useRef(false);
  // A refused field is checked again as it changes: corrected, its message goes (a date retyped in the right
  // order no longer reads "Not a real date" under "Reads as …"); still wrong, it says what is wrong now.
  // Only fields changed are checked: a refusal only the store could make stays until that field changes.
  const checkedValues = useRef(values);
  useEffect(() => {
    const before = checkedValues.current;
    checkedValues.current = values;
    const changed = Object.keys(values).filter((name) => values[name] !== before[name]);
    if (changed.length === 0) return;
    setProblems((current) => {
      const refused = changed.filter((name) => name in current);
      if (refused.length === 0) return current;
      const now = validate(spec, values, unreadableFields(formRef.current), droppedDigits);
      const next = { ...current };
      for (const name of refused) {
        const problem = now[name];
        if (problem) next[name] = problem;
        else delete next[name];
      }
      return next;
    });
  }, [values, spec, droppedDigits]);

  // A form is for typing into, a new record's and one being edited alike: its first field takes the caret, as a
  // keyboard user reaches a form to change something in it (on the page behind, the next Tab started from the top).
  // A new record's form also starts with what was typed while it was on its way (forms/typedBeforeForm.ts), in its
  // first field that takes letters: a sector entry opens on its sector's picker, a timeline event on its date, which
  // would refuse them, and the caret goes there with them, so the letters still to come follow on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens
  useEffect(() => {
    const typed = id === undefined ? takeTypedForForm() : '';
    const fields = [...(formRef.current?.querySelectorAll<HTMLElement>('input, select, textarea') ?? [])];
    const takesTyped = typed === '' ? undefined : fields.find((field) => takesText(field) && field.name !== '');
    const first = takesTyped ?? fields[0];
    first?.focus();
    if (!takesText(takesTyped)) return;
    // Into the field at once as well: a key reaching it before React renders this update adds to these letters.
    takesTyped.value += typed;
    const name = takesTyped.name;
    setValues((current) => ({ ...current, [name]: `${typeof current[name] === 'string' ? current[name] : ''}${typed}` }));
  }, []);

  useEffect(() => {
    if (!focusFirstProblem.current) return;
    focusFirstProblem.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  const title = t(id === undefined ? 'forms.newTitle' : 'forms.editTitle', { entity: t(`forms.entities.${entity}`) });
  const messageOf = (problem: FieldProblem | { text: string } | undefined) =>
    problem === undefined ? undefined : 'text' in problem ? problem.text : t(problem.key, problem.options ?? {});
  const messageOfField = (name: string) => {
    const problem = problems[name];
    // An impossible day is named with its field: the control shows what was typed, the message says which date is wrong.
    return problem && 'key' in problem && problem.key === 'forms.impossibleDate'
      ? t(problem.key, { field: labelOf(name), interpolation: { escapeValue: false } })
      : messageOf(problem);
  };

  /** Writes the changed fields over the values the form opened with; null when the store holds others now (nothing written, the clash shown). */
  const saveChanges = async (recordId: number, patch: Record<string, unknown>): Promise<unknown> => {
    // Every update says what it opened (the store refuses one that does not): what the store held, else the form's opened values.
    const base = openedStored ?? openedRecordOf(spec, opened);
    const expected = Object.fromEntries(Object.keys(patch).map((field) => [field, base[field] ?? null]));
    const answer = (await call(`${entity}.update` as Channel, { id: recordId, patch, expected } as never)) as unknown as GuardedSave<
      Record<string, unknown>
    >;
    if (answer.status === 'saved') return answer.saved;
    // Saved elsewhere since this form opened (another window, a sync): say what it reads now; a second Save replaces it.
    const now = answer.current;
    setOpenedStored(now);
    const moved = Object.keys(patch).filter(
      (field) => openedStored && JSON.stringify(now[field] ?? null) !== JSON.stringify(openedStored[field] ?? null),
    );
    setFormError(
      t('guard.recordChangedElsewhere', {
        fields: moved.map((field) => `${labelOf(spec.fieldOf?.[field] ?? field)}: “${shownValue(now[field])}”`).join('; '),
        interpolation: { escapeValue: false },
      }),
    );
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A form in a dialog opened from another form's picker must not submit that one too.
    event.stopPropagation();
    setFormError(null);
    const found = validate(spec, values, unreadableFields(formRef.current), droppedDigits);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstProblem.current = true;
      return;
    }
    setSaving(true);
    // Where the officer was when they pressed Create or Save: gone elsewhere before the store answered (to the list
    // the record joins, most often), they stay where they went, not taken back to the record from there.
    const startedAt = window.location.hash;
    try {
      const record = spec.toRecord(values);
      const saved =
        id === undefined
          ? await call(`${entity}.create` as Channel, { ...spec.createExtras, ...record } as never)
          : await saveChanges(id, changedFields(record, openedRecordOf(spec, opened)));
      if (saved === null) return;
      dropFormDraft(draftKey);
      if (onSaved) onSaved(saved as Record<string, unknown>);
      else if (window.location.hash === startedAt) navigate(destination(entity, saved as Record<string, unknown>), { replace: true });
    } catch (error) {
      // The store's own wording is English and technical: the user reads which field, in their language.
      const storeField = error instanceof BridgeError && error.field ? error.field.replace(/^patch\./, '') : undefined;
      const field = storeField ? (spec.fieldOf?.[storeField] ?? storeField) : undefined;
      if (field && spec.fields.some((candidate) => candidate.name === field)) {
        // A rule between records (a meeting a pack lists keeps its summit) refused a well-formed value: say which rule.
        const rule = error instanceof BridgeError && error.code === 'constraint' && field === 'summitId';
        // The store said why (the summit deleted in another window, say): that, at the field, not a guess at characters.
        const refusal = error instanceof BridgeError && error.reason ? error : undefined;
        setProblems({
          [field]: rule
            ? { key: 'records.meetingInPacks', options: namedIn(error) }
            : refusal
              ? { key: `refusals.reasons.${refusal.reason}`, options: { ...refusal.params, ...(refusal.names ? namedIn(refusal) : {}) } }
              : { key: 'records.fieldRefused', options: { field: labelOf(field) } },
        });
        focusFirstProblem.current = true;
      } else {
        // The store said why without a field of this form: that, rather than its code's guess at what might be wrong.
        setFormError(refusalMessage(t, error));
      }
    } finally {
      setSaving(false);
    }
  };

  const set = (name: string, value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));

  const control = (field: FieldSpec, controlId: string, describedBy: string | undefined) => {
    const invalid = problems[field.name] !== undefined;
    const common = { id: controlId, name: field.name, 'aria-invalid': invalid, 'aria-describedby': describedBy };
    const value = values[field.name];
    const textValue = typeof value === 'string' ? value : '';
    // Date and number controls drop digits of another script without a sign: each key is watched for them. (The
    // time field is text, and reads them: forms/timeReading.ts.)
    const digitKeys = {
      onKeyDown: (event: { key: string }) => onControlKey(field.name, event.key),
      onBeforeInput: (event: { data: string }) => onControlText(field.name, event.data),
    };
    switch (field.kind) {
      case 'textarea':
        return <TypingTextArea {...common} rows={4} value={textValue} onValue={(text) => set(field.name, text)} />;
      case 'date':
        return (
          <input
            {...common}
            type="date"
            value={textValue}
            {...digitKeys}
            onChange={(event) => {
              controlTook(field.name);
              set(field.name, event.target.value);
            }}
          />
        );
      case 'time':
        return (
          <TimeField
            {...common}
            value={textValue}
            onValue={(time) => {
              // Typing a time says the time of day is known; clearing it says it is not.
              setValues((current) => ({ ...current, [field.name]: time, startTimeKnown: time !== '' }));
            }}
          />
        );
      case 'number':
        return (
          <input
            {...common}
            type="number"
            inputMode="numeric"
            value={textValue}
            {...digitKeys}
            onChange={(event) => {
              controlTook(field.name);
              set(field.name, event.target.value);
            }}
          />
        );
      case 'checkbox':
        return <input {...common} type="checkbox" checked={value === true} onChange={(event) => set(field.name, event.target.checked)} />;
      case 'meeting':
        return <MeetingPicker control={common} value={textValue} onChange={(meetingId) => set(field.name, meetingId)} />;
      case 'occurrence': {
        const twice = repeatedTimeOf(entity, values);
        return (
          <select
            {...common}
            value={textValue === 'earlier' ? 'earlier' : 'later'}
            onChange={(event) => set(field.name, event.target.value)}
          >
            {(['earlier', 'later'] as const).map((which) => (
              <option key={which} value={which}>
                {t(`forms.occurrences.${which}`, { time: twice?.[which].label ?? '' })}
              </option>
            ))}
          </select>
        );
      }
      case 'classification': {
        // The scheme's levels, plus a stored marking the scheme no longer has, so editing never drops it.
        const options = ['', ...levels, ...(textValue && !levels.includes(textValue) ? [textValue] : [])];
        return (
          <select {...common} value={textValue} onChange={(event) => set(field.name, event.target.value)}>
            {options.map((level) => (
              <option key={level} value={level}>
                {level || t('markings.unmarkedChoice')}
              </option>
            ))}
          </select>
        );
      }
      case 'timezone':
        return (
          <>
            <LineInput
              {...common}
              list={`${controlId}-zones`}
              value={textValue}
              onChange={(event) => set(field.name, event.target.value)}
            />
            <datalist id={`${controlId}-zones`}>
              {allTimeZones().map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </>
        );
      case 'select':
        return (
          <select {...common} value={textValue} onChange={(event) => set(field.name, event.target.value)}>
            {field.options.map((option) => (
              <option key={option} value={option}>
                {t(`${field.labelKey}.${option}`)}
              </option>
            ))}
          </select>
        );
      case 'ref':
        return (
          <span className="picker">
            <select {...common} value={textValue} onChange={(event) => set(field.name, event.target.value)}>
              <option value="">{t('forms.noChoice')}</option>
              {choices[field.list].map((choice) => (
                <option key={choice.id} value={String(choice.id)}>
                  {choice.label}
                </option>
              ))}
              {/* Just created from this picker: chosen before the list has read it back. */}
              {textValue !== '' && !choices[field.list].some((choice) => String(choice.id) === textValue) && (
                <option value={textValue}>{t('app.loading')}</option>
              )}
            </select>
            {chosenMarking(choices[field.list], textValue)}
            {!onSaved && (
              <NewRecordButton
                entity={formOfList[field.list]}
                fieldLabel={labelOf(field.name)}
                onCreated={(newId) => set(field.name, String(newId))}
              />
            )}
          </span>
        );
      default:
        return <LineInput {...common} value={textValue} onChange={(event) => set(field.name, event.target.value)} />;
    }
  };

  return (
    <form ref={formRef} className="entity-form" aria-labelledby={headingElementId} noValidate onSubmit={(event) => void submit(event)}>
      {/* The form shows the record's text: its marking, as chosen so far, counts towards the window's banner. */}
      {headingId ? (
        <h2 id={headingElementId}>
          {typeof values.classification === 'string' ? <PortionMark classification={values.classification} /> : null}
          {title}
        </h2>
      ) : (
        <h1 id={headingElementId}>
          {typeof values.classification === 'string' ? <PortionMark classification={values.classification} /> : null}
          {title}
        </h1>
      )}
      {Object.keys(problems).length > 0 && (
        <p role="alert" className="error">
          {t('records.errorSummary', {
            fields: spec.fields
              .filter((field) => problems[field.name] !== undefined)
              .map((field) => labelOf(field.name))
              .join(', '),
          })}
        </p>
      )}
      {draftNotice && (
        <p role="status" className="field-warning">
          {t('forms.draftRestored')}{' '}
          <button
            type="button"
            className="small"
            onClick={() => {
              setValues(opened);
              setProblems({});
              setDraftNotice(false);
            }}
          >
            {t('forms.discardDraft')}
          </button>
        </p>
      )}
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      {spec.fields
        // The choice between two instants is offered only for a time the clocks pass twice.
        .filter((field) => field.kind !== 'occurrence' || repeatedTimeOf(entity, values) !== null)
        .flatMap((field) => [
          <Field
            key={field.name}
            id={`${formId}-${field.name}`}
            label={labelOf(field.name)}
            error={messageOfField(field.name)}
            warning={problems[field.name] ? undefined : warningOf(field.name)}
            hint={
              field.kind === 'classification' && !values[field.name]
                ? t('markings.unmarkedHint')
                : field.kind === 'date'
                  ? dateHint(field.hintKey, values[field.name])
                  : field.kind === 'time'
                    ? t('forms.timeHint')
                    : undefined
            }
            inline={field.kind === 'checkbox'}
          >
            {(describedBy) => control(field, `${formId}-${field.name}`, describedBy)}
          </Field>,
          // A new person named like a stored one: said under the name, with the stored one to take instead.
          entity === 'person' && id === undefined && field.name === 'nativeName' && people ? (
            <NamesakeWarning
              key="namesakes"
              typed={{ name: String(values.name ?? ''), nativeName: String(values.nativeName ?? '') }}
              people={people}
              onChoose={onSaved ? (person) => onSaved({ ...person }) : undefined}
            />
          ) : null,
          // When the meeting ends, under its duration, so an end across a change of clocks is seen before saving.
          entity === 'meeting' && field.name === 'durationMinutes' ? <MeetingEndTime key="ends" values={values} id={id} /> : null,
          // The time at the summit for a venue in another zone, and another meeting of the summit at the same time:
          // said under the time zone, where the time is complete.
          entity === 'meeting' && field.name === 'timeZone' && Number(values.summitId) > 0 ? (
            <MeetingTimeAtSummit key="at-summit" summitId={Number(values.summitId)} values={values} id={id} />
          ) : null,
          entity === 'meeting' && field.name === 'timeZone' && Number(values.summitId) > 0 ? (
            <MeetingOverlapWarning key="overlaps" summitId={Number(values.summitId)} values={values} id={id} />
          ) : null,
        ])}
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.saving') : id === undefined ? t('common.create') : t('common.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            dropFormDraft(draftKey);
            if (onCancel) onCancel();
            else window.history.back();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
