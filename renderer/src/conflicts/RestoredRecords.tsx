import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoredRecord } from '../../../shared/conflicts.ts';
import type { RevisionAuthor } from '../../../shared/sync.ts';
import { formatInZone } from '../../../shared/time.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf } from '../router.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
import { routeOf } from './conflictPages.ts';
import './conflicts.css';
import { StoredText } from '../components/StoredText.tsx';

/**
 * Records a desk deleted and every desk kept, because a desk that had not seen
 * the deletion edited them or added records referring to them: who deleted
 * each, when, what kept it, and the two answers. The list is the same on
 * every desk.
 */
export function RestoredRecords({ restored, onSettled }: { restored: RestoredRecord[]; onSettled: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(null);
  if (restored.length === 0 && outcome === null) return null;
  return (
    <section className="restored-records" aria-labelledby="restored-heading">
      <h2 id="restored-heading">{t('restored.heading')}</h2>
      <p className="muted">{t('restored.intro')}</p>
      {outcome ? (
        <p role="status" className="conflict-settled">
          {outcome}
        </p>
      ) : null}
      {restored.map((record) => (
        <RestoredNotice
          key={`${record.id} ${record.deletion}`}
          record={record}
          onSettled={(message) => {
            if (message !== null) setOutcome(message);
            onSettled();
          }}
        />
      ))}
    </section>
  );
}

function useDeskName() {
  const { t } = useTranslation();
  return (author: RevisionAuthor | null) =>
    author ? t('restored.desk', { desk: author.desk, fingerprint: author.fingerprint }) : t('restored.deskUnknown');
}

/** One notice; `onSettled` gets what to say once answered, or null when the list only needs reading again. */
function RestoredNotice({ record, onSettled }: { record: RestoredRecord; onSettled: (message: string | null) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { homeTimeZone } = useSettings();
  const deskName = useDeskName();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = record.title || t('conflicts.untitled');
  const adders = [...new Set(record.referrers.map((referrer) => deskName(referrer.author)))];
  const trashed = record.keptFor === 'trash';
  const edited = record.keptFor === 'edit' || trashed;
  const when = (author: RevisionAuthor | null) =>
    author ? formatInZone(author.at, homeTimeZone, true, locale) : t('restored.whenUnknown');
  const alone = edited && record.referrers.length === 0;

  const settle = async (action: 'keep' | 'delete') => {
    setBusy(true);
    setProblem(null);
    setConfirming(false);
    try {
      const base = { id: record.id, deletion: record.deletion };
      await call(
        'conflict.settleRestoration',
        action === 'keep' ? { ...base, action } : { ...base, action, referrers: record.referrers.map((referrer) => referrer.id) },
      );
      onSettled(
        action === 'keep' ? t('restored.kept', { title }) : t(trashed ? 'restored.trashedDone' : 'restored.deletedDone', { title }),
      );
    } catch (failure) {
      setProblem(failure instanceof BridgeError && failure.code === 'conflict' ? t('restored.movedOn') : t('restored.failed'));
      if (failure instanceof BridgeError && failure.code === 'conflict') onSettled(null);
    } finally {
      setBusy(false);
    }
  };

  const referrerList = (
    <ul className="restored-referrers">
      {record.referrers.map((referrer) => (
        <li key={referrer.id}>
          <PortionMark classification={referrer.classification} />{' '}
          <bdi>
            {t('restored.referrer', { kind: t(`conflicts.kinds.${referrer.kind}`), title: referrer.title || t('conflicts.untitled') })}
          </bdi>{' '}
          <span className="muted">
            (<bdi>{t('restored.referrerBy', { desk: deskName(referrer.author) })}</bdi>)
          </span>
        </li>
      ))}
    </ul>
  );

  return (
    <article className="conflict-notice restored-notice" aria-label={title}>
      <h3>
        <PortionMark classification={record.classification} />{' '}
        {record.page ? (
          <a href={hrefOf(routeOf(record.page))}>
            <StoredText text={title} />
          </a>
        ) : (
          <StoredText text={title} />
        )}{' '}
        <span className="muted">({t(`conflicts.kinds.${record.kind}`)})</span>
      </h3>
      {edited ? (
        <p>
          <bdi>
            {t(trashed ? 'restored.trashed' : 'restored.edited', {
              deleter: deskName(record.deletedBy),
              when: when(record.deletedBy),
              editor: deskName(record.editedBy),
              editedAt: when(record.editedBy),
            })}
          </bdi>
          {record.referrers.length > 0 ? <> {t('restored.editedReferrers', { count: record.referrers.length })}</> : null}
        </p>
      ) : (
        <p>
          <bdi>
            {t('restored.deleted', {
              count: record.referrers.length,
              deleter: deskName(record.deletedBy),
              when: when(record.deletedBy),
              adders: adders.join(', ') || t('restored.deskUnknown'),
            })}
          </bdi>
        </p>
      )}
      {record.referrers.length > 0 ? referrerList : null}
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" disabled={busy} title={t('restored.keepHint')} onClick={() => void settle('keep')}>
          {t('restored.keep')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
          {trashed ? t('restored.trashAgain') : alone ? t('restored.deleteAgain') : t('restored.delete')}
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={
            trashed
              ? t('restored.confirmTrashTitle', { title })
              : alone
                ? t('restored.confirmAgainTitle', { title })
                : t('restored.confirmTitle', { title, count: record.referrers.length })
          }
          body={
            trashed
              ? t('restored.confirmTrashBody', { editor: deskName(record.editedBy) })
              : alone
                ? t('restored.confirmAgainBody', { editor: deskName(record.editedBy) })
                : t('restored.confirmBody')
          }
          details={alone || trashed ? null : referrerList}
          confirmLabel={trashed ? t('restored.confirmTrash') : alone ? t('restored.confirmAgain') : t('restored.confirm')}
          onConfirm={() => void settle('delete')}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </article>
  );
}
