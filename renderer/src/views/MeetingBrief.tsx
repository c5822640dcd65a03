import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { briefSections, type MeetingParticipant } from '../../../shared/domain.ts';
import { scriptLanguage } from '../../../shared/scriptLanguage.ts';
import { formatDate } from '../../../shared/time.ts';
import { call } from '../bridge/index.ts';
import { AnnotationSlot } from '../components/AnnotationSlot.tsx';
import { DeleteButton } from '../components/DeleteButton.tsx';
import { EditableSection } from '../components/EditableSection.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loaded } from '../components/Loading.tsx';
import { MeetingTime } from '../components/MeetingTime.tsx';
import { ParticipantsEditor } from '../components/ParticipantsEditor.tsx';
import { StoredText, turnsTextRound } from '../components/StoredText.tsx';
import { TypedProse } from '../components/TypedProse.tsx';
import { ConflictNotice } from '../conflicts/ConflictNotice.tsx';
import { SavedMeetingOverlaps } from '../forms/MeetingOverlapWarning.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { MeetingBiography } from '../packs/MeetingBiography.tsx';
import { hrefOf, navigate } from '../router.ts';
import { useLocale } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';

function Participants({ list }: { list: MeetingParticipant[] }) {
  if (list.length === 0) return <>—</>;
  return (
    <>
      {list.map((participant) => (
        <span key={participant.personId} className="participant">
          <PortionMark classification={participant.classification} />{' '}
          <a href={hrefOf({ view: 'people', id: participant.personId })}>
            {participant.name}
            {participant.nativeName ? ` (${participant.nativeName})` : ''}
          </a>
          {participant.title ? `, ${participant.title}` : ''}
          {participant.role ? <span className="muted"> · {participant.role}</span> : null}
        </span>
      ))}
    </>
  );
}

