import { useTranslation } from 'react-i18next';
import type { MeetingSummary, ProgrammeView } from '../../../shared/contract.ts';
import type { PackSection } from '../../../shared/domain.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';

/** The things a pack can hold, each with its add buttons; what is already in shows as added. */
export function SectionPicker({
  summitMeetings,
  programmes,
  has,
  add,
}: {
  summitMeetings: MeetingSummary[] | null;
  programmes: ProgrammeView[];
  has: (key: string) => boolean;
  add: (section: PackSection) => void;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', gap: '0.8rem' }}>
      <fieldset>
        <legend>{t('packs.meetings')}</legend>
        {summitMeetings === null ? (
          <p className="muted">{t('packs.chooseSummit')}</p>
        ) : (
          <ul className="cards">
            {summitMeetings.map((meeting) => (
              <li key={meeting.id} style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5rem', alignItems: 'center' }}>
                <span>
                  <PortionMark classification={meeting.classification} />
                  <bdi>{meeting.title}</bdi>
                </span>
                <span className="button-row">
                  <button type="button" className="small" onClick={() => add({ kind: 'meeting', meetingId: meeting.id, form: 'full' })}>
                    {t('packs.addMeeting', { form: t('packs.full'), title: meeting.title })}
                  </button>
                  <button type="button" className="small" onClick={() => add({ kind: 'meeting', meetingId: meeting.id, form: 'pocket' })}>
                    {t('packs.addMeeting', { form: t('packs.pocket'), title: meeting.title })}
                  </button>
                </span>
              </li>
            ))}
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
