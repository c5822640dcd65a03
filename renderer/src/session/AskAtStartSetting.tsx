import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/contract.ts';
import { call } from '../bridge/index.ts';
import { Field } from '../forms/Field.tsx';
import { refusalText } from '../refusals/refusalText.ts';
import { PassphraseForm, passphraseRefusal } from './PassphraseForm.tsx';

/**
 * Settings: ask for the passphrase at every start, even where this computer's
 * keychain could open Sherpa. Turning it on needs nothing (it only takes a way
 * in away); turning it off puts the key back in the keychain, so it needs the passphrase.
 */
export function AskAtStartSetting() {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [stopping, setStopping] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [told, setTold] = useState<string | null>(null);

  useEffect(() => {
    void call('session.status', {}).then(setStatus, () => undefined);
  }, []);
  if (!status) return null;

  // Where the keychain protects nothing (Linux basic_text, the web target) the passphrase is always asked: nothing to choose.
  const always = !status.keychainProtects;
  const asking = always || status.askAtStart;

  const startAsking = () =>
    void call('session.askAtStart', { ask: true }).then(
      (next) => {
        setStatus(next);
        setTold(t('session.settings.askAtStartOn'));
      },
      (failure: Error) => setError(refusalText(t, failure)),
    );

  const stopAsking = () =>
    void call('session.askAtStart', { ask: false, passphrase }).then(
      (next) => {
        setStatus(next);
        setStopping(false);
        setPassphrase('');
        setError(undefined);
        setTold(t('session.settings.askAtStartOff'));
      },
      (failure: unknown) => setError(passphraseRefusal(failure, t)),
    );

  return (
    <>
      <h3>{t('session.settings.startTitle')}</h3>
      <Field
        id={`${id}-ask`}
        inline
        label={t('session.settings.askAtStart')}
        hint={always ? t('session.settings.askAtStartAlways') : t('session.settings.askAtStartHint')}
        error={stopping ? undefined : error}
      >
        {(describedBy) => (
          <input
            id={`${id}-ask`}
            type="checkbox"
            checked={asking}
            disabled={always}
            aria-describedby={describedBy}
            onChange={(event) => {
              setTold(null);
              setError(undefined);
              if (event.target.checked) startAsking();
              else setStopping(true);
            }}
          />
        )}
      </Field>
      {stopping && (
        <PassphraseForm
          passphrase={passphrase}
          onPassphrase={setPassphrase}
          error={error}
          onError={setError}
          onSubmit={stopAsking}
          intro={<p>{t('session.settings.askAtStartOffIntro')}</p>}
        >
          <div className="inline-controls">
            <button type="submit">{t('session.settings.askAtStartStop')}</button>
            <button
              type="button"
              onClick={() => {
                setStopping(false);
                setPassphrase('');
                setError(undefined);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </PassphraseForm>
      )}
      {told && <p role="status">{told}</p>}
    </>
  );
}
