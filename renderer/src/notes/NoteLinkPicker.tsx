import { memo, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note, NoteLink } from '../../../shared/domain.ts';
import { call } from '../bridge/index.ts';
import { CountedMarking, useMarkedLabel } from '../markings/ScreenMarkings.tsx';
import { refusalMessage } from '../records/errors.ts';
import { summitLabels } from '../records/summitLabels.ts';
import { useQuery } from '../useQuery.ts';

type Linked = Pick<Note, 'summitId' | 'meetingId' | 'sectorId'>;

/** "summit-3", "sector-7" or "": the first choice of the picker. */
function scopeOf(note: Linked, meetingSummitId: number | null): string {
  if (note.summitId !== null) return `summit-${note.summitId}`;
  if (note.sectorId !== null) return `sector-${note.sectorId}`;
  if (note.meetingId !== null && meetingSummitId !== null) return `summit-${meetingSummitId}`;
  return '';
}

/**
 * Links a free-standing note to a summit (or one of its meetings) or a sector,
 * so a briefing pack can print it. Saved at once; the note's text is untouched.
 */
// Memoised on the note's id: the editor renders at every key and takes every autosave's answer, and the
// picker's hundreds of options need neither (it keeps its own copy of the link, set when it was opened).
export const NoteLinkPicker = memo(
  function NoteLinkPicker({ note, onLinked }: { note: Note; onLinked: (note: Note) => void }) {
    const { t } = useTranslation();
    const id = useId();
    // Its own copy of the link: an autosave answer that left before the link was saved must not show the old link again.
    const [linked, setLinked] = useState<Linked>({ summitId: note.summitId, meetingId: note.meetingId, sectorId: note.sectorId });
    const markedLabel = useMarkedLabel();
    const summits = useQuery('summit.list', {});
    // Summits of one title (the same summit, year after year) told apart by city and year.
    const summitTitles = summitLabels(summits.value ?? []);
    const programmes = useQuery('programme.list', {});
    const linkedMeeting = useQuery('meeting.brief', { id: linked.meetingId ?? 0 });
    const meetingSummitId = linked.meetingId !== null && linkedMeeting.status === 'ready' ? linkedMeeting.value.meeting.summitId : null;
    // What the desk chose last, shown at once while it is saved. A closed picker moved with the arrow keys changes at
    // every press: each choice is a save, and showing only saved links put an earlier choice back on screen when its
    // answer came late, so the next arrow moved on from there and saved a third (a note arrowed to its summit ended
    // linked to the sector after it). Choices are saved one after another, the last one winning.
    const [chosen, setChosen] = useState<{ scope: string; meetingId: number | null } | null>(null);
    const saving = useRef<{ next: NoteLink | undefined; running: boolean }>({ next: undefined, running: false });
    const scope = chosen?.scope ?? scopeOf(linked, meetingSummitId);
    const chosenSummit = scope.startsWith('summit-') ? Number(scope.slice('summit-'.length)) : null;
    const summitView = useQuery('summit.view', { id: chosenSummit ?? 0 });
    const [message, setMessage] = useState('');

    const saveChoices = async () => {
      const queue = saving.current;
      queue.running = true;
      while (queue.next !== undefined) {
        const next = queue.next;
        queue.next = undefined;
        try {
          const saved = await call('note.link', { id: note.id, link: next });
          setLinked({ summitId: saved.summitId, meetingId: saved.meetingId, sectorId: saved.sectorId });
          onLinked(saved);
          setMessage(t('notes.linkSaved'));
        } catch (error) {
          setMessage(t('notes.linkFailed', { reason: refusalMessage(t, error) }));
        }
      }
      queue.running = false;
      // Every choice answered: the pickers show the link as saved (the last choice, or what stands if it was refused).
      setChosen(null);
    };
    const link = (next: NoteLink, shown: { scope: string; meetingId: number | null }) => {
      setChosen(shown);
      saving.current.next = next;
      if (!saving.current.running) void saveChoices();
    };
    const chooseScope = (value: string) => {
      if (value === '') return link(null, { scope: value, meetingId: null });
      const [kind, rawId] = value.split('-');
      return link(kind === 'summit' ? { summitId: Number(rawId) } : { sectorId: Number(rawId) }, { scope: value, meetingId: null });
    };
    const chooseMeeting = (value: string, summitId: number) =>
      link(value ? { meetingId: Number(value) } : { summitId }, { scope: `summit-${summitId}`, meetingId: value ? Number(value) : null });

    // The records chosen are on screen by their titles: their markings count towards the window's banner, as a record
    // chosen in a form's picker does (a note left unmarked, linked to a CONFIDENTIAL bilateral, showed "UNMARKED").
    const shownSummit = (summits.value ?? []).find((summit) => summit.id === chosenSummit);
    const shownSector = (programmes.value ?? []).flatMap(({ sectors }) => sectors).find((sector) => sector.id === linked.sectorId);
    const shownMeeting = linked.meetingId !== null && linkedMeeting.status === 'ready' ? linkedMeeting.value.meeting : null;
    return (
      <div className="note-meta">
        {[shownSummit, shownSector, shownMeeting].map((record, index) =>
          // biome-ignore lint/suspicious/noArrayIndexKey: three fixed places (summit, sector, meeting), each at most once.
          record ? <CountedMarking key={index} classification={record.classification} /> : null,
        )}
        <label className="note-field" htmlFor={`${id}-scope`}>
          {t('notes.linkedTo')}
          <select id={`${id}-scope`} value={scope} aria-describedby={`${id}-hint`} onChange={(event) => chooseScope(event.target.value)}>
            <option value="">{t('notes.linkNothing')}</option>
            {(summits.value ?? []).map((summit) => (
              <option key={summit.id} value={`summit-${summit.id}`}>
                {t('notes.linkSummit', { title: markedLabel(summit.classification, summitTitles.get(summit.id) ?? summit.title) })}
              </option>
            ))}
            {(programmes.value ?? []).flatMap(({ programme, sectors }) =>
              sectors.map((sector) => (
                <option key={sector.id} value={`sector-${sector.id}`}>
                  {t('notes.linkSector', { title: markedLabel(sector.classification, `${programme.code}: ${sector.name}`) })}
                </option>
              )),
            )}
          </select>
        </label>
        {chosenSummit !== null && (
          <label className="note-field" htmlFor={`${id}-meeting`}>
            {t('notes.linkMeeting')}
            <select
              id={`${id}-meeting`}
              value={(chosen ? chosen.meetingId : linked.meetingId) ?? ''}
              onChange={(event) => chooseMeeting(event.target.value, chosenSummit)}
            >
              <option value="">{t('notes.linkSummitItself')}</option>
              {(summitView.status === 'ready' ? summitView.value.meetings : []).map((meeting) => (
                <option key={meeting.id} value={meeting.id}>
                  {markedLabel(meeting.classification, meeting.title)}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="field-hint" id={`${id}-hint`}>
          {t('notes.linkHint')} <span role="status">{message}</span>
        </p>
      </div>
    );
  },
  (before, after) => before.note.id === after.note.id && before.onLinked === after.onLinked,
);
