import { useTranslation } from 'react-i18next';
import { BridgeError } from '../bridge/index.ts';
import type { FormEntity } from '../router.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { EntityForm } from './EntityForm.tsx';
import { type FormValues, formSpecs } from './specs.ts';

export function NewRecordView({ entity, defaults }: { entity: FormEntity; defaults: Record<string, number> }) {
  const { t } = useTranslation();
  const { homeTimeZone } = useSettings();
  const summits = useQuery('summit.list', {});
  const spec = formSpecs[entity];
  const initial: FormValues = { ...spec.blank() };
  for (const [key, value] of Object.entries(defaults)) if (spec.fields.some((field) => field.name === key)) initial[key] = String(value);
  // A new summit starts in the user's own zone; a meeting added to a summit starts on its first day, in its zone.
  if (entity === 'summit') initial.timeZone = homeTimeZone;
  if (entity === 'meeting' && defaults.summitId !== undefined) {
    if (summits.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
    const summit = summits.value?.find((candidate) => candidate.id === defaults.summitId);
    if (summit) {
      initial.timeZone = summit.timeZone;
      initial.date = summit.startDate;
    }
  }
  return <EntityForm key={`${entity}-new-${JSON.stringify(defaults)}`} entity={entity} initial={initial} />;
}

/** Loads the record it edits by id, through the record's own `get` channel. */
export function EditRecordView({ entity, id }: { entity: FormEntity; id: number }) {
  const { t } = useTranslation();
  const record = useQuery(`${entity}.get`, { id });
  if (record.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (record.status === 'error')
    return (
      <p role="alert" className="error">
        {record.error instanceof BridgeError && record.error.code === 'not_found' ? t('forms.notFound') : record.error.message}
      </p>
    );
  return (
    <EntityForm
      key={`${entity}-${id}`}
      entity={entity}
      id={id}
      initial={formSpecs[entity].fromRecord(record.value as unknown as Record<string, unknown>)}
    />
  );
}
