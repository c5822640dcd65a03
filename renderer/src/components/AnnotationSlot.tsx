import { useTranslation } from 'react-i18next';
import type { Note } from '../../../db/types.ts';
import { AnnotationPanel } from '../notes/AnnotationPanel.tsx';

export type AnnotationTarget = { meetingId: number } | { sectorEntryId: number };

/**
 * Where a meeting's or a sector entry's annotations appear: the notes area's
 * panel lists, adds, edits (with autosave) and trashes them here.
 */
export function AnnotationSlot({ target }: { target: AnnotationTarget; annotations?: readonly Note[] }) {
  const { t } = useTranslation();
  const headingId = 'meetingId' in target ? `annotations-meeting-${target.meetingId}` : `annotations-entry-${target.sectorEntryId}`;
  return (
    <section aria-labelledby={headingId} className="annotation-slot" data-annotation-target={JSON.stringify(target)}>
      <h2 id={headingId}>{t('meeting.annotations')}</h2>
      <AnnotationPanel {...target} embedded />
    </section>
  );
}
