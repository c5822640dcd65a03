import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SyncOverview, type SyncStatus, serverUrlProblem, storedPasswordApplies } from '../../../shared/syncSettings.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { type Said, useToast } from '../components/Undo.tsx';
import { Field } from '../forms/Field.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { PortionMark, useMarkedLabel } from '../markings/ScreenMarkings.tsx';
import { useQuery } from '../useQuery.ts';
import { SyncRefills } from './SyncRefills.tsx';
import { useSyncTime } from './syncTime.ts';
import './sync.css';
import { LineInput } from '../components/LineInput.tsx';
import { refusalText } from '../refusals/refusalText.ts';

/** Settings → Sync: the desk's server, the summits shared, and how replication is doing. */
export function SyncPanel() {
  const { t } = useTranslation();
  const id = useId();
  const overview = useQuery('sync.status', {});
  return (
    <section aria-labelledby={`${id}-title`} className="sync-panel">
      <h2 id={`${id}-title`}>{t('sync.title')}</h2>
      <p>{t('sync.intro')}</p>
      {overview.status === 'error' ? <p role="alert">{refusalText(t, overview.error)}</p> : null}
      {overview.status === 'ready' ? (
        <>
          <SyncStateLine status={overview.value.status} outdated={overview.outdated} summits={overview.value.summits} />
          <SyncNotices status={overview.value.status} />
          <SyncRefills overview={overview.value} />
          {/* Keyed by the stored account and the summits being joined: the form starts from what is stored, again
              after a disconnect, and again when a joined summit arrives (its name no longer waiting). */}
          <SyncForm key={`${overview.value.account?.url ?? 'none'} ${overview.value.joining.join(' ')}`} overview={overview.value} />
        </>
      ) : null}
    </section>
  );
}

/**
 * "Up to date", "n changes waiting", "Syncing…", the last error with its time: read out as it changes.
 * `outdated`: a save made the state held stale and it is being read again; "Up to date" is not said of it meanwhile.
 */
/** A shared summit deleted here or by a colleague: by whom and when, not "not received yet". */
export function DeletedSummits({ deleted }: { deleted: SyncOverview['deletedSummits'] }) {
  const { t } = useTranslation();
  const when = useSyncTime();
  const line = ({ database, title, deletedBy, byThisDesk }: SyncOverview['deletedSummits'][number]) => {
    const named = { title: title === null ? t('sync.deletedSummitUntitled') : `“${title}”`, database };
    if (!deletedBy) return t('sync.deletedSummitNoAuthor', named);
    if (byThisDesk) return t('sync.deletedSummitHere', { ...named, when: when(deletedBy.at) });
    return t('sync.deletedSummit', { ...named, desk: `${deletedBy.desk} (${deletedBy.fingerprint})`, when: when(deletedBy.at) });
  };
  return deleted.map((summit) => (
    <p key={summit.database} className="field-hint sync-deleted">
      {/* Its row is gone, not what it was: the marking of the text deleted, or plainly unknown, never no mark at all. */}
      {summit.classification === null ? (
        <span className="portion-mark" data-marking="unknown" title={t('sync.deletedSummitMarkingUnknownHint')}>
          ({t('sync.deletedSummitMarkingUnknown')})
        </span>
      ) : (
        <PortionMark classification={summit.classification} />
      )}{' '}
      {line(summit)}
    </p>
  ));
}

/**
 * The last error's reason in words. A database refused that holds a summit this desk has (an officer taken off it
 * midway, or one the administrator has not opened yet) is named by the summit's title, with what stays here: the
 * database's name alone did not say which summit, nor that its records are still on this desk.
 */
function useSyncErrorReason(summits: SyncOverview['summits']): (error: NonNullable<SyncStatus['lastError']>) => Said {
  const markedLabel = useMarkedLabel();
  // Said in the language of the moment it is read (Undo.tsx's Said): "Saved, but nothing was exchanged: …" kept an
  // English reason under a Korean sentence once the interface was switched to Korean.
  return ({ kind, detail }) =>
    (t) => {
      // The store names every database refused in one round, separated by ", " (no database name holds a comma).
      const refused = kind === 'no-access' ? detail.split(', ').map((database) => summits.find((each) => each.database === database)) : [];
      const named = refused.flatMap((summit) =>
        summit ? [`${markedLabel(summit.classification, summit.title)} (“${summit.database}”)`] : [],
      );
      if (named.length > 0 && named.length === refused.length)
        return t('sync.errors.no-access-summit', { count: named.length, summits: named.join('; ') });
      return t(`sync.errors.${kind}`, { detail });
    };
}

