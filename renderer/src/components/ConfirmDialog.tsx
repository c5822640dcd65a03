import { type ReactNode, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './useModalDialog.ts';

/**
 * Asks before something destructive. A native modal <dialog>: it traps focus,
 * closes on Escape, and gives focus back to the button that opened it.
 */
export function ConfirmDialog({
  title,
  body,
  details,
  confirmLabel,
  confirmDisabled = false,
  onConfirm,
  alternative,
  onCancel,
}: {
  title: string;
  body: string;
  /** More than a sentence: what refers to the record being deleted. */
  details?: ReactNode | undefined;
  confirmLabel: string;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  /** A second, milder way through (e.g. delete only the record, leaving what refers to it). */
  alternative?: { label: string; onClick: () => void } | undefined;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  // The safe choice has focus, so Enter alone never deletes.
  useModalDialog(dialog, cancelButton);
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>
        <p>{body}</p>
        {details}
      </div>
      <div className="button-row">
        <button type="button" ref={cancelButton} onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {alternative && (
          <button type="button" onClick={alternative.onClick}>
            {alternative.label}
          </button>
        )}
        <button type="button" className="danger" disabled={confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
