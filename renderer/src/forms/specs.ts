import { blankBrief, datePrecisions, followUpStatuses, meetingFormats, meetingStatuses, pressAccess } from '../../../shared/domain.ts';
import {
  endsBeforeStart,
  isCalendarDate,
  isKnownTimeZone,
  isUtcInstant,
  isWallTime,
  maxProse,
  numberRanges,
  textLimits,
} from '../../../shared/fieldRules.ts';
import { isSkippedDay, isSkippedWallTime, repeatedWallTime, wallTimeInZone, wallTimeToInstant } from '../../../shared/time.ts';
import type { FormEntity } from '../router.ts';

/** Lists a reference field chooses from. */
export type RefList = 'summit' | 'person' | 'source' | 'country' | 'programme' | 'sector';

export type FieldKind =
  | { kind: 'text'; max: number; required?: boolean }
  | { kind: 'textarea'; max: number }
  | { kind: 'date'; optional?: boolean; hintKey?: string }
  | { kind: 'time' }
  | { kind: 'number'; min: number; max: number; optional?: boolean }
  | { kind: 'checkbox' }
  | { kind: 'timezone' }
  | { kind: 'select'; options: readonly string[]; labelKey: string }
  | { kind: 'ref'; list: RefList; optional: boolean }
  | { kind: 'classification' }
  /** Which of the two instants of a wall time the clocks pass twice; shown only for such a time. */
  | { kind: 'occurrence' }
  /** A meeting of any summit: a follow-up action moves from one meeting to the next. */
  | { kind: 'meeting' };
export type FieldSpec = { name: string } & FieldKind;
export type FormValues = Record<string, string | boolean>;

export interface FormSpec {
  fields: FieldSpec[];
  /** The values of a new record, before route defaults (e.g. summitId) are applied. */
  blank: () => FormValues;
  /** Form values → the record the store takes. */
  toRecord: (values: FormValues) => Record<string, unknown>;
  /** A stored record → form values. */
  fromRecord: (record: Record<string, unknown>) => FormValues;
  /** Store field name → form field name, where they differ (e.g. startsAt is edited as date and time). */
  fieldOf?: Record<string, string>;
  /** Fields a new record needs that the form does not show (a meeting's brief sections start empty). */
  createExtras?: Record<string, unknown>;
  /** A cross-field rule checked before anything is sent. */
  check?: (values: FormValues) => { field: string; messageKey: string } | null;
}

type TextLimits = typeof textLimits;
/** A single-line field, as long as the store's schema lets it be (shared/fieldRules.ts). */
const textOf =
  <E extends keyof TextLimits>(entity: E) =>
  (name: keyof TextLimits[E] & string, required = false): FieldSpec => ({
    name,
    kind: 'text',
    max: textLimits[entity][name] as number,
    required,
  });
const area = (name: string): FieldSpec => ({ name, kind: 'textarea', max: maxProse });
const whole = (name: keyof typeof numberRanges, optional = false): FieldSpec => ({ name, kind: 'number', ...numberRanges[name], optional });
const ref = (name: string, list: RefList, optional = true): FieldSpec => ({ name, kind: 'ref', list, optional });

/** Default conversion: text stays text, numbers and refs become numbers or null. */
function convert(fields: FieldSpec[], values: FormValues): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'checkbox') record[field.name] = value === true;
    else if (field.kind === 'number' || field.kind === 'ref' || field.kind === 'meeting') {
      const textValue = String(value ?? '').trim();
      record[field.name] = textValue === '' ? null : Number(textValue);
    } else if (field.kind === 'date' && field.optional) record[field.name] = value === '' || value === undefined ? null : value;
    else if (field.kind === 'timezone') record[field.name] = String(value ?? '').trim();
    else record[field.name] = value ?? '';
  }
  return record;
}

function toValues(fields: FieldSpec[], record: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = record[field.name];
    values[field.name] = field.kind === 'checkbox' ? value === true : value === null || value === undefined ? '' : String(value);
  }
  return values;
}

function simple(fields: FieldSpec[], blank: FormValues, check?: FormSpec['check']): FormSpec {
  return {
    fields,
    blank: () => ({ ...blank }),
    toRecord: (values) => convert(fields, values),
    fromRecord: (record) => toValues(fields, record),
    check,
  };
}

