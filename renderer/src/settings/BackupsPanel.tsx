import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../shared/contract.ts';
import { dateTimeFormat } from '../../../shared/time.ts';
import { call } from '../bridge/index.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { type Said, useToast } from '../components/Undo.tsx';
import { Field } from '../forms/Field.tsx';
import { refusalText } from '../refusals/refusalText.ts';
import { useQuery } from '../useQuery.ts';
import { useLocale, useSettings } from './SettingsContext.tsx';

/** "Restore from backup": the backups Sherpa keeps, one by hand, and how many to keep. */
export function BackupsPanel() {
  const { t } = useTranslation();
  const settings = useSettings();
  const locale = useLocale();
  const toast = useToast();
  const id = useId();
  const backups = useQuery('backup.list', {});
  // The views' settings leave this one out; the panel reads it for itself.
  const stored = useQuery('settings.get', {});
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const when = (backup: Backup) =>
    dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: settings.homeTimeZone }).format(new Date(backup.createdAt));

  const run = async (action: () => Promise<Said>) => {
    try {
      toast({ message: await action() });
    } catch (error) {
      toast({ message: (t) => refusalText(t, error) });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backups.title')}</h2>
      <p>{t('backups.intro')}</p>
      <Field id={`${id}-keep`} label={t('backups.keep')} hint={t('backups.keepHint')}>
        {(describedBy) => (
          <select
            id={`${id}-keep`}
            value={stored.status === 'ready' ? stored.value.backupsToKeep : 10}
            aria-describedby={describedBy}
            onChange={(event) =>
              void run(async () => {
                await call('settings.update', { backupsToKeep: Number(event.target.value) });
                return (t) => t('settings.saved');
              })
            }
          >
            {[3, 5, 10, 20, 30, 60, 100].map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const { file } = await call('backup.create', {});
              return (t) => t('backups.made', { file });
            })
          }
        >
          {t('backups.now')}
        </button>
      </p>
      {backups.status === 'error' ? <p role="alert">{refusalText(t, backups.error)}</p> : null}
      {backups.status === 'ready' && backups.value.length === 0 ? <p className="muted">{t('backups.none')}</p> : null}
      {backups.status === 'ready' && backups.value.length > 0 ? (
        <table>
          <caption>{t('backups.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.taken')}</th>
              <th scope="col">{t('backups.reason')}</th>
              <th scope="col">{t('backups.size')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {backups.value.map((backup) => (
              <tr key={backup.name}>
                <td title={backup.file}>{when(backup)}</td>
                <td>{t(`backups.reasons.${backup.reason}`)}</td>
                <td>{`${Math.max(1, Math.round(backup.bytes / 1024))} KB`}</td>
                <td>
                  <button type="button" aria-label={t('backups.restoreLabel', { when: when(backup) })} onClick={() => setRestoring(backup)}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {restoring ? (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          body={t('backups.confirmBody', { when: when(restoring) })}
          confirmLabel={t('backups.restore')}
          onCancel={() => setRestoring(null)}
          onConfirm={() => {
            const chosen = restoring;
            setRestoring(null);
            void run(async () => {
              // The store tells every window that everything changed: each view reads its data again.
              const { before } = await call('backup.restore', { name: chosen.name });
              return (t) => t('backups.restored', { when: when(chosen), file: before.file });
            });
          }}
        />
      ) : null}
    </section>
  );
}
