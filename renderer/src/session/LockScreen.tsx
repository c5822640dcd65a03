import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/contract.ts';
import { enteredPassphraseProblem, hasSpacesRound, newPassphraseProblem, sameTypedPassphrase } from '../../../shared/passphrase.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { Field } from '../forms/Field.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { passphraseProblemText } from './passphraseProblemText.ts';
import './session.css';
import { refusalText } from '../refusals/refusalText.ts';

type Mode = 'unlock' | 'recover' | 'setup';
type Errors = Partial<Record<'passphrase' | 'confirm' | 'recoveryKey' | 'form', string>>;

/** The store's refusal in the user's language, at the field it is about. */
function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown, fallbackField: keyof Errors = 'form'): Errors => {
    if (!(error instanceof BridgeError)) return { form: refusalText(t, error) };
    if (error.code === 'wrong_secret') {
      return error.field === 'recoveryKey'
        ? { recoveryKey: t('session.errors.wrongRecoveryKey') }
        : { passphrase: t('session.errors.wrongPassphrase') };
    }
    if (error.code === 'key_file_damaged') return { form: t('session.errors.keyFileDamaged') };
    if (error.code === 'invalid_request' && (error.field === 'passphrase' || error.field === 'newPassphrase')) {
      return { passphrase: t('session.errors.tooShort') };
    }
    return { [fallbackField]: refusalText(t, error) };
  };
}

/**
 * What Sherpa shows while locked: set a passphrase on first run, unlock, or
 * open with the recovery key; then, once, the recovery key and any plaintext
 * copies left from before encryption.
 */
export function LockScreen({ status, onOpen }: { status: SessionStatus; onOpen: (status: SessionStatus) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<Mode>(status.keysSet ? 'unlock' : 'setup');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const [leftovers, setLeftovers] = useState<string[]>([]);
  const [failed, setFailed] = useState<string[]>([]);
  const errorText = useErrorText();

  const needsNew = mode !== 'unlock';
  const check = (): Errors => {
    const found: Errors = {};
    if (mode === 'recover' && recoveryKey.trim() === '') found.recoveryKey = t('session.errors.requiredRecoveryKey');
    const problem = needsNew ? newPassphraseProblem(passphrase) : enteredPassphraseProblem(passphrase);
    if (problem) found.passphrase = passphraseProblemText(problem, t);
    else if (needsNew && !sameTypedPassphrase(confirm, passphrase)) found.confirm = t('session.errors.mismatch');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (mode === 'setup') {
        const setUp = await call('session.setup', { passphrase });
        setShownKey(setUp.recoveryKey);
        setLeftovers(setUp.plaintextLeftovers);
      } else {
        const status =
          mode === 'recover'
            ? await call('session.recover', { recoveryKey, newPassphrase: passphrase })
            : await call('session.unlock', { passphrase });
        // Leftovers the user has not decided on yet (Sherpa closed before they chose) are asked about again.
        if (status.plaintextLeftovers.length > 0) setLeftovers(status.plaintextLeftovers);
        else await onOpen(status);
      }
    } catch (error) {
      setErrors(errorText(error, mode === 'recover' ? 'recoveryKey' : 'passphrase'));
    } finally {
      setPassphrase('');
      setConfirm('');
      setBusy(false);
    }
  };

  const settle = async (action: 'encrypt' | 'remove') => {
    setBusy(true);
    try {
      const result = await call('session.settleLeftovers', { action });
      setFailed(result.failed);
      setLeftovers(result.failed);
      if (result.failed.length === 0) await onOpen(await call('session.status', {}));
    } catch (error) {
      setErrors(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  if (shownKey) {
    return (
      <main className="lock-screen" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('session.recoveryKeyTitle')}</h1>
        <p>{t('session.recoveryKeyIntro')}</p>
        <p className="recovery-key" data-testid="recovery-key">
          {shownKey}
        </p>
        <button
          type="button"
          className="primary"
          onClick={async () => {
            setShownKey(null);
            if (leftovers.length === 0) await onOpen(await call('session.status', {}));
          }}
        >
          {t('session.recoveryKeyDone')}
        </button>
      </main>
    );
  }

  if (leftovers.length > 0) {
    return (
      <main className="lock-screen" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('session.leftoversTitle')}</h1>
        <p>{t('session.leftoversIntro')}</p>
        <ul className="leftovers">
          {leftovers.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ul>
        {failed.length > 0 && (
          <p role="alert" className="error">
            {t('session.leftoversFailed', { files: failed.join(', ') })}
          </p>
        )}
        <div className="inline-controls">
          <button type="button" className="primary" disabled={busy} onClick={() => void settle('encrypt')}>
            {t('session.encryptLeftovers')}
          </button>
          <button type="button" disabled={busy} onClick={() => void settle('remove')}>
            {t('session.removeLeftovers')}
          </button>
        </div>
      </main>
    );
  }

  const title = mode === 'setup' ? t('session.setupTitle') : mode === 'recover' ? t('session.recoverTitle') : t('session.lockedTitle');
  const intro = mode === 'setup' ? t('session.setupIntro') : mode === 'recover' ? t('session.recoverIntro') : t('session.unlockIntro');
  return (
    <main className="lock-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{title}</h1>
      <p>{intro}</p>
      <form className="entity-form" noValidate onSubmit={(event) => void submit(event)} aria-label={title}>
        {mode === 'recover' && (
          <Field id={`${id}-recovery`} label={t('session.recoveryKey')} error={errors.recoveryKey}>
            {(describedBy) => (
              <input
                id={`${id}-recovery`}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={recoveryKey}
                aria-invalid={errors.recoveryKey !== undefined}
                aria-describedby={describedBy}
                onChange={(event) => setRecoveryKey(event.target.value)}
              />
            )}
          </Field>
        )}
        <PasswordField
          id={`${id}-passphrase`}
          label={needsNew ? t('session.newPassphrase') : t('session.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete={needsNew ? 'new-password' : 'current-password'}
          hint={needsNew && hasSpacesRound(passphrase) ? t('session.spacesRoundKept') : undefined}
          error={errors.passphrase}
          invalid={errors.passphrase !== undefined}
          autoFocus
        />
        {needsNew && (
          <PasswordField
            id={`${id}-confirm`}
            label={t('session.confirmPassphrase')}
            value={confirm}
            onChange={setConfirm}
            autoComplete="new-password"
            error={errors.confirm}
            invalid={errors.confirm !== undefined}
          />
        )}
        {errors.form && (
          <p role="alert" className="error">
            {errors.form}
          </p>
        )}
        <div className="inline-controls">
          <button type="submit" className="primary" disabled={busy}>
            {busy
              ? mode === 'setup'
                ? t('session.settingUp')
                : t('session.unlocking')
              : mode === 'setup'
                ? t('session.setUp')
                : mode === 'recover'
                  ? t('session.recover')
                  : t('session.unlock')}
          </button>
          {mode !== 'setup' && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setErrors({});
                setMode(mode === 'unlock' ? 'recover' : 'unlock');
              }}
            >
              {mode === 'unlock' ? t('session.forgot') : t('session.backToUnlock')}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