const summitText = textOf('summit');
const summitFields: FieldSpec[] = [
  summitText('title', true),
  summitText('city'),
  { name: 'startDate', kind: 'date' },
  // Blank: the summit lasts one day, and the store takes its start as its end.
  { name: 'endDate', kind: 'date', optional: true, hintKey: 'forms.oneDaySummitHint' },
  { name: 'timeZone', kind: 'timezone' },
  area('description'),
  ref('countryId', 'country'),
  ref('sourceId', 'source'),
  { name: 'classification', kind: 'classification' },
];

const meetingText = textOf('meeting');
const meetingFields: FieldSpec[] = [
  meetingText('title', true),
  ref('summitId', 'summit'),
  { name: 'format', kind: 'select', options: meetingFormats, labelKey: 'meeting.formats' },
  { name: 'date', kind: 'date' },
  { name: 'startTimeKnown', kind: 'checkbox' },
  { name: 'time', kind: 'time' },
  { name: 'occurrence', kind: 'occurrence' },
  whole('durationMinutes', true),
  { name: 'timeZone', kind: 'timezone' },
  meetingText('venue'),
  meetingText('interpreters'),
  { name: 'press', kind: 'select', options: pressAccess, labelKey: 'meeting.pressAccess' },
  { name: 'status', kind: 'select', options: meetingStatuses, labelKey: 'meeting.statuses' },
  ref('counterpartId', 'person'),
  { name: 'classification', kind: 'classification' },
  ref('sourceId', 'source'),
];
const meetingRecordFields = meetingFields.filter((field) => !['date', 'time', 'occurrence'].includes(field.name));

/** The two instants of the form's wall time when the clocks pass it twice at the venue; null otherwise. */
function repeatedOf(date: string, time: string, zone: string): { earlier: string; later: string } | null {
  return isCalendarDate(date) && isWallTime(time) && isKnownTimeZone(zone) ? repeatedWallTime(date, time, zone) : null;
}

const meeting: FormSpec = {
  fields: meetingFields,
  blank: () => ({
    ...toValues(meetingFields, {}),
    format: 'bilateral',
    press: 'unknown',
    status: 'planned',
    // No time until the user gives one: a made-up 09:00 would print as if the source said so.
    startTimeKnown: false,
    time: '',
    // The view fills in the summit's zone, or the user's own.
    timeZone: '',
  }),
  toRecord: (values) => {
    const record = convert(meetingRecordFields, values);
    const zone = String(values.timeZone).trim();
    // Without a known time the venue's midnight stands for the day, as in the sample.
    const time = values.startTimeKnown === true ? String(values.time) : '00:00';
    const date = String(values.date);
    // A time the clocks pass twice is the later unless the desk chose the first.
    const twice = values.startTimeKnown === true && values.occurrence === 'earlier' ? repeatedOf(date, time, zone) : null;
    record.startsAt = twice ? twice.earlier : wallTimeToInstant(date, time, zone);
    return record;
  },
  fromRecord: (record) => {
    const values = toValues(meetingRecordFields, record);
    const startsAt = String(record.startsAt);
    // A stored time that cannot be read in its zone leaves date and time for the user to set, with the zone shown as stored.
    if (Number.isNaN(Date.parse(startsAt)) || !isKnownTimeZone(String(record.timeZone))) return { ...values, date: '', time: '' };
    const wall = wallTimeInZone(startsAt, String(record.timeZone));
    if (record.startTimeKnown !== true) return { ...values, date: wall.date, time: '' };
    const twice = repeatedOf(wall.date, wall.time, String(record.timeZone));
    const occurrence = twice && Date.parse(twice.earlier) === Date.parse(startsAt) ? 'earlier' : 'later';
    return { ...values, date: wall.date, time: wall.time, occurrence };
  },
  fieldOf: { startsAt: 'date' },
  createExtras: blankBrief,
  // The venue's wall time must also be a UTC instant of years 1–9999 (late on 31 December 9999 west of Greenwich is not).
  check: (values) => {
    const time = values.startTimeKnown === true ? String(values.time) : '00:00';
    const date = String(values.date);
    const zone = String(values.timeZone).trim();
    if (!isCalendarDate(date) || !isWallTime(time) || !isKnownTimeZone(zone)) return null;
    if (!isUtcInstant(wallTimeToInstant(date, time, zone))) return { field: 'date', messageKey: 'forms.notADate' };
    // A day the venue's calendar skipped (Apia, 30 December 2011) would be saved as the next one.
    if (isSkippedDay(date, zone)) return { field: 'date', messageKey: 'forms.skippedDay' };
    // Stored as given, a time the clocks skip would show an hour later than typed, with nobody told.
    return values.startTimeKnown === true && isSkippedWallTime(date, time, zone)
      ? { field: 'time', messageKey: 'forms.skippedTime' }
      : null;
  },
};

