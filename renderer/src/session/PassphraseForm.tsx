import type { TFunction } from 'i18next';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../bridge/index.ts';
import { PasswordField } from '../forms/PasswordField.tsx';
import { refusalText } from '../refusals/refusalText.ts';

/** The store's refusal of a passphrase, in the user's language; anything else by its reason. */
export function passphraseRefusal(failure: unknown, t: TFunction): string {
  return failure instanceof BridgeError && failure.code === 'wrong_secret' ? t('session.errors.wrongPassphrase') : refusalText(t, failure);
}

/**
 * The current passphrase, asked again before a change that needs it (a new
 * recovery key, no longer asking at start). An empty one is refused at the
 * field; `onSubmit` is called only with one typed.
 */
export function PassphraseForm({
  passphrase,
  onPassphrase,
  error,
  onError,
  onSubmit,
  intro,
  children,
}: {
  passphrase: string;
  onPassphrase: (passphrase: string) => void;
  error: string | undefined;
  onError: (error: string) => void;
  onSubmit: () => void;
  intro?: ReactNode;
  /** The form's buttons. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <form
      className="entity-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (passphrase === '') onError(t('session.errors.requiredPassphrase'));
        else onSubmit();
      }}
    >
      {intro}
      <PasswordField
        id={`${id}-passphrase`}
        label={t('session.passphrase')}
        autoComplete="current-password"
        value={passphrase}
        onChange={onPassphrase}
        error={error}
        invalid={error !== undefined}
      />
      {children}
    </form>
  );
}
