import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationLevel, ClassificationScheme, LevelRename } from '../../../shared/contract.ts';
import {
  presetOf,
  presetSchemes,
  type SchemePreset,
  type SchemeProblem,
  schemeChanges,
  schemePresets,
  schemeProblems,
  tidyScheme,
  validDefaultMarking,
  validRenames,
} from '../../../shared/markings.ts';
import { call } from '../bridge/index.ts';
import { LineInput } from '../components/LineInput.tsx';
import { type Offer, useToast, useWithdrawToast } from '../components/Undo.tsx';
import { Field } from '../forms/Field.tsx';
import { refusalText } from '../refusals/refusalText.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';

type Choice = SchemePreset | 'custom';

/** The saved levels whose row now carries another name, each a rename the store can carry (see validRenames). */
function renamesOf(saved: ClassificationScheme, scheme: ClassificationScheme, origins: (string | null)[]): LevelRename[] {
  const tidy = tidyScheme(scheme);
  const renames = tidy.levels.flatMap((level, index) => {
    const from = origins[index];
    return from && from !== level.name && level.name !== '' ? [{ from, to: level.name }] : [];
  });
  return validRenames(saved, tidy, renames) ? renames : renames.filter((rename) => validRenames(saved, tidy, [rename]));
}

/** Which parts of a scheme the desk may change: NATO and US portion marks are set by their rules. */
function editable(choice: Choice): { names: boolean; portions: boolean } {
  if (choice === 'custom') return { names: true, portions: true };
  return { names: false, portions: choice === 'uk' || choice === 'rok' };
}

/** Settings › Classification markings: the scheme (a preset or the desk's own) and the marking new records start with. */
export function MarkingsPanel() {
  const settings = useSettings();
  // Kept here, across the form's remounts: a save remounts it, and the next attempt takes back this message.
  const savedMessage = useRef<Offer | null>(null);
  // Set while Apply saves: the form the save remounts takes the caret back onto its Apply button, not <body>.
  const applying = useRef(false);
  // Remounted when the stored scheme changes, so the draft always starts from what is saved.
  return (
    <MarkingsForm
      key={JSON.stringify([settings.classificationScheme, settings.defaultMarking])}
      saved={settings.classificationScheme}
      savedDefault={settings.defaultMarking}
      savedMessage={savedMessage}
      applying={applying}
    />
  );
}

