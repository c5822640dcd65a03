import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/domain.ts';
import { AnnotationPanel } from '../notes/AnnotationPanel.tsx';

export type AnnotationTarget = { meetingId: number } | { sectorEntryId: number };

/**
 * Where a meeting's or a sector entry's annotations appear: the notes area's
 * panel lists, adds, edits (with autosave) and trashes them here.
 */
export function AnnotationSlot({ target, annotations }: { target: AnnotationTarget; annotations?: readonly Note[] }) {
  const { t } = useTranslation();
  const Heading = 'meetingId' in target ? 'h2' : 'h4';
  const headingId = 'meetingId' in target ? `annotations-meeting-${target.meetingId}` : `annotations-entry-${target.sectorEntryId}`;
  return (
    <section aria-labelledby={headingId} className="annotation-slot" data-annotation-target={JSON.stringify(target)}>
      {/* A meeting's annotations are a section of the brief; an entry's sit under the entry's own h3. */}
      <Heading id={headingId}>{t('meeting.annotations')}</Heading>
      <AnnotationPanel {...target} embedded {...(annotations ? { annotations } : {})} />
    </section>
  );
}
