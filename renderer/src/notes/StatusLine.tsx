import type { TFunction } from 'i18next';
import { memo } from 'react';
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

/** Saying the same as before: every key sets "saving" again, and the line need not be translated again. */
const sameLine = (before: SaveStatus, after: SaveStatus) =>
  before === after ||
  (before.state === after.state &&
    (before.state !== 'failed' || before.reason === (after as typeof before).reason) &&
    before.state !== 'conflict');

/** Always says whether the text on screen is in the store. */
export const StatusLine = memo(
  function StatusLine({ status }: { status: SaveStatus }) {
    const { t } = useTranslation();
    return (
      <p role="status" className={`note-status note-status-${status.state}`} data-save-state={status.state}>
        {statusText(status, t)}
      </p>
    );
  },
  (before, after) => sameLine(before.status, after.status),
);