export const formSpecs: Record<FormEntity, FormSpec> = {
  summit: {
    ...simple(summitFields, { ...toValues(summitFields, {}), timeZone: 'Europe/Vilnius' }, (values) =>
      endsBeforeStart(values.startDate, values.endDate) ? { field: 'endDate', messageKey: 'forms.endBeforeStart' } : null,
    ),
    // A one-day summit opens with its end blank, as it was made: moving its day then moves the whole summit.
    fromRecord: (record) => {
      const values = toValues(summitFields, record);
      return values.endDate === values.startDate ? { ...values, endDate: '' } : values;
    },
  },
  meeting,
  person: simple(
    [
      textOf('person')('name', true),
      textOf('person')('nativeName'),
      textOf('person')('title'),
      ref('countryId', 'country'),
      area('biography'),
      { name: 'classification', kind: 'classification' },
      ref('sourceId', 'source'),
    ],
    {},
  ),
  country: simple(
    [
      textOf('country')('name', true),
      textOf('country')('nativeName'),
      { name: 'kind', kind: 'select', options: ['country', 'organisation'], labelKey: 'records.countryKinds' },
      area('note'),
      { name: 'classification', kind: 'classification' },
      ref('sourceId', 'source'),
    ],
    { kind: 'country' },
  ),
  programme: simple(
    [
      textOf('programme')('code', true),
      textOf('programme')('name', true),
      ref('partnerId', 'country'),
      { name: 'signedOn', kind: 'date', optional: true },
      { name: 'sectorCount', kind: 'number', min: 0, max: 1000, optional: true },
      area('description'),
      { name: 'classification', kind: 'classification' },
      ref('sourceId', 'source'),
    ],
    {},
  ),
  source: simple(
    [
      textOf('source')('title', true),
      textOf('source')('publisher'),
      textOf('source')('location'),
      { name: 'publishedOn', kind: 'date', optional: true },
      area('note'),
      { name: 'classification', kind: 'classification' },
    ],
    {},
  ),
  sector: simple(
    [
      ref('programmeId', 'programme', false),
      textOf('sector')('name', true),
      whole('position'),
      area('summary'),
      area('ourPosition'),
      { name: 'classification', kind: 'classification' },
      ref('sourceId', 'source'),
    ],
    { position: '0' },
  ),
  sectorEntry: simple(
    [
      ref('sectorId', 'sector', false),
      { name: 'occurredOn', kind: 'date' },
      textOf('sectorEntry')('title', true),
      area('body'),
      ref('sourceId', 'source', false),
      area('sourceExcerpt'),
      { name: 'classification', kind: 'classification' },
    ],
    {},
  ),
  timelineEvent: simple(
    [
      { name: 'occurredOn', kind: 'date' },
      { name: 'precision', kind: 'select', options: datePrecisions, labelKey: 'timeline.precisions' },
      textOf('timelineEvent')('title', true),
      area('description'),
      ref('summitId', 'summit'),
      ref('sourceId', 'source'),
      area('sourceExcerpt'),
      { name: 'classification', kind: 'classification' },
    ],
    { precision: 'day' },
  ),
  followUp: simple(
    [
      textOf('followUp')('description', true),
      textOf('followUp')('owner'),
      { name: 'dueOn', kind: 'date', optional: true },
      { name: 'status', kind: 'select', options: followUpStatuses, labelKey: 'followUp.statuses' },
      { name: 'classification', kind: 'classification' },
      // Last: a new action opens from its meeting, and the first field takes what is typed at once.
      { name: 'meetingId', kind: 'meeting' },
    ],
    { status: 'open' },
  ),
};
