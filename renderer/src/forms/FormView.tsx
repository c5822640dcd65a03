import { useTranslation } from 'react-i18next';
import { BridgeError } from '../bridge/index.ts';
import { refusalMessage } from '../records/errors.ts';
import type { FormEntity } from '../router.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { EntityForm } from './EntityForm.tsx';
import { type FormValues, formSpecs } from './specs.ts';

export function NewRecordView({ entity, defaults }: { entity: FormEntity; defaults: Record<string, number> }) {
  const { homeTimeZone } = useSettings();
  const spec = formSpecs[entity];
  const initial: FormValues = { ...spec.blank() };
  for (const [key, value] of Object.entries(defaults)) if (spec.fields.some((field) => field.name === key)) initial[key] = String(value);
  // A new summit or meeting starts in the user's own zone; a meeting added to a summit, in the summit's.
  if (entity === 'summit' || entity === 'meeting') initial.timeZone = homeTimeZone;
  const key = `${entity}-new-${JSON.stringify(defaults)}`;
  if (entity === 'meeting' && defaults.summitId !== undefined) {
    return <NewMeetingOfSummit key={key} summitId={defaults.summitId} initial={initial} />;
  }
  return <EntityForm key={key} entity={entity} initial={initial} />;
}

/** A meeting added to a summit starts on the summit's first day, in its zone: the summit is read by its id. */
function NewMeetingOfSummit({ summitId, initial }: { summitId: number; initial: FormValues }) {
  const { t } = useTranslation();
  const summit = useQuery('summit.get', { id: summitId });
  if (summit.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  const values = summit.value ? { ...initial, timeZone: summit.value.timeZone, date: summit.value.startDate } : initial;
  return <EntityForm entity="meeting" initial={values} />;
}

/** Loads the record it edits by id, through the record's own `get` channel. */
export function EditRecordView({ entity, id }: { entity: FormEntity; id: number }) {
  const { t } = useTranslation();
  const record = useQuery(`${entity}.get`, { id });
  if (record.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (record.status === 'error')
    return (
      <p role="alert" className="error">
        {record.error instanceof BridgeError && record.error.code === 'not_found' ? t('forms.notFound') : refusalMessage(t, record.error)}
      </p>
    );
  return (
    <EntityForm
      key={`${entity}-${id}`}
      entity={entity}
      id={id}
      initial={formSpecs[entity].fromRecord(record.value as unknown as Record<string, unknown>)}
      stored={record.value as unknown as Record<string, unknown>}
    />
  );
}
