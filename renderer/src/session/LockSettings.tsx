import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enteredPassphraseProblem, hasSpacesRound, newPassphraseProblem } from '../../../shared/passphrase.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { useToast } from '../components/Undo.tsx';
import { droppedDigitsAfter } from '../forms/droppedDigits.ts';
import { Field } from '../forms/Field.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { asWholeNumber, droppedDigitsOptions } from '../forms/validate.ts';
import { refusalText } from '../refusals/refusalText.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { AskAtStartSetting } from './AskAtStartSetting.tsx';
import { NewRecoveryKey } from './NewRecoveryKey.tsx';
import { passphraseProblemText } from './passphraseProblemText.ts';
import { useCanLock } from './SessionGate.tsx';

/**
 * Settings: idle minutes before locking, a new passphrase, asking for it at every start, a new recovery key.
 * None over a store kept unencrypted (the web harness): it has no passphrase to change.
 */
export function LockSettings() {
  return useCanLock() ? <LockSettingsForm /> : null;
}

function LockSettingsForm() {
  const { t } = useTranslation();
  const id = useId();
  const toast = useToast();
  const settings = useSettings();
  const [minutes, setMinutes] = useState(String(settings.autoLockMinutes));
  const [minutesError, setMinutesError] = useState<string | undefined>();
  // Digits from a Persian or Arabic keyboard the number control dropped without a sign (forms/droppedDigits.ts):
  // Save would have kept the minutes it held before and said "Settings saved".
  const [dropped, setDropped] = useState<ReadonlyMap<string, string>>(new Map());
  const lastKey = useRef<string | null>(null);
  const note = (typed: string | null) => setDropped((current) => droppedDigitsAfter(current, 'minutes', typed ?? ''));
  const droppedMinutes = dropped.get('minutes');
  const minutesProblem = droppedMinutes ? t('forms.digitsOfAnotherScript', droppedDigitsOptions(droppedMinutes)) : minutesError;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changeError, setChangeError] = useState<Partial<Record<'current' | 'next', string>>>({});

  const saveMinutes = async () => {
    if (droppedMinutes) return;
    const value = asWholeNumber(minutes);
    if (!Number.isInteger(value) || value < 1 || value > 480) {
      setMinutesError(t('forms.outOfRange', { min: 1, max: 480 }));
      return;
    }
    setMinutesError(undefined);
    await call('settings.update', { autoLockMinutes: value }).then(
      () => toast({ message: (t) => t('settings.saved') }),
      (error: Error) => setMinutesError(refusalText(t, error)),
    );
  };

  const wrong = (error: unknown) =>
    error instanceof BridgeError && error.code === 'wrong_secret' ? t('session.errors.wrongPassphrase') : refusalText(t, error);

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('session.settings.title')}</h2>
      <Field id={`${id}-minutes`} label={t('session.settings.autoLock')} hint={t('session.settings.autoLockHint')} error={minutesProblem}>
        {(describedBy) => (
          <div className="inline-controls">
            <input
              id={`${id}-minutes`}
              type="number"
              min={1}
              max={480}
              value={minutes}
              aria-invalid={minutesProblem !== undefined}
              aria-describedby={describedBy}
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
                // The control took the key after all (it reads full-width ３０ as 30): nothing was dropped.
                setDropped((current) => (current.has('minutes') ? new Map() : current));
                setMinutes(event.target.value);
              }}
            />
            <button type="button" onClick={() => void saveMinutes()}>
              {t('common.save')}
            </button>
          </div>
        )}
      </Field>

      <h3>{t('session.settings.changeTitle')}</h3>
      <form
        className="entity-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const currentProblem = enteredPassphraseProblem(current);
          const nextProblem = newPassphraseProblem(next);
          if (currentProblem || nextProblem) {
            setChangeError({
              current: currentProblem ? passphraseProblemText(currentProblem, t) : undefined,
              next: nextProblem ? passphraseProblemText(nextProblem, t) : undefined,
            });
            return;
          }
          void call('session.changePassphrase', { passphrase: current, newPassphrase: next }).then(
            () => {
              setChangeError({});
              setCurrent('');
              setNext('');
              toast({ message: (t) => t('session.settings.changed') });
            },
            (error: unknown) => setChangeError({ current: wrong(error) }),
          );
        }}
      >
        <PasswordField
          id={`${id}-current`}
          label={t('session.settings.current')}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={changeError.current}
        />
        <PasswordField
          id={`${id}-next`}
          label={t('session.newPassphrase')}
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          hint={hasSpacesRound(next) ? t('session.spacesRoundKept') : undefined}
          error={changeError.next}
        />
        <button type="submit">{t('session.settings.change')}</button>
      </form>

      <AskAtStartSetting />
      <NewRecoveryKey />
    </section>
  );
}
