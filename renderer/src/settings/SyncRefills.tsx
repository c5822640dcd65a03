import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncOverview } from '../../../shared/syncSettings.ts';
import { useMarkedLabel } from '../markings/ScreenMarkings.tsx';
import { useSyncTime } from './syncTime.ts';

/**
 * Server databases found wiped, replaced or restored from an older copy, which this desk filled again with what it
 * held: every desk said "Up to date" all the same, and the officer who manages the server was never told it had lost
 * records. A summit is named by its marked title, the reference database by what it holds, any other by its name.
 */
export function SyncRefills({ overview }: { overview: SyncOverview }) {
  const { t } = useTranslation();
  const markedLabel = useMarkedLabel();
  const when = useSyncTime();
  const id = useId();
  const refilled = overview.status.refilled ?? [];
  if (refilled.length === 0) return null;
  const named = (database: string) => {
    if (database === overview.account?.referenceDatabase) return t('sync.refilledReference', { database });
    const summit = overview.summits.find((each) => each.database === database);
    return summit ? `${markedLabel(summit.classification, summit.title)} (“${database}”)` : `“${database}”`;
  };
  return (
    <section className="sync-notices" aria-labelledby={`${id}-refilled`}>
      <h3 id={`${id}-refilled`}>{t('sync.refilledTitle')}</h3>
      <ul>
        {refilled.map(({ database, count, at }) => (
          <li key={database} data-refilled={database}>
            {t('sync.refilled', { what: named(database), count, when: when(at) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