export function SyncStateLine({
  status,
  outdated = false,
  summits = [],
}: {
  status: SyncStatus;
  outdated?: boolean;
  /** The summits of this desk with their server databases, to name a refused database by its summit. */
  summits?: SyncOverview['summits'];
}) {
  const { t } = useTranslation();
  const when = useSyncTime();
  const reason = useSyncErrorReason(summits);
  const parts: string[] = [];
  if (outdated && status.state !== 'off') parts.push(t('sync.state.checking'));
  else if (status.state === 'off') parts.push(t('sync.state.off'));
  else if (status.state === 'syncing') parts.push(t('sync.state.syncing'));
  else if (status.waiting > 0) parts.push(t('sync.state.waiting', { count: status.waiting }));
  else if (status.state === 'up-to-date') parts.push(t('sync.state.up-to-date'));
  if (status.state === 'syncing' && status.waiting > 0) parts.push(t('sync.state.waiting', { count: status.waiting }));
  if (status.lastError && status.state !== 'off')
    parts.push(
      t('sync.lastError', {
        reason: reason(status.lastError)(t),
        when: status.lastError.at ? when(status.lastError.at) : '',
      }),
    );
  else if (status.lastSyncedAt && status.state !== 'off') parts.push(t('sync.lastSynced', { when: when(status.lastSyncedAt) }));
  return (
    <p
      className={`sync-state sync-state-${status.state}`}
      role="status"
      data-state={outdated && status.state !== 'off' ? 'checking' : status.state}
      data-synced-at={status.lastSyncedAt ?? ''}
    >
      {parts.join(' ')}
    </p>
  );
}

