import { useTranslation } from 'react-i18next';
import type { MeetingSummary, ProgrammeView } from '../../../shared/contract.ts';
import type { MeetingForm, PackSection } from '../../../shared/domain.ts';
import { StoredText } from '../components/StoredText.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';

/** The things a pack can hold, each with its add buttons; what is already in shows as added. */
export function SectionPicker({
  summitMeetings,
  programmes,
  has,
  meetingForm,
  add,
}: {
  summitMeetings: MeetingSummary[] | null;
  programmes: ProgrammeView[];
  has: (key: string) => boolean;
  /** The form a meeting is in the pack as, null when it is not in. */
  meetingForm: (meetingId: number) => MeetingForm | null;
  add: (section: PackSection) => void;
}) {
  const { t } = useTranslation();
  const inSentence = (form: MeetingForm) => t(form === 'full' ? 'packs.fullInSentence' : 'packs.pocketInSentence');
  // A meeting prints once (its notes print with a full brief, or under Notes beside a pocket card): the form already in
  // is shown as added, and the other button says it replaces that form, where "Add" let a desk believe it printed both.
  const meetingButton = (meeting: MeetingSummary, form: MeetingForm, inPack: MeetingForm | null) => (
    <button
      type="button"
      className="small"
      disabled={inPack === form}
      onClick={() => add({ kind: 'meeting', meetingId: meeting.id, form })}
    >
      {inPack !== null && inPack !== form
        ? t('packs.changeMeeting', { form: inSentence(form), title: meeting.title })
        : t('packs.addMeeting', { form: t(form === 'full' ? 'packs.full' : 'packs.pocket'), title: meeting.title })}
    </button>
  );
  return (
    <div style={{ display: 'grid', gap: '0.8rem' }}>
      <fieldset>
        <legend>{t('packs.meetings')}</legend>
        {summitMeetings === null ? (
          <p className="muted">{t('packs.chooseSummit')}</p>
        ) : (
          <ul className="cards">
            {summitMeetings.map((meeting) => {
              const inPack = meetingForm(meeting.id);
              return (
                <li key={meeting.id} style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5rem', alignItems: 'center' }}>
                  <span>
                    <PortionMark classification={meeting.classification} />
                    <StoredText text={meeting.title} />
                    {inPack === null ? null : (
                      <small className="muted" style={{ display: 'block' }}>
                        {t('packs.meetingInPack', { form: inSentence(inPack), other: inSentence(inPack === 'full' ? 'pocket' : 'full') })}
                      </small>
                    )}
                  </span>
                  <span className="button-row">
                    {meetingButton(meeting, 'full', inPack)}
                    {meetingButton(meeting, 'pocket', inPack)}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('packs.sectorBriefs')}</legend>
        {programmes
          .filter((programme) => programme.sectors.length > 0)
          .map((programme) => (
            <div key={programme.programme.id}>
              <strong>{programme.programme.code}</strong>
              <div className="button-row" style={{ marginTop: '0.3rem' }}>
                {programme.sectors.map((sector) => (
                  <button
                    key={sector.id}
                    type="button"
                    className="small"
                    disabled={has(`sector-${sector.id}`)}
                    onClick={() => add({ kind: 'sector', sectorId: sector.id })}
                  >
                    {t('packs.add')}: {sector.name}
                  </button>
                ))}
              </div>
            </div>
          ))}
      </fieldset>
      <fieldset>
        <legend>{t('packs.annexes')}</legend>
        <div className="button-row">
          <button type="button" className="small" disabled={has('timeline')} onClick={() => add({ kind: 'timeline' })}>
            {t('packs.add')}: {t('packs.timeline')}
          </button>
          <button type="button" className="small" disabled={has('biographies')} onClick={() => add({ kind: 'biographies', personIds: [] })}>
            {t('packs.add')}: {t('packs.biographies')}
          </button>
          <button type="button" className="small" disabled={has('sources')} onClick={() => add({ kind: 'sources' })}>
            {t('packs.add')}: {t('packs.sources')}
          </button>
          <button type="button" className="small" disabled={has('notes')} onClick={() => add({ kind: 'notes' })}>
            {t('packs.add')}: {t('packs.notes')}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
