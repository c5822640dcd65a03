import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInZone } from '../../../shared/time.ts';
import { CountedMarking, useMarkedLabel } from '../markings/ScreenMarkings.tsx';
import { summitLabels } from '../records/summitLabels.ts';
import { useLocale } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';

/** The props the form gives every control: its id, name, and what describes it. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface PickerProps {
  control: ControlProps;
  /** The chosen meeting's id, '' for none. */
  value: string;
  onChange: (meetingId: string) => void;
}

/**
 * A follow-up action's meeting, chosen summit first: an action agreed at one
 * meeting is often carried to the next (Addis to Santiago), and a store holds
 * thousands of meetings where a summit holds some dozens.
 */
export function MeetingPicker(props: PickerProps) {
  // Kept here: the meeting is cleared when another summit is chosen, and the summit must stay chosen.
  const [chosenSummit, setChosenSummit] = useState<string | null>(null);
  const summit = { chosenSummit, setChosenSummit };
  return props.value === '' ? <SummitThenMeeting {...props} {...summit} summitOfMeeting="" /> : <OfChosenMeeting {...props} {...summit} />;
}

interface SummitChoice {
  /** The summit the user chose, null until one is. */
  chosenSummit: string | null;
  setChosenSummit: (summitId: string) => void;
}

/** The chosen meeting's own summit starts selected. */
function OfChosenMeeting(props: PickerProps & SummitChoice) {
  const meeting = useQuery('meeting.get', { id: Number(props.value) });
  const summitOfMeeting = meeting.status === 'ready' && meeting.value.summitId !== null ? String(meeting.value.summitId) : '';
  const markedLabel = useMarkedLabel();
  const title = meeting.status === 'ready' ? markedLabel(meeting.value.classification, meeting.value.title) : null;
  // The chosen meeting's title is on screen: its marking counts towards the window's banner, as a record chosen in
  // any other picker does (a CONFIDENTIAL bilateral chosen for an unmarked follow-up showed under "UNMARKED").
  return (
    <>
      {meeting.status === 'ready' ? <CountedMarking classification={meeting.value.classification} /> : null}
      <SummitThenMeeting {...props} summitOfMeeting={summitOfMeeting} chosenTitle={title} />
    </>
  );
}

function SummitThenMeeting({
  control,
  value,
  onChange,
  summitOfMeeting,
  chosenSummit,
  setChosenSummit,
  chosenTitle = null,
}: PickerProps & SummitChoice & { summitOfMeeting: string; chosenTitle?: string | null }) {
  const { t } = useTranslation();
  const markedLabel = useMarkedLabel();
  const summits = useQuery('summit.list', {}).value ?? [];
  // Summits of one title (the same summit, year after year) told apart by city and year.
  const summitTitles = summitLabels(summits);
  const summitId = chosenSummit ?? summitOfMeeting;
  const summitShown = summits.find((summit) => String(summit.id) === summitId);
  return (
    <span className="picker">
      {summitShown ? <CountedMarking classification={summitShown.classification} /> : null}
      <select
        aria-label={t('forms.meetingSummit')}
        value={summitId}
        onChange={(event) => {
          setChosenSummit(event.target.value);
          // The meeting chosen so far belongs to the summit just left.
          onChange('');
        }}
      >
        <option value="">{t('forms.noChoice')}</option>
        {summits.map((summit) => (
          <option key={summit.id} value={String(summit.id)}>
            {markedLabel(summit.classification, summitTitles.get(summit.id) ?? summit.title)}
          </option>
        ))}
      </select>
      <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('forms.noChoice')}</option>
        {summitId === '' ? null : <MeetingsOf summitId={Number(summitId)} />}
        {/* A meeting of no summit stays chosen, by its title. */}
        {value !== '' && summitId === '' ? <option value={value}>{chosenTitle ?? t('app.loading')}</option> : null}
      </select>
    </span>
  );
}

function MeetingsOf({ summitId }: { summitId: number }) {
  const view = useQuery('summit.view', { id: summitId });
  const markedLabel = useMarkedLabel();
  const locale = useLocale();
  if (view.status !== 'ready') return null;
  // Each title with its portion mark, as every list shows it, and its day at the venue.
  return view.value.meetings.map((meeting) => (
    <option key={meeting.id} value={String(meeting.id)}>
      {markedLabel(meeting.classification, `${meeting.title} — ${formatInZone(meeting.startsAt, meeting.timeZone, false, locale)}`)}
    </option>
  ));
}
