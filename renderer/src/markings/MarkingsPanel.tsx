import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationLevel, ClassificationScheme } from '../../../shared/contract.ts';
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
} from '../../../shared/markings.ts';
import { call } from '../bridge/index.ts';
import { useToast } from '../components/Undo.tsx';
import { Field } from '../forms/Field.tsx';
import { refusalText } from '../refusals/refusalText.ts';
import { useSettings } from '../settings/SettingsContext.tsx';

type Choice = SchemePreset | 'custom';

/** Which parts of a scheme the desk may change: NATO and US portion marks are set by their rules. */
function editable(choice: Choice): { names: boolean; portions: boolean } {
  if (choice === 'custom') return { names: true, portions: true };
  return { names: false, portions: choice === 'uk' || choice === 'rok' };
}

/** Settings › Classification markings: the scheme (a preset or the desk's own) and the marking new records start with. */
export function MarkingsPanel() {
  const settings = useSettings();
  // Remounted when the stored scheme changes, so the draft always starts from what is saved.
  return (
    <MarkingsForm
      key={JSON.stringify([settings.classificationScheme, settings.defaultMarking])}
      saved={settings.classificationScheme}
      savedDefault={settings.defaultMarking}
    />
  );
}

function MarkingsForm({ saved, savedDefault }: { saved: ClassificationScheme; savedDefault: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const [choice, setChoice] = useState<Choice>(presetOf(saved) ?? 'custom');
  const [scheme, setScheme] = useState<ClassificationScheme>(saved);
  const [defaultMarking, setDefaultMarking] = useState(savedDefault);
  const [problems, setProblems] = useState<SchemeProblem[]>([]);
  const can = editable(choice);

  const choose = (next: Choice) => {
    setChoice(next);
    setProblems([]);
    const nextScheme = next === 'custom' ? { ...scheme, name: presetOf(scheme) ? '' : scheme.name } : presetSchemes[next];
    setScheme(nextScheme);
    setDefaultMarking(validDefaultMarking(nextScheme, defaultMarking));
  };
  const setLevel = (index: number, patch: Partial<ClassificationLevel>) =>
    setScheme((current) => ({
      ...current,
      levels: current.levels.map((level, at) => (at === index ? { ...level, ...patch } : level)),
    }));
  const move = (index: number, by: -1 | 1) =>
    setScheme((current) => {
      const levels = [...current.levels];
      const [level] = levels.splice(index, 1);
      if (level) levels.splice(index + by, 0, level);
      return { ...current, levels };
    });
  const remove = (index: number) => setScheme((current) => ({ ...current, levels: current.levels.filter((_, at) => at !== index) }));

  const message = (problem: SchemeProblem) =>
    t(
      `markings.problems.${problem.problem}`,
      problem.level === undefined
        ? {}
        : { number: problem.level + 1, ...(problem.problem === 'levelControlsDropped' ? { above: problem.above + 1 } : {}) },
    );
  const problemAt = (level: number | undefined, fields: SchemeProblem['problem'][]) =>
    problems.find((problem) => problem.level === level && fields.includes(problem.problem));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const tidy = tidyScheme(scheme);
    const found = schemeProblems(tidy);
    setProblems(found);
    if (found.length > 0) return;
    try {
      await call('settings.update', { classificationScheme: tidy, defaultMarking: validDefaultMarking(tidy, defaultMarking) });
      toast({ message: t('markings.saved') });
    } catch (error) {
      toast({ message: refusalText(t, error) });
    }
  };

  const changes = schemeChanges(saved, scheme);
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
              <input
                id={`${id}-name`}
                type="text"
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
          <ol>
            {scheme.levels.map((level, index) => {
              const number = index + 1;
              const nameError = problemAt(index, [
                'levelNameMissing',
                'levelNameTooLong',
                'levelNameCharacters',
                'levelNameRepeated',
                'levelControlsDropped',
              ]);
              const portionError = problemAt(index, ['portionMissing', 'portionTooLong', 'portionCharacters', 'portionRepeated']);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: levels have no identity but their place; names are being typed
                <li key={index} className="scheme-level">
                  {can.names ? (
                    <input
                      type="text"
                      aria-label={t('markings.levelNameOf', { number })}
                      value={level.name}
                      aria-invalid={nameError !== undefined}
                      onChange={(event) => setLevel(index, { name: event.target.value })}
                    />
                  ) : (
                    <span className="scheme-level-name">{level.name}</span>
                  )}
                  {can.portions ? (
                    <input
                      type="text"
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
                        onClick={() => move(index, -1)}
                        aria-label={t('markings.moveUp', { number })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        disabled={index === scheme.levels.length - 1}
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
            <button type="button" onClick={() => setScheme({ ...scheme, levels: [...scheme.levels, { name: '', portion: '' }] })}>
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
            {t('markings.droppedLevels', { count: changes.dropped.length, levels: changes.dropped.map((name) => `“${name}”`).join(', ') })}
          </p>
        ) : null}
        {changes.lowered.map(({ level, below }) => (
          <p key={`${level}-${below}`} className="field-warning">
            {t('markings.loweredLevel', { level, below })}
          </p>
        ))}
        <div className="button-row">
          <button type="submit" className="primary">
            {t('markings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
