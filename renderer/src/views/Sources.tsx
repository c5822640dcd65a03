import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/time.ts';
import { DeleteButton } from '../components/DeleteButton.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loaded } from '../components/Loading.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf } from '../router.ts';
import { useLocale } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';

export function SourcesView() {
  const { t } = useTranslation();
  const locale = useLocale();
  const sources = useQuery('source.list', {});
  return (
    <>
      <div className="view-header">
        <h1>{t('sources.title')}</h1>
        <a className="button" href={hrefOf({ view: 'new', entity: 'source' })}>
          {t('sources.new')}
        </a>
      </div>
      <Loaded query={sources}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('sources.empty')}</EmptyState>
          ) : (
            <ul className="cards">
              {list.map((source) => (
                <li key={source.id} className="row-with-actions">
                  <span>
                    <PortionMark classification={source.classification} />
                    <strong>{source.title}</strong>
                    <span className="muted">
                      {source.publisher ? ` · ${source.publisher}` : ''}
                      {source.publishedOn ? ` · ${formatDate(source.publishedOn, locale)}` : ''}
                    </span>
                    {source.location && <span className="source-location">{source.location}</span>}
                  </span>
                  <span className="button-row">
                    <a
                      className="button small"
                      href={hrefOf({ view: 'edit', entity: 'source', id: source.id })}
                      aria-label={`${t('common.edit')}: ${source.title}`}
                    >
                      {t('common.edit')}
                    </a>
                    <DeleteButton entity="source" id={source.id} name={source.title} label={t('common.delete')} />
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
