import { useTranslation } from 'react-i18next';
import type { UnmarkedRecord } from '../../../shared/contract.ts';
import { useSettings } from '../settings/SettingsContext.tsx';

/** The records a pack holds without a marking of the scheme: the pack is not exported until this list is empty. */
export function UnmarkedInPack({ records }: { records: UnmarkedRecord[] }) {
  const { t } = useTranslation();
  const scheme = useSettings().classificationScheme;
  // Said in the interface language: the store's `name` is the export's English ("Follow-up: …").
  const named = (record: UnmarkedRecord) => t(`markings.packUnmarkedRoles.${record.role}`, { title: record.title, on: record.on });
  if (records.length === 0) return null;
  return (
    <div className="unmarked-in-pack" role="alert">
      <strong>{t('markings.packUnmarkedTitle')}</strong>
      <p className="unmarked-in-pack-text">{t('markings.packUnmarkedIntro', { scheme: scheme.name })}</p>
      <ul className="unmarked-in-pack-text" aria-label={t('markings.packUnmarkedTitle')}>
        {records.map((record, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two records may share a name; the list is rebuilt whole
          <li key={index}>
            <bdi>
              {record.foreignLevel ? t('markings.packUnmarkedForeign', { name: named(record), level: record.foreignLevel }) : named(record)}
            </bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}
