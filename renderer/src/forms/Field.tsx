import type { ReactNode } from 'react';

/** A labelled control with its message underneath, tied together for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  warning,
  inline = false,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** A value accepted but most likely a slip (a year 2203): said, not refused. */
  warning?: string | undefined;
  /** A checkbox sits before its label on one line. */
  inline?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const describedBy =
    [error ? `${id}-error` : null, warning ? `${id}-warning` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', inline ? 'field-inline' : ''].filter(Boolean).join(' ')}>
      {inline && children(describedBy)}
      <label htmlFor={id}>{label}</label>
      {!inline && children(describedBy)}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {warning && (
        <p id={`${id}-warning`} className="field-warning" role="status">
          {warning}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
