import type { SaveStatus } from './saveQueue.ts';

export function statusText(status: SaveStatus): string {
  switch (status.state) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${status.reason}`;
    case 'conflict':
      return 'Not saved: this note was changed elsewhere. Choose the text to keep below.';
  }
}

/** Always says whether the text on screen is in the store. */
export function StatusLine({ status }: { status: SaveStatus }) {
  return (
    <p role="status" className={`note-status note-status-${status.state}`} data-save-state={status.state}>
      {statusText(status)}
    </p>
  );
}
