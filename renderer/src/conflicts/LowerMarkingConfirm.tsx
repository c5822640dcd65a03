import { useTranslation } from 'react-i18next';
import type { ConflictDecision, RecordConflict } from '../../../shared/conflicts.ts';
import type { LoweredMarking } from './conflictPages.ts';

export interface PendingLowering extends LoweredMarking {
  decision: ConflictDecision;
}

interface LowerMarkingConfirmProps {
  conflict: RecordConflict;
  pending: PendingLowering;
  busy: boolean;
  onDecide: (decision: ConflictDecision) => void;
  onCancel: () => void;
}

/**
 * Asked before a decision lowers the record's marking on every desk: it names both markings, offers to keep the
 * chosen text at the higher one (a merge taking every field from that version but the marking; a merge as chosen but
 * its marking), and changes nothing until one of its buttons is pressed.
 */
export function LowerMarkingConfirm({ conflict, pending, busy, onDecide, onCancel }: LowerMarkingConfirmProps) {
  const { t } = useTranslation();
  const { decision } = pending;
  const markings = { higher: pending.higher || t('conflicts.empty'), lower: pending.lower || t('conflicts.empty') };
  const kept = decision.action === 'keep' ? conflict.winner.rev : decision.action === 'take' ? decision.rev : null;
  const atHigher: ConflictDecision | null =
    decision.action === 'merge'
      ? // The same merge with its marking left to the store, which takes the highest of all versions.
        {
          ...decision,
          choices: withoutMarking(decision.choices),
          ...(decision.texts ? { texts: withoutMarking(decision.texts) } : {}),
        }
      : kept === null
        ? null
        : {
            action: 'merge',
            choices: Object.fromEntries(
              conflict.fields.filter((field) => field.differs && field.name !== 'classification').map((field) => [field.name, kept]),
            ),
          };
  // The store refuses a lowering the request does not name: the user's confirmation names it.
  const confirmed: ConflictDecision = { ...decision, lowersMarkingTo: pending.lower };
  return (
    <section className="conflict-lowering">
      <p role="alert">{t(`conflicts.lowering.${decision.action}`, markings)}</p>
      <div className="button-row">
        {atHigher ? (
          <button type="button" disabled={busy} onClick={() => onDecide(atHigher)}>
            {t('conflicts.lowering.atHigher', markings)}
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={() => onDecide(confirmed)}>
          {t('conflicts.lowering.confirm', markings)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('conflicts.lowering.cancel')}
        </button>
      </div>
    </section>
  );
}

/** A merge's fields without its marking: the store then gives the merge the highest marking of all versions. */
function withoutMarking(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'classification'));
}
