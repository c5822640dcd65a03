// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { PassphraseForm, passphraseRefusal } from './PassphraseForm.tsx';

afterEach(async () => {
  cleanup();
  await act(() => i18n.changeLanguage('en'));
});

function Asking({ onSubmit }: { onSubmit: (passphrase: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <PassphraseForm
      passphrase={passphrase}
      onPassphrase={setPassphrase}
      error={error}
      onError={setError}
      onSubmit={() => onSubmit(passphrase)}
    >
      <button type="submit">Go on</button>
    </PassphraseForm>
  );
}

describe('asking for the passphrase again before a change', () => {
  it('refuses an empty passphrase at the field and goes on only with one typed', () => {
    const submitted = vi.fn();
    render(<Asking onSubmit={submitted} />);
    fireEvent.click(screen.getByRole('button', { name: 'Go on' }));
    expect(screen.getByLabelText('Passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a passphrase.')).toBeTruthy();
    expect(submitted).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Go on' }));
    expect(submitted).toHaveBeenCalledWith('correct horse');
  });

  it('says a wrong passphrase in the user’s language, never the store’s words', async () => {
    await act(() => i18n.changeLanguage('ko'));
    const wrong = new BridgeError({ code: 'wrong_secret', message: 'wrong passphrase' });
    expect(passphraseRefusal(wrong, i18n.t)).toBe(i18n.t('session.errors.wrongPassphrase'));
    expect(passphraseRefusal(wrong, i18n.t)).not.toMatch(/[a-z]/);
  });
});
