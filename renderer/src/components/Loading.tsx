import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../useQuery.ts';

/** Shows a query's loading and error states, and the view once its data is in. */
export function Loaded<T>({ query, children }: { query: QueryState<T>; children: (value: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (query.status === 'error') {
    return (
      <p role="alert" className="error">
        {query.error.message}
      </p>
    );
  }
  return <>{children(query.value)}</>;
}
