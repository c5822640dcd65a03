import { useTranslation } from 'react-i18next';
import type { StoreWrites } from '../../../shared/contract.ts';
import { useQuery } from '../useQuery.ts';

// What the line says for each reason the store refuses writes. Every reason has one, so a desk learns that editing
// waits, or is not possible here, before typing into a form, not from a refused save.
const lines = {
  store_being_checked: 'app.storeChecking',
  store_damaged_kept: 'app.storeDamagedKept',
  store_newer: 'app.storeNewer',
  folder_read_only: 'app.storeFolderReadOnly',
  store_read_only: 'app.storeReadOnly',
} as const satisfies Record<Exclude<StoreWrites['reason'], null>, string>;

/**
 * Says, above every view, that editing waits: while Sherpa checks its data file after an unexpected stop (every
 * write refused, reading as usual), or for good when that check found damage and no backup to restore, the store
 * was written by a newer Sherpa, or its folder cannot be written to. The store announces when writing returns
 * (main/core.ts), and the line goes.
 */
export function StoreWritesLine() {
  const { t } = useTranslation();
  const writes = useQuery('store.writes', {});
  const reason = writes.value?.writable === false ? writes.value.reason : null;
  if (reason === null) return null;
  return (
    <p className={`store-writes store-writes-${reason === 'store_being_checked' ? 'waiting' : 'refused'}`} role="status">
      {t(lines[reason])}
    </p>
  );
}
