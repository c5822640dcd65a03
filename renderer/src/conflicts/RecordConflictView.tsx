import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConflictDecision,
  ConflictField,
  ConflictPage,
  ConflictResolution,
  ConflictResolved,
  ConflictSide,
  RecordConflict,
} from '../../../shared/conflicts.ts';
import { formatInZone } from '../../../shared/time.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { Loaded } from '../components/Loading.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf } from '../router.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { AuthorLine } from './AuthorLine.tsx';
import { loweredMarking, routeOf } from './conflictPages.ts';
import { LowerMarkingConfirm, type PendingLowering } from './LowerMarkingConfirm.tsx';
import { MergePanel } from './MergePanel.tsx';
import { useShownValue } from './shownValue.ts';
import './conflicts.css';

type Decision = ConflictDecision;

/** A record in conflict: the version shown beside each other version, field by field, to keep, take, merge or dismiss. */
export function RecordConflictView({ record }: { record: string }) {
  const { t } = useTranslation();
  const conflict = useQuery('conflict.get', { id: record });
  // With the page the record was on: once settled, the conflict (and so its page) is no longer read.
  const [settled, setSettled] = useState<(ConflictResolved & { page: ConflictPage | null }) | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (shown: RecordConflict, decision: Decision) => {
    setBusy(true);
    setProblem(null);
    try {
      const resolution = { id: shown.summary.id, winnerRev: shown.summary.winnerRev, ...decision } as ConflictResolution;
      setSettled({ ...(await call('conflict.resolve', resolution)), page: shown.summary.page });
    } catch (failure) {
      if (failure instanceof BridgeError && failure.code === 'conflict') {
        setProblem(t('conflicts.movedOn'));
        conflict.reload();
      } else setProblem(t('conflicts.failed'));
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <p>
      <a href={hrefOf({ view: 'conflicts' })}>{t('conflicts.back')}</a>
    </p>
  );
  if (settled && settled.others === 0) {
    return (
      <section className="record-conflict">
        {back}
        <p role="status" className="conflict-settled">
          {t('conflicts.settled')}
        </p>
        {settled.page ? (
          <p>
            <a href={hrefOf(routeOf(settled.page))}>{t('conflicts.openRecord')}</a>
          </p>
        ) : null}
      </section>
    );
  }
  if (conflict.error instanceof BridgeError && conflict.error.code === 'not_found') {
    return (
      <section className="record-conflict">
        {back}
        <p role="status">{t('conflicts.gone')}</p>
      </section>
    );
  }
  return (
    <section className="record-conflict">
      {back}
      <Loaded query={conflict}>
        {(shown) => (
          <ConflictSides
            conflict={shown}
            busy={busy}
            problem={problem}
            notice={settled ? t('conflicts.settled') : null}
            onDecide={(decision) => void decide(shown, decision)}
          />
        )}
      </Loaded>
    </section>
  );
}

interface SidesProps {
  conflict: RecordConflict;
  busy: boolean;
  problem: string | null;
  notice: string | null;
  onDecide: (decision: Decision) => void;
}

function ConflictSides({ conflict, busy, problem, notice, onDecide }: SidesProps) {
  const { t } = useTranslation();
  const [merging, setMerging] = useState(false);
  const [lowering, setLowering] = useState<PendingLowering | null>(null);
  const { classificationScheme } = useSettings();
  const headingId = useId();
  const { summary, winner, losers, fields } = conflict;
  const sides = [winner, ...losers];
  const differing = fields.filter((field) => field.differs);
  const same = fields.filter((field) => !field.differs);
  const title = summary.title || t('conflicts.untitled');
  // A keep, take, dismiss or merge that would lower the record's marking on every desk waits for the user to confirm it.
  const decideChecked = (decision: Decision) => {
    const lowered = loweredMarking(
      conflict,
      decision,
      classificationScheme.levels.map((level) => level.name),
    );
    if (lowered) setLowering({ ...lowered, decision });
    else onDecide(decision);
  };
  const decideConfirmed = (decision: Decision) => {
    setLowering(null);
    onDecide(decision);
  };
  const sideName = (index: number) =>
    index === 0 ? t('conflicts.shown') : losers.length === 1 ? t('conflicts.other') : t('conflicts.otherNumbered', { number: index });
  return (
    <article aria-labelledby={headingId}>
      <h1 id={headingId}>
        <PortionMark classification={summary.classification} />
        <bdi>{t('conflicts.recordHeading', { kind: t(`conflicts.kinds.${summary.kind}`), title })}</bdi>
      </h1>
      {summary.page ? (
        <p>
          <a href={hrefOf(routeOf(summary.page))}>{t('conflicts.openRecord')}</a>
        </p>
      ) : null}
      <p>{t('conflicts.explain')}</p>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
      <div className="conflict-table-wrap">
        <table className="conflict-sides">
          <SideHeads sides={sides} sideName={sideName} />
          <FieldRows fields={differing} sides={sides} />
          <tfoot>
            <tr>
              <td />
              <td>
                <div className="button-row">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => decideChecked({ action: 'keep' })}
                    title={t('conflicts.keepThisHint')}
                  >
                    {t('conflicts.keepThis')}
                  </button>
                </div>
              </td>
              {losers.map((loser, index) => (
                <td key={loser.rev}>
                  <div className="button-row">
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`${t('conflicts.takeThat')}: ${sideName(index + 1)}`}
                      onClick={() => decideChecked({ action: 'take', rev: loser.rev })}
                    >
                      {t('conflicts.takeThat')}
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`${t('conflicts.dismiss')}: ${sideName(index + 1)}`}
                      onClick={() => decideChecked({ action: 'dismiss', rev: loser.rev })}
                    >
                      {t('conflicts.dismiss')}
                    </button>
                  </div>
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {lowering ? (
        <LowerMarkingConfirm
          conflict={conflict}
          pending={lowering}
          busy={busy}
          onDecide={decideConfirmed}
          onCancel={() => setLowering(null)}
        />
      ) : null}
      {same.length > 0 ? (
        <details className="conflict-same">
          <summary>{t('conflicts.same', { count: same.length })}</summary>
          <div className="conflict-table-wrap">
            <table className="conflict-sides">
              <SideHeads sides={sides} sideName={sideName} />
              <FieldRows fields={same} sides={sides} />
            </table>
          </div>
        </details>
      ) : null}
      {merging ? (
        <MergePanel
          conflict={conflict}
          sideName={sideName}
          busy={busy}
          onSave={(choices, texts) => decideChecked({ action: 'merge', choices, texts })}
          onCancel={() => setMerging(false)}
        />
      ) : (
        <div className="button-row">
          <button type="button" disabled={busy} onClick={() => setMerging(true)}>
            {t('conflicts.merge')}
          </button>
        </div>
      )}
    </article>
  );
}

function SideHeads({ sides, sideName }: { sides: ConflictSide[]; sideName: (index: number) => string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { homeTimeZone } = useSettings();
  const revoked = useQuery('contact.listRevoked', {});
  return (
    <thead>
      <tr>
        <th scope="col">{t('conflicts.field')}</th>
        {sides.map((side, index) => (
          <th scope="col" key={side.rev} className={index === 0 ? 'conflict-winner' : 'conflict-loser'}>
            <PortionMark classification={side.classification} /> {sideName(index)}
            <span className="conflict-saved">
              {side.savedAt
                ? t('conflicts.savedAt', { when: formatInZone(side.savedAt, homeTimeZone, true, locale) })
                : t('conflicts.savedUnknown')}
            </span>
            <AuthorLine
              author={side.author}
              among={sides.map((each) => each.author)}
              revoked={revoked.status === 'ready' ? revoked.value : []}
            />
          </th>
        ))}
      </tr>
    </thead>
  );
}

function FieldRows({ fields, sides }: { fields: ConflictField[]; sides: ConflictSide[] }) {
  const { t } = useTranslation();
  const shownValue = useShownValue();
  return (
    <tbody>
      {fields.map((field) => (
        <tr key={field.name} className={field.differs ? 'conflict-differs' : undefined}>
          <th scope="row">
            {t(`conflicts.fields.${field.name}`, { defaultValue: field.name })}
            {field.differs ? <span className="conflict-differs-tag">{t('conflicts.differs')}</span> : null}
          </th>
          {sides.map((side) => (
            <td key={side.rev} className={field.long ? 'conflict-long' : undefined}>
              {shownValue(side, field.name)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
