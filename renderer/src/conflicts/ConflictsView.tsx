import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loaded } from '../components/Loading.tsx';
import { StoredText } from '../components/StoredText.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf } from '../router.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { higherMarkingKept } from './conflictPages.ts';
import { RestoredRecords } from './RestoredRecords.tsx';
import './conflicts.css';

/**
 * Every record in conflict between desks (its kind, its title, its marking, how many other versions), and
 * every record deleted on one desk but kept for what another added to it.
 */
export function ConflictsView() {
  const { t } = useTranslation();
  const conflicts = useQuery('conflict.list', {});
  const restorations = useQuery('conflict.restorations', {});
  const restored = restorations.value ?? [];
  const levels = useSettings().classificationScheme.levels.map((level) => level.name);
  return (
    <section className="conflicts" aria-labelledby="conflicts-heading">
      <h1 id="conflicts-heading">{t('conflicts.title')}</h1>
      <RestoredRecords restored={restored} onSettled={restorations.reload} />
      {/* With only notices of kept records, the words about two versions would describe nothing on screen. */}
      {restored.length > 0 && conflicts.value?.length === 0 ? null : <p className="muted">{t('conflicts.intro')}</p>}
      <Loaded query={conflicts}>
        {(list) =>
          list.length === 0 ? (
            restored.length > 0 ? null : (
              <EmptyState>{t('conflicts.none')}</EmptyState>
            )
          ) : (
            <table className="conflict-list">
              <thead>
                <tr>
                  <th scope="col">{t('conflicts.kind')}</th>
                  <th scope="col">{t('conflicts.record')}</th>
                  <th scope="col">{t('conflicts.versions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((conflict) => (
                  <tr key={conflict.id}>
                    <td>{t(`conflicts.kinds.${conflict.kind}`)}</td>
                    <td>
                      <PortionMark classification={conflict.classification} />{' '}
                      <a href={hrefOf({ view: 'conflict', record: conflict.id })}>
                        {conflict.title ? <StoredText text={conflict.title} /> : <bdi>{t('conflicts.untitled')}</bdi>}
                      </a>
                    </td>
                    <td>
                      {conflict.others}
                      {higherMarkingKept(conflict, levels) ? (
                        <strong className="conflict-higher">
                          {' '}
                          {t('conflicts.otherMarkedHigher', { marking: higherMarkingKept(conflict, levels) })}
                        </strong>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
