import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BundleExportResult,
  type BundleRecordLine,
  type BundleSelection,
  bundlePassphraseProblem,
  maxBundlePassphrase,
  minBundlePassphrase,
} from '../../../shared/bundles.ts';
import { call } from '../bridge/index.ts';
import { Loaded } from '../components/Loading.tsx';
import { Field } from '../forms/Field.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { PortionMark, useMarkedLabel } from '../markings/ScreenMarkings.tsx';
import { refusalMessage } from '../records/errors.ts';
import { summitLabels } from '../records/summitLabels.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { highestText } from './highestText.ts';

/** A record of a bundle in a list: its portion mark (when its kind carries one), its kind and its name. */
export function RecordLine({ record }: { record: BundleRecordLine }) {
  const { t } = useTranslation();
  return (
    <>
      {record.classification !== null && <PortionMark classification={record.classification} />}{' '}
      <span className="muted">{t(`exchange.kinds.${record.kind}`)}:</span> {record.name || t('exchange.unnamed')}
      {record.deleted && <span className="muted"> ({t('exchange.deleted')})</span>}
    </>
  );
}

/** "Send a summit": which summit, to whom, and what it holds (with its highest marking) before the file is written. */
export function SendBundle() {
  const { t } = useTranslation();
  const id = useId();
  const scheme = useSettings().classificationScheme;
  const summits = useQuery('summit.list', {});
  // Summits of one title (the same summit, year after year) told apart by city and year.
  const summitTitles = summitLabels(summits.value ?? []);
  const markedLabel = useMarkedLabel();
  const contacts = useQuery('contact.list', {});
  const [summitId, setSummitId] = useState<number | null>(null);
  const [scope, setScope] = useState<'summit' | 'chosen'>('summit');
  const [chosen, setChosen] = useState<PickedRecord[]>([]);
  const selection: BundleSelection | null =
    summitId === null ? null : scope === 'summit' ? { summitId } : chosen.length > 0 ? { records: chosen } : null;
  const [recipients, setRecipients] = useState<string[]>([]);
  const [usePassphrase, setUsePassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<{ field: 'recipients' | 'passphrase' | 'form'; message: string } | null>(null);
  // Kept as data, worded when shown: the message follows a change of language.
  const [written, setWritten] = useState<BundleExportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (selection === null) return;
    if (recipients.length === 0 && !usePassphrase) return setProblem({ field: 'recipients', message: t('exchange.needRecipient') });
    // The store's own rule (shared/bundles.ts), said before the store is asked: spaces are no secret.
    const weakness = usePassphrase ? bundlePassphraseProblem(passphrase) : null;
    if (weakness)
      return setProblem({ field: 'passphrase', message: t(`exchange.passphraseProblems.${weakness}`, { min: minBundlePassphrase }) });
    if (usePassphrase && passphrase.length > maxBundlePassphrase)
      return setProblem({ field: 'passphrase', message: t('exchange.passphraseLong', { max: maxBundlePassphrase.toLocaleString('en') }) });
    setProblem(null);
    setWritten(null);
    setBusy(true);
    try {
      const result = await call('bundle.export', {
        selection,
        recipients,
        ...(usePassphrase ? { passphrase } : {}),
      });
      setWritten(result);
    } catch (error) {
      setProblem({ field: 'form', message: refusalMessage(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="exchange-panel">
      <h2 id={`${id}-title`}>{t('exchange.exportTitle')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Field id={`${id}-summit`} label={t('exchange.summit')}>
          {(describedBy) => (
            <select
              id={`${id}-summit`}
              value={summitId ?? ''}
              aria-describedby={describedBy}
              onChange={(event) => {
                setWritten(null);
                setChosen([]);
                // Need-to-know is per summit: the desks and passphrase chosen for another summit's bundle are chosen again.
                setRecipients([]);
                setUsePassphrase(false);
                setPassphrase('');
                setProblem(null);
                setSummitId(event.target.value === '' ? null : Number(event.target.value));
              }}
            >
              <option value="">{t('exchange.chooseSummit')}</option>
              {summits.status === 'ready' &&
                summits.value.map((summit) => (
                  <option key={summit.id} value={summit.id}>
                    {markedLabel(summit.classification, summitTitles.get(summit.id) ?? summit.title)}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {summitId !== null && (
          <fieldset>
            <legend>{t('exchange.whatToSend')}</legend>
            {(['summit', 'chosen'] as const).map((each) => (
              <div key={each} className="field field-inline">
                <input
                  type="radio"
                  id={`${id}-scope-${each}`}
                  name={`${id}-scope`}
                  checked={scope === each}
                  onChange={() => {
                    setWritten(null);
                    setScope(each);
                  }}
                />
                <label htmlFor={`${id}-scope-${each}`}>{t(each === 'summit' ? 'exchange.wholeSummit' : 'exchange.chosenRecords')}</label>
              </div>
            ))}
            {scope === 'chosen' && <RecordPicker summitId={summitId} chosen={chosen} onChange={setChosen} />}
          </fieldset>
        )}
        {selection !== null && <Contents selection={selection} />}
        <fieldset aria-describedby={problem?.field === 'recipients' ? `${id}-recipients-error` : undefined}>
          <legend>{t('exchange.recipients')}</legend>
          {contacts.status === 'ready' && contacts.value.length === 0 && <p className="muted">{t('exchange.recipientsNone')}</p>}
          {contacts.status === 'ready' &&
            contacts.value.map((card) => (
              <div key={card.fingerprint} className="field field-inline">
                <input
                  type="checkbox"
                  id={`${id}-to-${card.fingerprint}`}
                  checked={recipients.includes(card.fingerprint)}
                  onChange={(event) =>
                    setRecipients((chosen) =>
                      event.target.checked ? [...chosen, card.fingerprint] : chosen.filter((each) => each !== card.fingerprint),
                    )
                  }
                />
                <label htmlFor={`${id}-to-${card.fingerprint}`}>
                  {card.deskName} <span className="fingerprint">{card.fingerprint}</span>
                </label>
              </div>
            ))}
          {problem?.field === 'recipients' && (
            <p id={`${id}-recipients-error`} className="field-error">
              {problem.message}
            </p>
          )}
        </fieldset>
        <Field id={`${id}-use-passphrase`} label={t('exchange.usePassphrase')} inline>
          {(describedBy) => (
            <input
              type="checkbox"
              id={`${id}-use-passphrase`}
              checked={usePassphrase}
              aria-describedby={describedBy}
              onChange={(event) => setUsePassphrase(event.target.checked)}
            />
          )}
        </Field>
        {usePassphrase && (
          <PasswordField
            id={`${id}-passphrase`}
            label={t('exchange.passphrase')}
            hint={t('exchange.passphraseHint', { min: minBundlePassphrase })}
            autoComplete="new-password"
            value={passphrase}
            onChange={setPassphrase}
            error={problem?.field === 'passphrase' ? problem.message : undefined}
            invalid={problem?.field === 'passphrase' ? true : undefined}
          />
        )}
        <button type="submit" disabled={selection === null || busy}>
          {busy ? t('exchange.exporting') : t('exchange.export')}
        </button>
        {problem?.field === 'form' && (
          <p role="alert" className="error">
            {problem.message}
          </p>
        )}
        <p role="status" className="exchange-status">
          {written &&
            t('exchange.exported', { file: written.path, count: written.records, marking: highestText(t, scheme, written.markings) })}
        </p>
      </form>
    </section>
  );
}

type PickedRecord = Extract<BundleSelection, { records: unknown }>['records'][number];

/** The summit's records, each with a box to send it alone (with what it refers to). */
function RecordPicker({
  summitId,
  chosen,
  onChange,
}: {
  summitId: number;
  chosen: PickedRecord[];
  onChange: (next: PickedRecord[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const contents = useQuery('bundle.contents', { selection: { summitId } });
  const same = (a: PickedRecord, b: PickedRecord) => a.kind === b.kind && a.id === b.id;
  return (
    <Loaded query={contents}>
      {({ records }) => (
        <ul className="bundle-records record-picker" aria-label={t('exchange.chooseRecords')}>
          {records.flatMap((record) => {
            const { kind, rowId } = record;
            if (rowId === null || kind === 'participant' || record.deleted) return [];
            const picked: PickedRecord = { kind, id: rowId };
            return [
              <li key={record.id} className="field-inline">
                <input
                  type="checkbox"
                  id={`${id}-${record.id}`}
                  checked={chosen.some((each) => same(each, picked))}
                  onChange={(event) => onChange(event.target.checked ? [...chosen, picked] : chosen.filter((each) => !same(each, picked)))}
                />
                <label htmlFor={`${id}-${record.id}`}>
                  <RecordLine record={record} />
                </label>
              </li>,
            ];
          })}
        </ul>
      )}
    </Loaded>
  );
}

/** What the bundle will hold: its highest marking first, then every record. */
function Contents({ selection }: { selection: BundleSelection }) {
  const { t } = useTranslation();
  const scheme = useSettings().classificationScheme;
  const contents = useQuery('bundle.contents', { selection });
  return (
    <Loaded query={contents}>
      {({ records, markings }) => (
        <div className="bundle-contents">
          <p className="highest-inside">
            {t('exchange.highestInside')}: <strong data-testid="export-highest">{highestText(t, scheme, markings)}</strong>
          </p>
          <details>
            <summary>{t('exchange.willHold', { count: records.length })}</summary>
            <ul className="bundle-records">
              {records.map((record) => (
                <li key={record.id}>
                  <RecordLine record={record} />
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </Loaded>
  );
}
