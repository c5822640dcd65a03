import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError, call } from '../bridge/index.ts';
import { Field } from '../forms/Field.tsx';

/**
 * Settings: a new recovery key after the passphrase. Sherpa never kept the old
 * key (only a wrapping by it), so it cannot show it again; the new one retires
 * it, and the user is told so plainly and asked to confirm before it happens.
 */
export function NewRecoveryKey() {
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [newKey, setNewKey] = useState<string | null>(null);

  const make = () =>
    void call('session.newRecoveryKey', { passphrase }).then(
      (made) => {
        setError(undefined);
        setPassphrase('');
        setConfirming(false);
        setNewKey(made.recoveryKey);
      },
      (failure: unknown) => {
        setConfirming(false);
        setError(
          failure instanceof BridgeError && failure.code === 'wrong_secret'
            ? t('session.errors.wrongPassphrase')
            : (failure as Error).message,
        );
      },
    );

  return (
    <>
      <h3>{t('session.settings.newKeyTitle')}</h3>
      <p>{t('session.settings.newKeyIntro')}</p>
      <form
        className="entity-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (passphrase === '') {
            setError(t('session.errors.requiredPassphrase'));
            return;
          }
          setError(undefined);
          setNewKey(null);
          setConfirming(true);
        }}
      >
        <Field id={`${id}-passphrase`} label={t('session.passphrase')} error={error}>
          {(describedBy) => (
            <input
              id={`${id}-passphrase`}
              type="password"
              autoComplete="current-password"
              value={passphrase}
              aria-invalid={error !== undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setPassphrase(event.target.value);
                setConfirming(false);
              }}
            />
          )}
        </Field>
        {!confirming && <button type="submit">{t('session.settings.newKey')}</button>}
      </form>
      {confirming && (
        <div role="alertdialog" aria-labelledby={`${id}-warning`}>
          <p id={`${id}-warning`}>
            <strong>{t('session.settings.newKeyWarning')}</strong>
          </p>
          <div className="inline-controls">
            <button type="button" onClick={make}>
              {t('session.settings.newKeyConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {newKey && (
        <>
          <p>{t('session.recoveryKeyIntro')}</p>
          <p className="recovery-key" data-testid="new-recovery-key">
            {newKey}
          </p>
        </>
      )}
    </>
  );
}