/** `biographyOf`: the person whose biography written for this meeting the brief opens at (a search hit's). */
export function MeetingBriefView({ id, biographyOf }: { id: number; biographyOf?: number | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const brief = useQuery('meeting.brief', { id });
  const written = useQuery('meeting.biographies', { id });
  const [editingParticipants, setEditingParticipants] = useState(false);
  // Saved or given up, the editor goes with the caret in it: back to the button that opened it, not <body>.
  const participantsButton = useRef<HTMLButtonElement>(null);
  const participantsClosed = useRef(false);
  useEffect(() => {
    if (editingParticipants || !participantsClosed.current) return;
    participantsClosed.current = false;
    participantsButton.current?.focus();
  }, [editingParticipants]);
  return (
    <Loaded query={brief}>
      {({ meeting, participants, summit, counterpart, followUps, annotations, source }) => (
        <article className="brief">
          <div className="view-header">
            <h1>
              <PortionMark classification={meeting.classification} />
              <StoredText text={meeting.title} />
            </h1>
            <div className="button-row">
              <a className="button" href={hrefOf({ view: 'edit', entity: 'meeting', id: meeting.id })}>
                {t('meeting.editMeeting')}
              </a>
              <DeleteButton
                entity="meeting"
                id={meeting.id}
                name={meeting.title}
                label={t('meeting.deleteMeeting')}
                onDeleted={() => navigate(summit ? { view: 'summit', id: summit.id } : { view: 'today' })}
                onRestored={() => navigate({ view: 'meeting', id: meeting.id })}
              />
            </div>
          </div>
          <ConflictNotice page={{ view: 'meeting', id: meeting.id }} />
          {turnsTextRound(meeting) && (
            <p className="conflict-notice" role="note" data-testid="turns-text-round">
              {t('meeting.turnsTextRound')}
            </p>
          )}
          <section aria-labelledby="key-details-heading">
            {/* The meeting's own details, marked as the pack prints them ("(C) Key details"). */}
            <h2 id="key-details-heading">
              <PortionMark classification={meeting.classification} />
              {t('meeting.keyDetails')}
            </h2>
            <dl className="key-details">
              <dt>{t('meeting.when')}</dt>
              <dd>
                <MeetingTime meeting={meeting} layout="block" summitTimeZone={summit?.timeZone} />
                {/* The form warns of another meeting of the summit at the same time; the brief says so too, and with which. */}
                <SavedMeetingOverlaps meeting={meeting} />
              </dd>
              <dt>{t('meeting.summit')}</dt>
              <dd>
                {summit ? (
                  <>
                    <PortionMark classification={summit.classification} />
                    <a href={hrefOf({ view: 'summit', id: summit.id })}>
                      <StoredText text={summit.title} />
                    </a>
                  </>
                ) : (
                  t('common.none')
                )}
              </dd>
              {/* As the PDF's key details: who the meeting is with, before anyone is entered as a participant. */}
              <dt>{t('forms.fields.counterpartId')}</dt>
              <dd>
                {counterpart ? (
                  <span className="counterpart">
                    <PortionMark classification={counterpart.classification} />{' '}
                    {/* Not a link: the counterpart's biography below links the person, and a participant row may too. */}
                    <bdi>
                      {counterpart.name}
                      {counterpart.nativeName ? ` (${counterpart.nativeName})` : ''}
                    </bdi>
                    {counterpart.title ? `, ${counterpart.title}` : ''}
                  </span>
                ) : (
                  t('common.none')
                )}
              </dd>
              <dt>{t('meeting.format')}</dt>
              <dd>{t(`meeting.formats.${meeting.format}`)}</dd>
              <dt>{t('meeting.venue')}</dt>
              <dd>{meeting.venue || t('common.none')}</dd>
              <dt>{t('meeting.duration')}</dt>
              <dd>{meeting.durationMinutes ? t('meeting.durationMinutes', { count: meeting.durationMinutes }) : t('common.none')}</dd>
              <dt>{t('meeting.interpreters')}</dt>
              <dd>{meeting.interpreters || t('common.none')}</dd>
              <dt>{t('meeting.press')}</dt>
              <dd>{t(`meeting.pressAccess.${meeting.press}`)}</dd>
              <dt>{t('meeting.status')}</dt>
              <dd>{t(`meeting.statuses.${meeting.status}`)}</dd>
              <dt>{t('meeting.classification')}</dt>
              <dd>{meeting.classification || t('markings.unmarked')}</dd>
              {!editingParticipants && (
                <>
                  <dt>{t('meeting.ourSide')}</dt>
                  <dd>
                    <Participants list={participants.filter((participant) => participant.side === 'ours')} />
                  </dd>
                  <dt>{t('meeting.theirSide')}</dt>
                  <dd>
                    <Participants list={participants.filter((participant) => participant.side === 'theirs')} />
                  </dd>
                </>
              )}
              {source && (
                <>
                  <dt>{t('common.source')}</dt>
                  <dd>
                    {/* A record of its own, marked on its own: a public brief may cite a restricted desk file. */}
                    <PortionMark classification={source.classification} />
                    <StoredText text={source.title} />
                    {source.publisher ? <span className="muted"> · {source.publisher}</span> : null}
                  </dd>
                </>
              )}
            </dl>
            {editingParticipants ? (
              <ParticipantsEditor
                meetingId={meeting.id}
                participants={participants}
                onDone={() => {
                  participantsClosed.current = true;
                  setEditingParticipants(false);
                }}
              />
            ) : (
              <button
                type="button"
                ref={participantsButton}
                className="small participants-button"
                onClick={() => setEditingParticipants(true)}
              >
                {t('meeting.editParticipants')}
              </button>
            )}
          </section>
          {briefSections.map((section) => (
            <EditableSection
              key={`${meeting.id}-${section}`}
              sectionKey={section}
              title={t(`meeting.sections.${section}`)}
              classification={meeting.classification}
              text={meeting[section]}
              onSave={async (text, base) => {
                const answer = await call('meeting.update', { id: meeting.id, patch: { [section]: text }, expected: { [section]: base } });
                return answer.status === 'stale' ? { staleText: answer.current[section] } : undefined;
              }}
            />
          ))}
          <section aria-labelledby="counterpart-heading" className="brief-section">
            <h2 id="counterpart-heading">{t('meeting.counterpart')}</h2>
            {counterpart ? (
              <div className="biography">
                <p className="person-name">
                  <PortionMark classification={counterpart.classification} />
                  <a href={hrefOf({ view: 'people', id: counterpart.id })}>
                    <StoredText text={counterpart.name} />
                  </a>
                  {counterpart.nativeName && (
                    <>
                      {' · '}
                      <bdi lang={scriptLanguage(counterpart.nativeName)}>{counterpart.nativeName}</bdi>
                    </>
                  )}
                </p>
                <p className="muted">{counterpart.title}</p>
                <TypedProse text={counterpart.biography} />
                <MeetingBiography
                  meetingId={meeting.id}
                  person={counterpart}
                  classification={meeting.classification}
                  opened={biographyOf === counterpart.id}
                />
              </div>
            ) : (
              <EmptyState>{t('meeting.noCounterpart')}</EmptyState>
            )}
            {/* Written for a participant, or for an earlier counterpart: the pack prints them, so the brief shows them. */}
            {(written.value ?? []).some((biography) => biography.personId !== counterpart?.id) && (
              <>
                <h3>{t('meeting.otherBiographies')}</h3>
                {(written.value ?? [])
                  .filter((biography) => biography.personId !== counterpart?.id)
                  .map((biography) => (
                    <MeetingBiography
                      key={biography.personId}
                      meetingId={meeting.id}
                      person={{ id: biography.personId, name: biography.name }}
                      classification={meeting.classification}
                      opened={biographyOf === biography.personId}
                    />
                  ))}
              </>
            )}
          </section>
          <section aria-labelledby="follow-ups-heading" className="brief-section">
            <div className="section-header">
              <h2 id="follow-ups-heading">{t('meeting.followUps')}</h2>
              <a className="button small" href={hrefOf({ view: 'new', entity: 'followUp', defaults: { meetingId: meeting.id } })}>
                {t('meeting.addFollowUp')}
              </a>
            </div>
            {followUps.length === 0 ? (
              <EmptyState>{t('meeting.noFollowUps')}</EmptyState>
            ) : (
              <ul className="cards">
                {followUps.map((action) => (
                  <li key={action.id} className="row-with-actions">
                    <span>
                      <PortionMark classification={action.classification} />
                      <StoredText text={action.description} />
                      <span className="muted">
                        {' · '}
                        {t(`followUp.statuses.${action.status}`)}
                        {action.owner.trim() ? ` · ${t('today.owner', { owner: action.owner.trim() })}` : ''}
                        {action.dueOn ? ` · ${t('today.due', { when: formatDate(action.dueOn, locale) })}` : ''}
                      </span>
                    </span>
                    <span className="button-row">
                      <a className="button small" href={hrefOf({ view: 'edit', entity: 'followUp', id: action.id })}>
                        {t('common.edit')}
                      </a>
                      <DeleteButton entity="followUp" id={action.id} name={action.description} label={t('common.delete')} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <AnnotationSlot target={{ meetingId: meeting.id }} annotations={annotations} />
        </article>
      )}
    </Loaded>
  );
}
