import { useTranslation } from 'react-i18next';
import type { PackOtherSummitNote } from '../../../shared/contract.ts';
import type { PackSection } from '../../../shared/domain.ts';
import { StoredText } from '../components/StoredText.tsx';

type NotesSection = Extract<PackSection, { kind: 'notes' }>;

/**
 * The notes of the pack's sectors written for another of the desk's summits:
 * a sector every summit works in holds each summit's notes, so these start out
 * of the pack, struck through and named with the summit they were written for,
 * and print only when the officer clears the box (as sector entries dated
 * during another summit do).
 */
export function OtherSummitNotes({
  section,
  notes,
  change,
}: {
  section: NotesSection;
  notes: readonly PackOtherSummitNote[];
  change: (next: NotesSection) => void;
}) {
  const { t } = useTranslation();
  if (notes.length === 0) return null;
  const kept = new Set(section.keptNoteIds ?? []);
  const setOut = (noteId: number, leaveOut: boolean) => {
    const next = leaveOut ? [...kept].filter((keptId) => keptId !== noteId) : [...kept, noteId];
    const { keptNoteIds: _kept, ...rest } = section;
    change(next.length > 0 ? { ...rest, keptNoteIds: next } : rest);
  };
  return (
    <div style={{ display: 'grid', gap: '0.3rem' }}>
      <span className="muted">{t('packs.otherSummitNotesHint')}</span>
      <ul className="cards" aria-label={t('packs.otherSummitNotes')}>
        {notes.map((note) => {
          const out = !kept.has(note.id);
          return (
            <li key={note.id}>
              <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'baseline' }}>
                <input
                  type="checkbox"
                  checked={out}
                  aria-label={`${t('packs.takeOutNote')}: ${note.title}`}
                  onChange={(event) => setOut(note.id, event.target.checked)}
                />
                <span>
                  <span style={out ? { textDecoration: 'line-through' } : undefined}>
                    {note.mark} <StoredText text={note.title} />
                  </span>
                  <span className="muted">
                    {' · '}
                    {/* The title sits in its own isolate: a right-to-left title cannot reorder the words around it. */}
                    {t('packs.noteForOtherSummit', { date: note.writtenOn, summit: `\u2068${note.otherSummit}\u2069` })}
                  </span>
                  {out && <span className="muted"> · {t('packs.leftOut')}</span>}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
