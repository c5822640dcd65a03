import { Field } from './Field.tsx';

/**
 * A passphrase or password box in its labelled field: what is typed stays
 * hidden, and the browser is told whether it is a saved secret, a new one, or
 * one to forget (a bundle's passphrase is never offered for saving).
 */
export function PasswordField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  hint,
  error,
  invalid,
  autoFocus = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password' | 'off';
  hint?: string | undefined;
  error?: string | undefined;
  /** Said to screen readers as `aria-invalid`; left out where the form does not say it. */
  invalid?: boolean | undefined;
  /** Only where the screen has this one thing to do (the lock screen). */
  autoFocus?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          type="password"
          autoComplete={autoComplete}
          // biome-ignore lint/a11y/noAutofocus: asked for only by a screen whose one task is this field
          autoFocus={autoFocus}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
