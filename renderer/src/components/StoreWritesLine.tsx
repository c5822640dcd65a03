import { useTranslation } from 'react-i18next';
import { useQuery } from '../useQuery.ts';

/**
 * Says, above every view, that editing waits: while Sherpa checks its data file after an unexpected stop (every
 * write refused, reading as usual), or for good when that check found damage and no backup to restore. The store
 * announces when writing returns (main/core.ts), and the line goes.
 */
export function StoreWritesLine() {
  const { t } = useTranslation();
  const writes = useQuery('store.writes', {});
  const reason = writes.value?.writable === false ? writes.value.reason : null;
  if (reason !== 'store_being_checked' && reason !== 'store_damaged_kept') return null;
  return (
    <p className={`store-writes store-writes-${reason === 'store_being_checked' ? 'waiting' : 'refused'}`} role="status">
      {t(reason === 'store_being_checked' ? 'app.storeChecking' : 'app.storeDamagedKept')}
    </p>
  );
}
