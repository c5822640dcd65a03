import { useTranslation } from 'react-i18next';
import type { ConflictPage, ConflictSummary } from '../../../shared/conflicts.ts';
import { StoredText } from '../components/StoredText.tsx';
import { hrefOf, type Route } from '../router.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { conflictsOnPage, higherMarkingKept } from './conflictPages.ts';
import './conflicts.css';

/** Said at the top of a record's page while another desk's version of it is kept beside the one shown. */
export function ConflictNotice({ page }: { page: ConflictPage }) {
  const { t } = useTranslation();
  const { classificationScheme } = useSettings();
  const conflicts = useQuery('conflict.list', {});
  const restorations = useQuery('conflict.restorations', {});
  const levels = classificationScheme.levels.map((level) => level.name);
  const higherThanShown = (conflict: ConflictSummary) => higherMarkingKept(conflict, levels);
  const here = conflicts.value ? conflictsOnPage(conflicts.value, page) : [];
  // A record back on this page after another desk deleted it: whoever reads it learns why, and where to answer.
  const restoredHere = restorations.value ? conflictsOnPage(restorations.value, page) : [];
  if (here.length === 0 && restoredHere.length === 0) return null;
  return (
    <div className="conflict-notice" role="note" aria-label={t('conflicts.nav')}>
      {here.length > 0 ? (
        <>
          <p>{t('conflicts.notice')}</p>
          <ul>
            {here.map((conflict) => (
              <li key={conflict.id}>
                <a href={hrefOf({ view: 'conflict', record: conflict.id })}>
                  {t('conflicts.noticeLink')}: {t(`conflicts.kinds.${conflict.kind}`)} “
                  {conflict.title ? <StoredText text={conflict.title} /> : t('conflicts.untitled')}”
                </a>
                {higherThanShown(conflict) ? (
                  <strong className="conflict-higher">
                    {' '}
                    {t('conflicts.noticeHigher', { marking: higherThanShown(conflict), shown: conflict.classification })}
                  </strong>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {restoredHere.length > 0 ? (
        <p>
          {restoredHere.every((restored) => restored.keptFor === 'trash')
            ? t('restored.onPageTrashed')
            : restoredHere.every((restored) => restored.keptFor === 'edit')
              ? t('restored.onPageEdited')
              : t('restored.onPage')}{' '}
          <a href={hrefOf({ view: 'conflicts' })}>{t('restored.onPageLink')}</a>
        </p>
      ) : null}
    </div>
  );
}

/**
 * The sidebar's entry, shown while any record is in conflict, any notice of a record kept after another desk
 * deleted it waits for an answer, or its screen is open. The red count is of records in conflict only, as the
 * screen's table lists them: a kept record is announced apart there ("Deleted on … kept because …") and is no
 * conflict, so it is counted apart here, in words, and the two add up to what the screen shows.
 */
export function ConflictsNavItem({ current }: { current: Route['view'] }) {
  const { t } = useTranslation();
  const conflicts = useQuery('conflict.list', {});
  const restorations = useQuery('conflict.restorations', {});
  const inConflict = conflicts.value?.length ?? 0;
  const kept = restorations.value?.length ?? 0;
  const open = current === 'conflicts' || current === 'conflict';
  if (inConflict === 0 && kept === 0 && !open) return null;
  return (
    <li>
      <a href={hrefOf({ view: 'conflicts' })} aria-current={open ? 'page' : undefined} className="conflicts-nav">
        {t('conflicts.nav')}{' '}
        {inConflict > 0 ? (
          <>
            <span className="conflict-count" aria-hidden="true" data-testid="conflict-count">
              {inConflict}
            </span>
            <span className="visually-hidden">({t('conflicts.navCount', { count: inConflict })})</span>
          </>
        ) : null}
        {kept > 0 ? (
          <span className="kept-count" data-testid="kept-count">
            {' '}
            {t('restored.navCount', { count: kept })}
          </span>
        ) : null}
      </a>
    </li>
  );
}
