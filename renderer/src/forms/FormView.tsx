import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/index.ts';
import { refusalMessage } from '../records/errors.ts';
import type { FormEntity } from '../router.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { EntityForm } from './EntityForm.tsx';
import { type FormValues, formSpecs } from './specs.ts';

/**
 * There is no generic "get" channel: each record is read through the view
 * that shows it, with the route's context (sectorId, meetingId) saying where.
 */
async function loadRecord(entity: FormEntity, id: number, context: Record<string, number>): Promise<Record<string, unknown> | undefined> {
  switch (entity) {
    case 'summit':
      return (await call('summit.view', { id })).summit as unknown as Record<string, unknown>;
    case 'meeting':
      return (await call('meeting.brief', { id })).meeting as unknown as Record<string, unknown>;
    case 'person':
      return (await call('person.view', { id })).person as unknown as Record<string, unknown>;
    case 'country':
      return (await call('country.list', {})).find((country) => country.id === id) as unknown as Record<string, unknown> | undefined;
    case 'programme':
      return (await call('programme.list', {})).find((view) => view.programme.id === id)?.programme as unknown as
        | Record<string, unknown>
        | undefined;
    case 'source':
      return (await call('source.list', {})).find((source) => source.id === id) as unknown as Record<string, unknown> | undefined;
    case 'sector':
      return (await call('sector.view', { id })).sector as unknown as Record<string, unknown>;
    case 'sectorEntry': {
      const sectorId = context.sectorId;
      if (sectorId === undefined) return undefined;
      return (await call('sector.view', { id: sectorId })).entries.find((entry) => entry.id === id) as unknown as
        | Record<string, unknown>
        | undefined;
    }
    case 'timelineEvent':
      return (await call('timeline.list', {})).find((event) => event.id === id) as unknown as Record<string, unknown> | undefined;
    case 'followUp': {
      const meetingId = context.meetingId;
      if (meetingId === undefined) return undefined;
      return (await call('meeting.brief', { id: meetingId })).followUps.find((action) => action.id === id) as unknown as
        | Record<string, unknown>
        | undefined;
    }
  }
}

export function NewRecordView({ entity, defaults }: { entity: FormEntity; defaults: Record<string, number> }) {
  const { t } = useTranslation();
  const { homeTimeZone } = useSettings();
  const summits = useQuery('summit.list', {});
  const spec = formSpecs[entity];
  const initial: FormValues = { ...spec.blank() };
  for (const [key, value] of Object.entries(defaults)) if (spec.fields.some((field) => field.name === key)) initial[key] = String(value);
  // A new summit starts in the user's own zone; a meeting added to a summit starts on its first day, in its zone.
  if (entity === 'summit' || entity === 'meeting') initial.timeZone = homeTimeZone;
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

export function EditRecordView({ entity, id, context }: { entity: FormEntity; id: number; context: Record<string, number> }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ values: FormValues } | { error: string } | null>(null);
  useEffect(() => {
    let current = true;
    setState(null);
    loadRecord(entity, id, context).then(
      (record) => current && setState(record ? { values: formSpecs[entity].fromRecord(record) } : { error: t('forms.notFound') }),
      (error: Error) => current && setState({ error: refusalMessage(t, error) }),
    );
    return () => {
      current = false;
    };
  }, [entity, id, context, t]);
  if (state === null) return <p className="muted">{t('app.loading')}</p>;
  if ('error' in state)
    return (
      <p role="alert" className="error">
        {state.error}
      </p>
    );
  return <EntityForm key={`${entity}-${id}`} entity={entity} id={id} initial={state.values} />;
}
