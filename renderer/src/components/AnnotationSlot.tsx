import { useTranslation } from 'react-i18next';
import type { Note } from '../../../db/types.ts';

export type AnnotationTarget = { meetingId: number } | { sectorEntryId: number };

/**
 * Where a meeting's or a sector entry's annotations appear. The notes area
 * (renderer/src/notes) owns writing and editing them and plugs its panel in
 * here; until then this lists the annotations the view already has, read-only.
 */
export function AnnotationSlot({ target, annotations }: { target: AnnotationTarget; annotations?: readonly Note[] }) {
  const { t } = useTranslation();
  const headingId = 'meetingId' in target ? `annotations-meeting-${target.meetingId}` : `annotations-entry-${target.sectorEntryId}`;
  if (!annotations) return null;
  return (
    <section aria-labelledby={headingId} className="annotation-slot" data-annotation-target={JSON.stringify(target)}>
      <h2 id={headingId}>{t('meeting.annotations')}</h2>
      {annotations.length === 0 ? null : (
        <ul className="cards">
          {annotations.map((note) => (
            <li key={note.id}>
              <a href={`#/notes/${note.id}`}>{note.title || note.body.slice(0, 80)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
