import { useTranslation } from 'react-i18next';
import { hrefOf } from '../router.ts';
import { useQuery } from '../useQuery.ts';
import './sync.css';

/**
 * The replication state in the sidebar, on every screen, while the desk is connected to a server: an officer
 * editing a brief sees that changes wait or that the last exchange failed without opening Settings, where
 * the state line says why. Nothing is shown for a desk that shares nothing.
 */
export function SyncNavItem() {
  const { t } = useTranslation();
  const overview = useQuery('sync.status', {});
  const status = overview.value?.status;
  if (!status || status.state === 'off') return null;
  // Trying the server again after a failure is no news: until an exchange succeeds, the last one failed (a server
  // that never answers keeps each try a minute, and "syncing…" then hid the failure most of the time).
  const state = status.state === 'syncing' && status.lastError ? 'error' : status.state;
  // One database refused or failing (an officer taken off a summit): the others synced, and "failed" alone, on every
  // screen for as long as the administrator takes, told her none of her work was going.
  const partly = status.lastError?.kind === 'no-access' || status.lastError?.kind === 'database-failed';
  const words =
    state === 'error'
      ? t(partly ? 'sync.nav.partlyFailed' : 'sync.nav.error')
      : state === 'syncing'
        ? t('sync.nav.syncing')
        : status.waiting > 0
          ? t('sync.nav.waiting', { count: status.waiting })
          : t('sync.nav.up-to-date');
  return (
    <li>
      <a href={hrefOf({ view: 'settings' })} className={`sync-nav sync-nav-${state}`}>
        {words}
      </a>
    </li>
  );
}
