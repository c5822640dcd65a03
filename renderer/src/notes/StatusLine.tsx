import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalMessage } from '../records/errors.ts';
import { DraftJournalFull, NoteTextHasDirectionOverride, NoteTextTooLong, type SaveStatus } from './saveQueue.ts';

/** A note's fields by their labels on screen, so a refusal names the field the user sees. */
export type NoteFieldLabel = (field: string) => string | undefined;

export function statusText(status: SaveStatus, t: TFunction, fieldLabel: NoteFieldLabel = () => undefined): string {
  switch (status.state) {
    case 'saved':
      return t('notes.saved');
    case 'saving':
      return t('notes.saving');
    case 'failed': {
      const { error } = status;
      if (error instanceof DraftJournalFull) return t('notes.draftJournalFull');
      if (error instanceof NoteTextTooLong)
        return t('notes.notSaved', {
          reason: t(error.field === 'title' ? 'notes.titleTooLong' : 'notes.textTooLong', {
            field: fieldLabel(error.field) ?? (error.field === 'title' ? t('notes.noteTitle') : t('notes.noteText')),
            length: error.length.toLocaleString('en'),
            limit: error.limit.toLocaleString('en'),
          }),
        });
      if (error instanceof NoteTextHasDirectionOverride)
        return t('notes.notSaved', { reason: t('notes.directionOverride', { field: fieldLabel('body') ?? t('notes.noteText') }) });
      // The store's own text ("body: must not contain control characters") is English and technical: never shown.
      const field = error instanceof Error && 'field' in error && typeof error.field === 'string' ? fieldLabel(error.field) : undefined;
      return t('notes.notSaved', { reason: refusalMessage(t, error, field) });
    }
    case 'conflict':
      return status.recovered ? t('notes.notSavedRecovered') : t('notes.notSavedConflict');
  }
}

/** Saying the same as before: every key sets "saving" again, and the line need not be translated again. */
export const sameLine = (before: SaveStatus, after: SaveStatus) =>
  before === after ||
  (before.state === after.state &&
    (before.state !== 'failed' || before.error === (after as typeof before).error) &&
    before.state !== 'conflict');

/** Always says whether the text on screen is in the store. */
export const StatusLine = memo(
  function StatusLine({ status, fieldLabel }: { status: SaveStatus; fieldLabel?: NoteFieldLabel }) {
    const { t } = useTranslation();
    return (
      <p role="status" className={`note-status note-status-${status.state}`} data-save-state={status.state}>
        {statusText(status, t, fieldLabel)}
      </p>
    );
  },
  (before, after) => before.fieldLabel === after.fieldLabel && sameLine(before.status, after.status),
);