/** Records left out of an exchange (one refused, the rest went on), by database and reason: counts, never content. */
export function SyncNotices({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const when = useSyncTime();
  const id = useId();
  if (status.notices.length === 0) return null;
  return (
    <section className="sync-notices" aria-labelledby={`${id}-notices`}>
      <h3 id={`${id}-notices`}>{t('sync.noticesTitle')}</h3>
      <ul>
        {status.notices.map((notice) => (
          <li key={`${notice.database} ${notice.direction} ${notice.reason}`} data-reason={notice.reason}>
            {t(`sync.notices.${notice.direction}`, {
              database: notice.database,
              count: notice.count,
              when: when(notice.at),
              reason: t(`sync.noticeReasons.${notice.reason}`),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SyncForm({ overview }: { overview: SyncOverview }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const { account } = overview;
  const reason = useSyncErrorReason(overview.summits);
  const [url, setUrl] = useState(account?.url ?? '');
  const [username, setUsername] = useState(account?.username ?? '');
  const [password, setPassword] = useState('');
  // Only the boxes the officer changed are the form's own: the others show what is stored, so a joined summit that
  // arrives (or is shared by a save elsewhere) between two readings of the state shows ticked all the same.
  const [ticks, setTicks] = useState<ReadonlyMap<number, boolean>>(() => new Map());
  const isTicked = (summit: SyncOverview['summits'][number]) => ticks.get(summit.summitId) ?? summit.shared;
  // A summit shared until now and unticked in this form: its changes not sent yet stop counting as waiting once saved.
  const unsentIfUnticked = (summit: SyncOverview['summits'][number]) => summit.shared && !isTicked(summit) && summit.waiting > 0;
  const [joining, setJoining] = useState(() => overview.joining.join('\n'));
  const [joinError, setJoinError] = useState<string | undefined>();
  const [urlError, setUrlError] = useState<string | undefined>();
  const [passwordError, setPasswordError] = useState<string | undefined>();
  // The stored password goes only to the server and user it was typed for.
  const passwordKept = account?.passwordSet === true && storedPasswordApplies(account, { url, username: username.trim() });
  const [busy, setBusy] = useState(false);
  // Connect with a password typed asks the server about it first, up to 15 s when the server is silent: said, not a mute button.
  const [asking, setAsking] = useState(false);

  const run = async (action: () => Promise<Said | null>) => {
    setBusy(true);
    try {
      const message = await action();
      if (message) toast({ message });
    } catch (error) {
      // The store's wording is English and technical: the user reads which field, in their language.
      const field = error instanceof BridgeError ? error.field : undefined;
      const problem = field === 'url' ? serverUrlProblem(url) : null;
      if (problem) setUrlError(t(`sync.problems.${problem}`));
      else if (field === 'password')
        setPasswordError(
          t(error instanceof BridgeError && error.reason === 'server_refused_password' ? 'sync.passwordRefused' : 'sync.passwordAgain'),
        );
      else if (field === 'joinDatabases') setJoinError(refusalText(t, error));
      else if (field) toast({ message: (t) => t('sync.refused', { field: t([`sync.fields.${field}`, 'sync.fields.url']) }) });
      else toast({ message: (t) => refusalText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = serverUrlProblem(url);
    if (problem) {
      setUrlError(t(`sync.problems.${problem}`));
      document.getElementById(`${id}-url`)?.focus();
      return;
    }
    setUrlError(undefined);
    if (password === '' && account?.passwordSet && !passwordKept) {
      setPasswordError(t('sync.passwordAgain'));
      document.getElementById(`${id}-password`)?.focus();
      return;
    }
    setPasswordError(undefined);
    void run(async () => {
      setAsking(username.trim() !== '' && (password !== '' || !passwordKept));
      const { status } = await call('sync.configure', {
        url: url.trim(),
        username: username.trim(),
        ...(password !== '' || !passwordKept ? { password } : {}),
        summitIds: overview.summits.filter(isTicked).map((summit) => summit.summitId),
        joinDatabases: joining
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      }).finally(() => setAsking(false));
      setPassword('');
      setJoinError(undefined);
      if (status.state === 'error' && status.lastError) {
        const why = reason(status.lastError);
        return (t) => t('sync.savedNotSynced', { reason: why(t) });
      }
      return (t) => t('sync.connected');
    });
  };

  return (
    <form className="entity-form" aria-label={t('sync.title')} noValidate onSubmit={submit}>
      <Field id={`${id}-url`} label={t('sync.url')} hint={t('sync.urlHint')} error={urlError}>
        {(describedBy) => (
          <LineInput
            id={`${id}-url`}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={url}
            aria-invalid={urlError !== undefined}
            aria-describedby={describedBy}
            onChange={(event) => setUrl(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-user`} label={t('sync.username')}>
        {() => (
          <LineInput
            id={`${id}-user`}
            autoComplete="username"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        )}
      </Field>
      <PasswordField
        id={`${id}-password`}
        label={t('sync.password')}
        hint={passwordKept ? t('sync.passwordKept') : undefined}
        error={passwordError}
        invalid={passwordError !== undefined}
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      <fieldset className="sync-summits" aria-describedby={`${id}-summits-hint`}>
        <legend>{t('sync.summits')}</legend>
        <p id={`${id}-summits-hint`} className="field-hint">
          {t('sync.summitsHint')}
          {account ? ` ${t('sync.referenceDatabase', { name: account.referenceDatabase })}` : ''}
        </p>
        {overview.summits.length === 0 ? <p className="muted">{t('sync.noSummits')}</p> : null}
        <DeletedSummits deleted={overview.deletedSummits} />
        {overview.summits.map((summit) => (
          <div className="field field-inline" key={summit.summitId}>
            <input
              id={`${id}-summit-${summit.summitId}`}
              type="checkbox"
              checked={isTicked(summit)}
              aria-describedby={`${id}-summit-${summit.summitId}-db${unsentIfUnticked(summit) ? ` ${id}-summit-${summit.summitId}-unsent` : ''}`}
              onChange={(event) => setTicks(new Map([...ticks, [summit.summitId, event.target.checked]]))}
            />
            {/* A summit's title is its record's text: it carries its mark and counts towards the banner, as everywhere. */}
            <label htmlFor={`${id}-summit-${summit.summitId}`}>
              <PortionMark classification={summit.classification} />
              {summit.title}
            </label>
            <span id={`${id}-summit-${summit.summitId}-db`} className="field-hint sync-database">
              {t('sync.database', { name: summit.database })}
            </span>
            {unsentIfUnticked(summit) ? (
              <p id={`${id}-summit-${summit.summitId}-unsent`} className="field-hint sync-unsent" role="status">
                {t('sync.unsharedWaiting', { count: summit.waiting })}
              </p>
            ) : null}
          </div>
        ))}
      </fieldset>
      <Field
        id={`${id}-join`}
        label={t('sync.join')}
        hint={
          overview.joining.length > 0
            ? `${t('sync.joinHint')} ${t('sync.joinWaiting', { names: overview.joining.join(', ') })}`
            : t('sync.joinHint')
        }
        error={joinError}
      >
        {(describedBy) => (
          <textarea
            id={`${id}-join`}
            rows={2}
            spellCheck={false}
            value={joining}
            aria-invalid={joinError !== undefined}
            aria-describedby={describedBy}
            onChange={(event) => setJoining(event.target.value)}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {account ? t('sync.saveChanges') : t('sync.connect')}
        </button>
        {account ? (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  // The state line says how the round went: no message of its own.
                  await call('sync.now', {});
                  return null;
                })
              }
            >
              {t('sync.syncNow')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await call('sync.disconnect', {});
                  return (t) => t('sync.disconnected');
                })
              }
            >
              {t('sync.disconnect')}
            </button>
          </>
        ) : null}
        <span className="muted" aria-live="polite">
          {asking ? t('sync.askingServer') : ''}
        </span>
      </div>
    </form>
  );
}
