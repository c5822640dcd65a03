import { blankBrief, datePrecisions, followUpStatuses, meetingFormats, meetingStatuses, pressAccess } from '../../../shared/domain.ts';
import { wallTimeInZone, wallTimeToInstant } from '../../../shared/time.ts';
import type { FormEntity } from '../router.ts';

/** Lists a reference field chooses from. */
export type RefList = 'summit' | 'person' | 'source' | 'country' | 'programme' | 'sector';

export type FieldKind =
  | { kind: 'text'; max: number; required?: boolean }
  | { kind: 'textarea'; max: number }
  | { kind: 'date'; optional?: boolean }
  | { kind: 'time' }
  | { kind: 'number'; min: number; max: number; optional?: boolean }
  | { kind: 'checkbox' }
  | { kind: 'timezone' }
  | { kind: 'select'; options: readonly string[]; labelKey: string }
  | { kind: 'ref'; list: RefList; optional: boolean }
  | { kind: 'classification' }
  | { kind: 'hidden' };
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

const MAX_NAME = 200;
const MAX_PROSE = 100_000;

const text = (name: string, max = MAX_NAME, required = false): FieldSpec => ({ name, kind: 'text', max, required });
const area = (name: string): FieldSpec => ({ name, kind: 'textarea', max: MAX_PROSE });
const ref = (name: string, list: RefList, optional = true): FieldSpec => ({ name, kind: 'ref', list, optional });

/** Default conversion: text stays text, numbers and refs become numbers or null. */
function convert(fields: FieldSpec[], values: FormValues): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'checkbox') record[field.name] = value === true;
    else if (field.kind === 'number' || field.kind === 'ref' || field.kind === 'hidden') {
      const textValue = String(value ?? '').trim();
      record[field.name] = textValue === '' ? null : Number(textValue);
    } else if (field.kind === 'date' && field.optional) record[field.name] = value === '' || value === undefined ? null : value;
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

const summitFields: FieldSpec[] = [
  text('title', 200, true),
  text('city'),
  { name: 'startDate', kind: 'date' },
  { name: 'endDate', kind: 'date' },
  { name: 'timeZone', kind: 'timezone' },
  area('description'),
  ref('countryId', 'country'),
  ref('sourceId', 'source'),
];

const meetingFields: FieldSpec[] = [
  text('title', 200, true),
  ref('summitId', 'summit'),
  { name: 'format', kind: 'select', options: meetingFormats, labelKey: 'meeting.formats' },
  { name: 'date', kind: 'date' },
  { name: 'startTimeKnown', kind: 'checkbox' },
  { name: 'time', kind: 'time' },
  { name: 'durationMinutes', kind: 'number', min: 1, max: 24 * 60, optional: true },
  { name: 'timeZone', kind: 'timezone' },
  text('venue', 300),
  text('interpreters', 300),
  { name: 'press', kind: 'select', options: pressAccess, labelKey: 'meeting.pressAccess' },
  { name: 'status', kind: 'select', options: meetingStatuses, labelKey: 'meeting.statuses' },
  ref('counterpartId', 'person'),
  { name: 'classification', kind: 'classification' },
  ref('sourceId', 'source'),
];
const meetingRecordFields = meetingFields.filter((field) => !['date', 'time'].includes(field.name));

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
    const zone = String(values.timeZone);
    // Without a known time the venue's midnight stands for the day, as in the sample.
    const time = values.startTimeKnown === true ? String(values.time) : '00:00';
    record.startsAt = wallTimeToInstant(String(values.date), time, zone);
    return record;
  },
  fromRecord: (record) => {
    const values = toValues(meetingRecordFields, record);
    const wall = wallTimeInZone(String(record.startsAt), String(record.timeZone));
    return { ...values, date: wall.date, time: record.startTimeKnown === true ? wall.time : '' };
  },
  fieldOf: { startsAt: 'date' },
  createExtras: blankBrief,
};

export const formSpecs: Record<FormEntity, FormSpec> = {
  summit: simple(summitFields, { ...toValues(summitFields, {}), timeZone: 'Europe/Vilnius' }, (values) =>
    values.startDate !== '' && values.endDate !== '' && String(values.endDate) < String(values.startDate)
      ? { field: 'endDate', messageKey: 'forms.endBeforeStart' }
      : null,
  ),
  meeting,
  person: simple(
    [
      text('name', 200, true),
      text('nativeName'),
      text('title', 300),
      ref('countryId', 'country'),
      area('biography'),
      { name: 'classification', kind: 'classification' },
      ref('sourceId', 'source'),
    ],
    {},
  ),
  country: simple(
    [
      text('name', 200, true),
      text('nativeName'),
      { name: 'kind', kind: 'select', options: ['country', 'organisation'], labelKey: 'records.countryKinds' },
      area('note'),
      ref('sourceId', 'source'),
    ],
    { kind: 'country' },
  ),
  programme: simple(
    [
      text('code', 40, true),
      text('name', 200, true),
      ref('partnerId', 'country'),
      { name: 'signedOn', kind: 'date', optional: true },
      { name: 'sectorCount', kind: 'number', min: 0, max: 1000, optional: true },
      area('description'),
      ref('sourceId', 'source'),
    ],
    {},
  ),
  source: simple(
    [
      text('title', 500, true),
      text('publisher', 300),
      text('location', 2000),
      { name: 'publishedOn', kind: 'date', optional: true },
      area('note'),
    ],
    {},
  ),
  sector: simple(
    [
      ref('programmeId', 'programme', false),
      text('name', 200, true),
      { name: 'position', kind: 'number', min: 0, max: 100_000 },
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
      text('title', 300, true),
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
      text('title', 300, true),
      area('description'),
      ref('summitId', 'summit'),
      ref('sourceId', 'source'),
      area('sourceExcerpt'),
    ],
    { precision: 'day' },
  ),
  followUp: simple(
    [
      { name: 'meetingId', kind: 'hidden' },
      text('description', 2000, true),
      text('owner'),
      { name: 'dueOn', kind: 'date', optional: true },
      { name: 'status', kind: 'select', options: followUpStatuses, labelKey: 'followUp.statuses' },
    ],
    { status: 'open' },
  ),
};
