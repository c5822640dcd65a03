import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportProgress, BundleRecordLine, BundleRefusal, BundleReview, ContactCard } from '../../../shared/bundles.ts';
import { bundlePartBytes, maxBundleFileBytes, maxBundlePassphrase, maxStagedBundleBytes } from '../../../shared/bundles.ts';
import { acceptedMarking } from '../../../shared/markings.ts';
import { formatInZone } from '../../../shared/time.ts';
import { call } from '../bridge/index.ts';
import { Field } from '../forms/Field.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { refusalMessage } from '../records/errors.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { base64Of, highestText } from './highestText.ts';
import { RecordLine } from './SendBundle.tsx';

/** How often the page asks how far an import has come while it waits for it. */
const importProgressEveryMs = 250;

/** How the store is to find the chosen file: in the request itself, or handed over before in parts. */
type Source = { file: string } | { upload: string };

type Step =
  | { step: 'choose' }
  | { step: 'passphrase'; file: Source; signer: ContactCard }
  | { step: 'review'; file: Source; passphrase: string | undefined; review: BundleReview }
  | { step: 'done'; message: Said };

/** A message kept as data and worded when shown, so it follows a change of language. */
type Said = { key: string; values?: Record<string, string | number> } | { error: unknown };

/** "Receive a bundle": choose the file, review who signed it and what it would change, then import or cancel. */
export function ReceiveBundle() {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [reading, setReading] = useState(false);
  /** The import under way: how far it is, as the store last said ('opening' until it first says). */
  const [importing, setImporting] = useState<BundleImportProgress | 'opening' | null>(null);
  const [refusal, setRefusal] = useState<Said | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const notImported = useQuery('bundle.notImported', {});
  const reviewing = step.step === 'review' ? step.review.bundleId : null;
  const leftOver = (notImported.value ?? []).filter((left) => left.bundleId !== reviewing);
  const locale = useLocale();
  const { homeTimeZone } = useSettings();
  // In the home zone, named, as every time in Sherpa: a bundle carried between networks often crosses zones too.
  const when = (instant: string) => formatInZone(instant, homeTimeZone, true, locale);
  const say = (said: Said) => ('error' in said ? refusalMessage(t, said.error) : t(said.key, said.values ?? {}));

  const refuse = (reason: BundleRefusal) => {
    // The same file can be chosen again (after the sender fixed it, say): the input must see it as a change.
    if (input.current) input.current.value = '';
    const at = reason.importedAt ?? reason.revoked?.revokedAt;
    setRefusal({
      key: `exchange.refusals.${reason.reason}`,
      values: { when: at ? when(at) : '', desk: reason.revoked?.deskName ?? '', fingerprint: reason.revoked?.fingerprint ?? '' },
    });
    setStep({ step: 'choose' });
  };

  const inspect = async (file: Source, given: string | undefined) => {
    setRefusal(null);
    setReading(true);
    try {
      const inspection = await call('bundle.inspect', { ...file, ...(given !== undefined ? { passphrase: given } : {}) });
      if (inspection.status === 'refused') {
        // A wrong passphrase is asked again (the passphrase step stays), not a reason to choose the file again.
        if (inspection.refusal.reason === 'wrong-passphrase' && given !== undefined)
          return setRefusal({ key: 'exchange.refusals.wrong-passphrase' });
        return refuse(inspection.refusal);
      }
      if (inspection.status === 'needs-passphrase') return setStep({ step: 'passphrase', file, signer: inspection.signer });
      setStep({ step: 'review', file, passphrase: given, review: inspection.review });
    } catch (error) {
      setRefusal({ error });
      setStep({ step: 'choose' });
    } finally {
      setReading(false);
    }
  };

  const chosen = async (file: File | undefined) => {
    if (!file) return;
    if (file.size === 0) {
      if (input.current) input.current.value = '';
      setStep({ step: 'choose' });
      return setRefusal({ key: 'exchange.emptyFile', values: { file: file.name } });
    }
    if (file.size > maxStagedBundleBytes) {
      const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);
      setRefusal({ key: 'exchange.tooLarge', values: { size: mb(file.size), max: mb(maxStagedBundleBytes) } });
      return;
    }
    setPassphrase('');
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length <= maxBundleFileBytes) return inspect({ file: base64Of(bytes) }, undefined);
    // Too large for one request: handed over in parts first, then named by its upload id.
    setRefusal(null);
    setReading(true);
    try {
      const upload = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
      const parts = Math.ceil(bytes.length / bundlePartBytes);
      for (let part = 0; part < parts; part += 1)
        await call('bundle.stage', {
          upload,
          part,
          parts,
          data: base64Of(bytes.subarray(part * bundlePartBytes, (part + 1) * bundlePartBytes)),
        });
      await inspect({ upload }, undefined);
    } catch (error) {
      setRefusal({ error });
      setReading(false);
    }
  };

  const reset = (message?: Said) => {
    if (input.current) input.current.value = '';
    setStep(message ? { step: 'done', message } : { step: 'choose' });
  };

  /** A review cancelled: the bundle is not asked for again after a restart. */
  const cancelReview = async (review: BundleReview) => {
    reset({ key: 'exchange.cancelled' });
    try {
      await call('bundle.forget', { bundleId: review.bundleId });
    } finally {
      notImported.reload();
    }
  };

  /** Asks the store how far its import has come until it answers the import itself. */
  const followImport = async (running: { done: boolean }) => {
    while (!running.done) {
      const progress = await call('bundle.importProgress', {}).catch(() => null);
      if (running.done) return;
      if (progress) setImporting(progress);
      await new Promise((resolve) => setTimeout(resolve, importProgressEveryMs));
    }
  };

  const importNow = async (reviewed: Extract<Step, { step: 'review' }>, acceptSigner: boolean) => {
    const running = { done: false };
    setImporting('opening');
    void followImport(running);
    try {
      const outcome = await call('bundle.import', {
        ...reviewed.file,
        acceptSigner,
        ...(reviewed.passphrase !== undefined ? { passphrase: reviewed.passphrase } : {}),
      });
      if (outcome.status === 'imported') {
        notImported.reload();
        const { counts, signer } = outcome.review;
        return reset({ key: 'exchange.imported', values: { desk: signer.deskName, ...counts } });
      }
      if (outcome.status === 'refused') return refuse(outcome.refusal);
      setStep({ step: 'passphrase', file: reviewed.file, signer: outcome.signer });
    } catch (error) {
      setRefusal({ error });
    } finally {
      running.done = true;
      setImporting(null);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="exchange-panel exchange-receive">
      <h2 id={`${id}-title`}>{t('exchange.importTitle')}</h2>
      {leftOver.length > 0 && (
        <section aria-label={t('exchange.notImportedTitle')} className="bundles-not-imported">
          <ul>
            {leftOver.map((left) => (
              <li key={left.bundleId} className="row-with-actions">
                <span>
                  {t('exchange.notImported', {
                    desk: left.signerDesk,
                    fingerprint: left.signerFingerprint,
                    made: when(left.createdAt),
                    opened: when(left.openedAt),
                  })}
                </span>
                <button
                  type="button"
                  aria-label={t('exchange.forgetReviewLabel', { desk: left.signerDesk, made: when(left.createdAt) })}
                  onClick={() => void call('bundle.forget', { bundleId: left.bundleId }).finally(() => notImported.reload())}
                >
                  {t('exchange.forgetReview')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Field id={`${id}-file`} label={t('exchange.chooseFile')} hint={t('exchange.chooseFileHint')}>
        {(describedBy) => (
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".sherpa"
            aria-describedby={describedBy}
            disabled={reading}
            onChange={(event) => void chosen(event.target.files?.[0])}
          />
        )}
      </Field>
      {refusal && (
        <p role="alert" className="error bundle-refusal">
          {say(refusal)}
        </p>
      )}
      {reading && <p className="muted">{t('exchange.reading')}</p>}
      {importing && (
        <p role="status" className="exchange-status bundle-importing">
          {importing === 'opening' ? (
            t('exchange.importStarting')
          ) : (
            <>
              <progress max={importing.total} value={importing.done} />{' '}
              {t(importing.phase === 'checking' ? 'exchange.importChecking' : 'exchange.importMerging', {
                done: importing.done.toLocaleString(locale),
                total: importing.total.toLocaleString(locale),
              })}
            </>
          )}
        </p>
      )}
      {step.step === 'done' && (
        <p role="status" className="exchange-status">
          {say(step.message)}
        </p>
      )}
      {step.step === 'passphrase' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            // Longer than any bundle's passphrase can be: it cannot open this one, and the store would refuse the request.
            if (passphrase.length > maxBundlePassphrase) return setRefusal({ key: 'exchange.refusals.wrong-passphrase' });
            void inspect(step.file, passphrase);
          }}
        >
          <p>{t('exchange.needsPassphrase')}</p>
          <p>
            {t('exchange.signedBy')}: <strong>{step.signer.deskName}</strong> <span className="fingerprint">{step.signer.fingerprint}</span>
          </p>
          <PasswordField
            id={`${id}-passphrase`}
            label={t('exchange.passphrase')}
            autoComplete="off"
            value={passphrase}
            onChange={setPassphrase}
          />
          <div className="button-row">
            <button type="submit" disabled={passphrase === ''}>
              {t('exchange.openWithPassphrase')}
            </button>
            <button type="button" onClick={() => reset()}>
              {t('exchange.cancel')}
            </button>
          </div>
        </form>
      )}
      {step.step === 'review' && (
        <Review
          review={step.review}
          when={when}
          onImport={(acceptSigner) => void importNow(step, acceptSigner)}
          onCancel={() => void cancelReview(step.review)}
          importing={importing !== null}
        />
      )}
    </section>
  );
}

type ListedChange = 'new' | 'updated' | 'conflicting';
/** Lines asked for at once when the officer wants more of the list. */
const linesPage = 500;

/** How many records of each kind and marking would change: exact, however few are listed by name. */
function Breakdown({ review }: { review: BundleReview }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <table className="review-breakdown" aria-labelledby={`${id}-breakdown`} data-testid="review-breakdown">
      <caption id={`${id}-breakdown`}>{t('exchange.breakdownTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('exchange.breakdownKind')}</th>
          <th scope="col">{t('exchange.breakdownMarking')}</th>
          {(['new', 'updated', 'conflicting'] as const).map((change) => (
            <th key={change} scope="col">
              {t(`exchange.changes.${change}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {review.breakdown.map((row) => (
          <tr key={`${row.kind} ${row.classification ?? '-'}`}>
            <th scope="row">{t(`exchange.kinds.${row.kind}`)}</th>
            <td>{row.classification === null ? t('exchange.noMarking') : <PortionMark classification={row.classification} />}</td>
            <td>{row.new}</td>
            <td>{row.updated}</td>
            <td>{row.conflicting}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Review({
  review,
  when,
  onImport,
  onCancel,
  importing,
}: {
  review: BundleReview;
  when: (instant: string) => string;
  onImport: (acceptSigner: boolean) => void;
  onCancel: () => void;
  /** An import under way: neither started twice nor cancelled half done. */
  importing: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const scheme = useSettings().classificationScheme;
  const [checked, setChecked] = useState(false);
  const { counts, signer } = review;
  const changing = counts.new + counts.updated + counts.conflicting;
  // The same bundle again (made anew with the same records, or its records come by the server since): nothing would
  // be written, so Import is not offered, nor accepting the signer through it. Records held back would still be kept.
  const alreadyHere = changing === 0 && review.heldBack === 0;
  // The review lists the first lines of each kind of change; more are asked for a page at a time.
  const [more, setMore] = useState<Record<ListedChange, BundleRecordLine[]>>({ new: [], updated: [], conflicting: [] });
  const [moreRefused, setMoreRefused] = useState(false);
  const of = (change: ListedChange) => [...review.changes.filter((record) => record.change === change), ...more[change]];
  const listMore = async (change: ListedChange) => {
    const page = await call('bundle.reviewLines', { bundleId: review.bundleId, change, offset: of(change).length, limit: linesPage });
    if (page.status === 'refused') setMoreRefused(true);
    else setMore((listed) => ({ ...listed, [change]: [...listed[change], ...page.lines] }));
  };
  // Each marking as the import stores it: one that reads as a level here ("ΑΠΟΡΡΗΤΟ" for this desk's "Απόρρητο",
  // "nato restricted") arrives as that level (db/markings.ts receivedMarking), so it is neither foreign nor unmarked.
  const markings = review.markings.map((marking) => acceptedMarking(scheme, marking) || marking);
  // Markings of another desk's scheme: shown by name here, counted as unmarked, and they keep a pack from exporting.
  const foreign = markings.filter((marking) => marking !== '' && !scheme.levels.some((level) => level.name === marking));
  return (
    <section aria-labelledby={`${id}-title`} className="bundle-review">
      <h3 id={`${id}-title`}>{t('exchange.reviewTitle')}</h3>
      <dl className="key-details">
        <dt>{t('exchange.signedBy')}</dt>
        <dd data-testid="review-signer">{signer.deskName}</dd>
        <dt>{t('exchange.fingerprint')}</dt>
        <dd className="fingerprint" data-testid="review-fingerprint">
          {signer.fingerprint}
        </dd>
        <dt>{t('exchange.made')}</dt>
        <dd>{when(review.createdAt)}</dd>
        <dt>{t('exchange.highestInside')}</dt>
        <dd data-testid="review-highest">
          <strong>{highestText(t, scheme, review.markings)}</strong>
        </dd>
      </dl>
      {foreign.length > 0 && (
        <p className="signer-unknown" data-testid="review-foreign">
          {t('exchange.foreignLevels', { levels: foreign.join(', '), scheme: scheme.name, interpolation: { escapeValue: false } })}
        </p>
      )}
      <p className={review.signerAccepted ? 'muted' : 'signer-unknown'}>
        {review.signerAccepted ? t('exchange.signerAccepted') : t('exchange.signerUnknown')}
      </p>
      <h4>{t('exchange.changeCounts')}</h4>
      <ul className="chips change-counts" data-testid="review-counts">
        {(['new', 'updated', 'conflicting'] as const).map((change) => (
          <li key={change}>
            {t(`exchange.changes.${change}`)}: <strong>{counts[change]}</strong>
          </li>
        ))}
      </ul>
      {alreadyHere ? (
        <p role="status" data-testid="review-already-here">
          {t('exchange.alreadyHere')}
        </p>
      ) : (
        changing === 0 && <p>{t('exchange.nothingChanges')}</p>
      )}
      {review.heldBack > 0 && <p className="muted">{t('exchange.heldBack', { count: review.heldBack })}</p>}
      {review.turnsTextRound > 0 && (
        <p className="signer-unknown" data-testid="review-turns-text-round">
          {t('exchange.turnsTextRound', { count: review.turnsTextRound })}
        </p>
      )}
      {review.misleading.count > 0 && (
        <div className="review-group signer-unknown" data-testid="review-misleading">
          <p>{t('exchange.misleading', { count: review.misleading.count })}</p>
          <ul className="bundle-records">
            {review.misleading.lines.map((record) => (
              <li key={record.id}>
                <RecordLine record={record} />{' '}
                <span className="misleading-flag">{t('exchange.misleadingCharacters', { characters: record.characters.join(', ') })}</span>
              </li>
            ))}
          </ul>
          {review.misleading.count > review.misleading.lines.length && (
            <p className="muted">{t('exchange.misleadingMore', { count: review.misleading.count - review.misleading.lines.length })}</p>
          )}
        </div>
      )}
      {review.breakdown.length > 0 && <Breakdown review={review} />}
      {(['new', 'updated', 'conflicting'] as const).map((change) =>
        counts[change] === 0 ? null : (
          <div key={change} className="review-group" data-testid={`review-${change}`}>
            <h5>
              {t(`exchange.changes.${change}`)} ({counts[change]})
            </h5>
            {change === 'conflicting' && <p className="muted">{t('exchange.conflictNote')}</p>}
            <ul className="bundle-records">
              {of(change).map((record) => (
                <li key={record.id}>
                  <RecordLine record={record} />
                </li>
              ))}
            </ul>
            {of(change).length < counts[change] && (
              <p className="muted">
                {t('exchange.linesShown', { shown: of(change).length, total: counts[change] })}{' '}
                <button type="button" disabled={moreRefused} onClick={() => void listMore(change)}>
                  {t('exchange.showMore', { count: Math.min(linesPage, counts[change] - of(change).length) })}
                </button>
              </p>
            )}
          </div>
        ),
      )}
      {moreRefused && <p role="alert">{t('exchange.moreRefused')}</p>}
      {!review.signerAccepted && !alreadyHere && (
        <Field id={`${id}-accept`} label={t('exchange.acceptSigner', { desk: signer.deskName })} inline>
          {(describedBy) => (
            <input
              type="checkbox"
              id={`${id}-accept`}
              checked={checked}
              aria-describedby={describedBy}
              onChange={(event) => setChecked(event.target.checked)}
            />
          )}
        </Field>
      )}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={importing || alreadyHere || (!review.signerAccepted && !checked)}
          onClick={() => onImport(!review.signerAccepted)}
        >
          {t('exchange.importNow')}
        </button>
        <button type="button" disabled={importing} onClick={onCancel}>
          {t('exchange.cancel')}
        </button>
      </div>
    </section>
  );
}