function MarkingsForm({
  saved,
  savedDefault,
  savedMessage,
  applying,
}: {
  saved: ClassificationScheme;
  savedDefault: string;
  /** The "saved" message of the last attempt: taken back when the next begins, so it never sits beside its refusal. */
  savedMessage: RefObject<Offer | null>;
  applying: RefObject<boolean>;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const withdrawToast = useWithdrawToast();
  const id = useId();
  const [choice, setChoice] = useState<Choice>(presetOf(saved) ?? 'custom');
  const [scheme, setScheme] = useState<ClassificationScheme>(saved);
  // The saved level each row started as (null for a row added, or a preset chosen): a name typed over
  // in a row is that level renamed, wherever the row is moved, and its records go with it.
  const [origins, setOrigins] = useState<(string | null)[]>(() => saved.levels.map((level) => level.name));
  const [defaultMarking, setDefaultMarking] = useState(savedDefault);
  const [problems, setProblems] = useState<SchemeProblem[]>([]);
  /** The draft whose dropped levels' records the desk was told of, and how many: Apply saves it when pressed again. */
  const [confirming, setConfirming] = useState<{ draft: string; records: number; lowered: { level: string; below: string } | null } | null>(
    null,
  );
  const can = editable(choice);

  // Where the caret goes once a row is moved or removed: with the level moved, or to the row that takes the
  // removed one's place. Left alone, it stayed at the row's place (pressing "down" again moved the level back up)
  // or fell to <body> with the button removed.
  const levelList = useRef<HTMLOListElement>(null);
  const applyButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const caretAfter = useRef<((rows: HTMLCollection) => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    const place = caretAfter.current;
    caretAfter.current = null;
    if (place && levelList.current) (place(levelList.current.children) ?? addButton.current)?.focus();
  });
  useEffect(() => {
    if (!applying.current) return;
    applying.current = false;
    applyButton.current?.focus();
  }, [applying]);

  const choose = (next: Choice) => {
    setChoice(next);
    setProblems([]);
    const nextScheme = next === 'custom' ? { ...scheme, name: presetOf(scheme) ? '' : scheme.name } : presetSchemes[next];
    setScheme(nextScheme);
    if (next !== 'custom')
      setOrigins(nextScheme.levels.map((level) => (saved.levels.some((old) => old.name === level.name) ? level.name : null)));
    setDefaultMarking(validDefaultMarking(nextScheme, defaultMarking));
  };
  const setLevel = (index: number, patch: Partial<ClassificationLevel>) =>
    setScheme((current) => ({
      ...current,
      levels: current.levels.map((level, at) => (at === index ? { ...level, ...patch } : level)),
    }));
  const moved = <T,>(list: T[], index: number, by: -1 | 1) => {
    const next = [...list];
    const [item] = next.splice(index, 1);
    if (item !== undefined) next.splice(index + by, 0, item);
    return next;
  };
  const move = (index: number, by: -1 | 1) => {
    // The same arrow again where the level can go further that way, else the other (at the top or the foot).
    caretAfter.current = (rows) =>
      rows[index + by]?.querySelector<HTMLElement>(`[data-move="${by}"]:not(:disabled)`) ??
      rows[index + by]?.querySelector<HTMLElement>('[data-move]:not(:disabled)');
    setScheme((current) => ({ ...current, levels: moved(current.levels, index, by) }));
    setOrigins((current) => moved(current, index, by));
  };
  const remove = (index: number) => {
    caretAfter.current = (rows) => (rows[index] ?? rows[index - 1])?.querySelector<HTMLElement>('input, [data-move]');
    setScheme((current) => ({ ...current, levels: current.levels.filter((_, at) => at !== index) }));
    setOrigins((current) => current.filter((_, at) => at !== index));
  };
  const add = () => {
    caretAfter.current = (rows) => rows[rows.length - 1]?.querySelector<HTMLElement>('input');
    setScheme({ ...scheme, levels: [...scheme.levels, { name: '', portion: '' }] });
    setOrigins([...origins, null]);
  };

  const message = (problem: SchemeProblem) =>
    t(
      `markings.problems.${problem.problem}`,
      problem.level === undefined
        ? {}
        : {
            number: problem.level + 1,
            ...(problem.problem === 'levelControlsDropped' ? { above: problem.above + 1 } : {}),
            ...(problem.problem === 'levelAboveHigher' ? { higher: problem.higher + 1 } : {}),
          },
    );
  const problemAt = (level: number | undefined, fields: SchemeProblem['problem'][]) =>
    problems.find((problem) => problem.level === level && fields.includes(problem.problem));

  const renames = renamesOf(saved, scheme, origins);
  const changes = schemeChanges(saved, scheme, renames);
  // Records carry the saved scheme's name until a rename carries them.
  const savedName = (level: string) => changes.renamed.find(({ to }) => to === level)?.from ?? level;
  // Counted in the store: a level dropped leaves its records marked with a name the scheme lacks, and one moved down
  // lets a page holding its records carry a lower banner.
  const countedLevels = [
    ...new Set([...changes.dropped, ...changes.renamed.map(({ from }) => from), ...changes.lowered.map(({ level }) => savedName(level))]),
  ];
  const counted = useQuery('settings.markingCounts', { levels: countedLevels });
  const recordsOf = (level: string) => (counted.status === 'ready' ? (counted.value[level] ?? 0) : null);
  const draftKey = JSON.stringify([scheme, renames]);
  const storedKey = JSON.stringify([saved, savedDefault]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (savedMessage.current) withdrawToast(savedMessage.current);
    savedMessage.current = null;
    const tidy = tidyScheme(scheme);
    const found = schemeProblems(tidy);
    setProblems(found);
    if (found.length > 0) return;
    try {
      // Apply pressed before the count came (a busy machine, a click straight after choosing a preset): asked
      // now, so the desk is still told what a dropped level leaves before anything is applied, not refused.
      const counts =
        counted.status === 'ready'
          ? counted.value
          : countedLevels.length === 0
            ? {}
            : await call('settings.markingCounts', { levels: countedLevels });
      const dropping = changes.dropped.reduce((sum, level) => sum + (counts[level] ?? 0), 0);
      const lowering = changes.lowered.filter(({ level }) => (counts[savedName(level)] ?? 0) > 0);
      // Records would be left with a level the scheme lacks, or under a lower banner beside another level's: said,
      // applied only when pressed again.
      if ((dropping > 0 || lowering.length > 0) && confirming?.draft !== draftKey) {
        setConfirming({ draft: draftKey, records: dropping, lowered: lowering[0] ?? null });
        return;
      }
      setConfirming(null);
      // The default follows its level's new name, as every record marked with it does.
      const defaultAfter = renames.find((rename) => rename.from === defaultMarking)?.to ?? defaultMarking;
      // Only a change remounts the form (MarkingsPanel's key): Apply pressed on what is saved keeps its caret.
      applying.current = JSON.stringify([tidy, validDefaultMarking(tidy, defaultAfter)]) !== storedKey;
      await call('settings.update', {
        classificationScheme: tidy,
        defaultMarking: validDefaultMarking(tidy, defaultAfter),
        ...(renames.length > 0 ? { renamedLevels: renames } : {}),
        // Pressed twice, told how many records each carries: the store removes only the levels the desk was told of.
        ...(dropping > 0 ? { droppedLevelsConfirmed: changes.dropped.filter((level) => (counts[level] ?? 0) > 0) } : {}),
        ...(lowering.length > 0 ? { loweredLevelsConfirmed: [...new Set(lowering.map(({ level }) => level))] } : {}),
      });
      const saved: Offer = { message: (t) => t('markings.saved') };
      savedMessage.current = saved;
      toast(saved);
    } catch (error) {
      applying.current = false;
      toast({ message: (t) => refusalText(t, error) });
    }
  };

  const nameProblem = problemAt(undefined, ['nameMissing', 'nameTooLong', 'nameCharacters']);
  const schemeProblem = problemAt(undefined, ['noLevels', 'tooManyLevels']);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('markings.settingsTitle')}</h2>
      <p>{t('markings.settingsIntro')}</p>
      <form className="entity-form markings-form" aria-labelledby={`${id}-title`} noValidate onSubmit={save}>
        <Field id={`${id}-scheme`} label={t('markings.scheme')}>
          {() => (
            <select id={`${id}-scheme`} value={choice} onChange={(event) => choose(event.target.value as Choice)}>
              {[...schemePresets, 'custom' as const].map((preset) => (
                <option key={preset} value={preset}>
                  {t(`markings.schemes.${preset}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {can.names ? (
          <Field id={`${id}-name`} label={t('markings.schemeName')} error={nameProblem ? message(nameProblem) : undefined}>
            {(describedBy) => (
              <LineInput
                id={`${id}-name`}
                value={scheme.name}
                aria-invalid={nameProblem !== undefined}
                aria-describedby={describedBy}
                onChange={(event) => setScheme({ ...scheme, name: event.target.value })}
              />
            )}
          </Field>
        ) : null}
        <fieldset className="scheme-levels">
          <legend>{t('markings.levels')}</legend>
          {can.portions ? <p className="field-hint">{t('markings.portionHint')}</p> : null}
          <ol ref={levelList}>
            {scheme.levels.map((level, index) => {
              const number = index + 1;
              const nameError = problemAt(index, [
                'levelNameMissing',
                'levelNameTooLong',
                'levelNameCharacters',
                'levelNameRepeated',
                'levelControlsDropped',
                'levelAboveHigher',
              ]);
              const portionError = problemAt(index, [
                'portionMissing',
                'portionTooLong',
                'portionCharacters',
                'portionBracketed',
                'portionRepeated',
              ]);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: levels have no identity but their place; names are being typed
                <li key={index} className="scheme-level">
                  {can.names ? (
                    <LineInput
                      aria-label={t('markings.levelNameOf', { number })}
                      value={level.name}
                      aria-invalid={nameError !== undefined}
                      onChange={(event) => setLevel(index, { name: event.target.value })}
                    />
                  ) : (
                    <span className="scheme-level-name">{level.name}</span>
                  )}
                  {can.portions ? (
                    <LineInput
                      className="portion-input"
                      aria-label={t('markings.portionOf', { number })}
                      value={level.portion}
                      aria-invalid={portionError !== undefined}
                      onChange={(event) => setLevel(index, { portion: event.target.value })}
                    />
                  ) : (
                    <span className="portion-mark">({level.portion})</span>
                  )}
                  {can.names ? (
                    <span className="button-row">
                      <button
                        type="button"
                        disabled={index === 0}
                        data-move={-1}
                        onClick={() => move(index, -1)}
                        aria-label={t('markings.moveUp', { number })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        disabled={index === scheme.levels.length - 1}
                        data-move={1}
                        onClick={() => move(index, 1)}
                        aria-label={t('markings.moveDown', { number })}
                      >
                        ↓
                      </button>
                      <button type="button" onClick={() => remove(index)} aria-label={t('markings.removeLevel', { number })}>
                        ×
                      </button>
                    </span>
                  ) : null}
                  {[nameError, portionError].map((problem) =>
                    problem ? (
                      <p key={problem.problem} className="field-error">
                        {message(problem)}
                      </p>
                    ) : null,
                  )}
                </li>
              );
            })}
          </ol>
          {can.names ? (
            <button type="button" ref={addButton} onClick={add}>
              {t('markings.addLevel')}
            </button>
          ) : null}
          {schemeProblem ? <p className="field-error">{message(schemeProblem)}</p> : null}
        </fieldset>
        <Field id={`${id}-default`} label={t('markings.defaultMarking')} hint={t('markings.defaultMarkingHint')}>
          {(describedBy) => (
            <select
              id={`${id}-default`}
              value={validDefaultMarking(scheme, defaultMarking)}
              aria-describedby={describedBy}
              onChange={(event) => setDefaultMarking(event.target.value)}
            >
              <option value="">{t('markings.askEachTime')}</option>
              {scheme.levels
                .filter((level) => level.name.trim() !== '')
                .map((level) => (
                  <option key={level.name} value={level.name}>
                    {level.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {problems.length > 0 ? (
          <div role="alert">
            <ul className="field-error">
              {problems.map((problem) => (
                <li key={`${problem.problem}-${problem.level ?? ''}`}>{message(problem)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {/* What applying this draft does to records already marked, said before it is applied. */}
        {changes.dropped.length > 0 ? (
          <p className="field-warning">
            {t('markings.droppedLevels', {
              count: changes.dropped.length,
              levels: changes.dropped
                .map((name) => {
                  const records = recordsOf(name);
                  return records === null ? `“${name}”` : `“${name}” (${t('markings.records', { count: records })})`;
                })
                .join(', '),
            })}
          </p>
        ) : null}
        {changes.renamed.map(({ from, to }) => (
          <p key={`${from}-${to}`} className="field-warning">
            {recordsOf(from) === null
              ? t('markings.renamedLevel', { from, to })
              : t('markings.renamedLevelCounted', { from, to, records: t('markings.records', { count: recordsOf(from) ?? 0 }) })}
          </p>
        ))}
        {changes.lowered.map(({ level, below, banner }) => (
          <p key={`${level}-${below}`} className="field-warning">
            {t('markings.loweredLevel', { level, below, banner })}
          </p>
        ))}
        <div className="button-row">
          <button type="submit" className="primary" ref={applyButton}>
            {confirming?.draft !== draftKey
              ? t('markings.save')
              : confirming.records > 0
                ? t('markings.saveDropping', { records: t('markings.records', { count: confirming.records }) })
                : t('markings.saveLowering', { level: confirming.lowered?.level ?? '', below: confirming.lowered?.below ?? '' })}
          </button>
        </div>
      </form>
    </section>
  );
}
