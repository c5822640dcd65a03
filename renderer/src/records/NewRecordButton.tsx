import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../components/useModalDialog.ts';
import { EntityForm } from '../forms/EntityForm.tsx';
import { formSpecs } from '../forms/specs.ts';
import type { FormEntity } from '../router.ts';
import { useSettings } from '../settings/SettingsContext.tsx';

/**
 * "New country…" beside a picker: the record's own form in a modal dialog
 * over the form being filled in, which keeps everything typed so far; the
 * new record is chosen in the picker when the dialog closes.
 */
export function NewRecordButton({
  entity,
  fieldLabel,
  onCreated,
}: {
  entity: FormEntity;
  fieldLabel: string;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const kind = t(`forms.entities.${entity}`);
  return (
    <>
      <button
        type="button"
        className="small"
        aria-label={t('records.newInlineLabel', { entity: kind, field: fieldLabel })}
        onClick={() => setOpen(true)}
      >
        {t('records.newInline', { entity: kind })}
      </button>
      {open &&
        createPortal(
          <NewRecordDialog
            entity={entity}
            onClose={(id) => {
              setOpen(false);
              if (id !== undefined) onCreated(id);
            }}
          />,
          document.body,
        )}
    </>
  );
}

function NewRecordDialog({ entity, onClose }: { entity: FormEntity; onClose: (id?: number) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { homeTimeZone } = useSettings();
  const headingId = useId();
  useModalDialog(dialog);
  const initial = formSpecs[entity].blank();
  if (entity === 'summit') initial.timeZone = homeTimeZone;
  return (
    <dialog
      ref={dialog}
      className="record-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <EntityForm
        entity={entity}
        initial={initial}
        headingId={headingId}
        onSaved={(saved) => onClose(Number(saved.id))}
        onCancel={() => onClose()}
      />
    </dialog>
  );
}
