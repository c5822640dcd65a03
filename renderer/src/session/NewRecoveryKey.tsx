import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/index.ts';
import { PassphraseForm, passphraseRefusal } from './PassphraseForm.tsx';

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
        setError(passphraseRefusal(failure, t));
      },
    );

  return (
    <>
      <h3>{t('session.settings.newKeyTitle')}</h3>
      <p>{t('session.settings.newKeyIntro')}</p>
      <PassphraseForm
        passphrase={passphrase}
        onPassphrase={(typed) => {
          setPassphrase(typed);
          setConfirming(false);
        }}
        error={error}
        onError={setError}
        onSubmit={() => {
          setError(undefined);
          setNewKey(null);
          setConfirming(true);
        }}
      >
        {!confirming && <button type="submit">{t('session.settings.newKey')}</button>}
      </PassphraseForm>
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
