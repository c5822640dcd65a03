// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PasswordField } from './PasswordField.tsx';

afterEach(cleanup);

function Typed({ error, invalid }: { error?: string; invalid?: boolean }) {
  const [value, setValue] = useState('');
  return (
    <>
      <PasswordField
        id="p"
        label="Passphrase"
        hint="At least 12 characters"
        autoComplete="new-password"
        value={value}
        onChange={setValue}
        error={error}
        invalid={invalid}
      />
      <output>{value}</output>
    </>
  );
}

describe('a passphrase box', () => {
  it('hides what is typed, hands it on, and reads its hint and error with it', () => {
    render(<Typed error="Too short." invalid />);
    const box = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(box.type).toBe('password');
    expect(box.autocomplete).toBe('new-password');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (box.getAttribute('aria-describedby') ?? '').split(' ').map((each) => document.getElementById(each)?.textContent);
    expect(describedBy).toEqual(['Too short.', 'At least 12 characters']);
    fireEvent.change(box, { target: { value: 'correct horse battery' } });
    expect(screen.getByText('correct horse battery').tagName).toBe('OUTPUT');
  });

  it('says nothing of validity where the form does not', () => {
    render(<Typed />);
    expect(screen.getByLabelText('Passphrase').hasAttribute('aria-invalid')).toBe(false);
  });
});
