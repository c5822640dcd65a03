import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../bridge/index.ts';
import { refusalText } from '../refusals/refusalText.ts';
import type { QueryState } from '../useQuery.ts';
import { NotFound } from './ViewBoundary.tsx';

/** Shows a query's loading and error states, and the view once its data is in. */
export function Loaded<T>({ query, children }: { query: QueryState<T>; children: (value: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  // The store's "No meeting with id 7." is English; a record gone from under its address reads the same in either language.
  if (query.status === 'error' && query.error instanceof BridgeError && query.error.code === 'not_found') return <NotFound />;
  if (query.status === 'error') {
    return (
      <p role="alert" className="error">
        {refusalText(t, query.error)}
      </p>
    );
  }
  return <>{children(query.value)}</>;
}
