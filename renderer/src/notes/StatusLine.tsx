import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './saveQueue.ts';

export function statusText(status: SaveStatus, t: TFunction): string {
  switch (status.state) {
    case 'saved':
      return t('notes.saved');
    case 'saving':
      return t('notes.saving');
    case 'failed':
      return t('notes.notSaved', { reason: status.reason });
    case 'conflict':
      return t('notes.notSavedConflict');
  }
}

/** Always says whether the text on screen is in the store. */
export function StatusLine({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`note-status note-status-${status.state}`} data-save-state={status.state}>
      {statusText(status, t)}
    </p>
  );
}
