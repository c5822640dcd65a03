import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictDecision, ConflictResolution, ConflictSide } from '../../../shared/conflicts.ts';
import type { NoteContent } from '../../../shared/contract.ts';
import type { Note } from '../../../shared/domain.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { ConflictView } from '../notes/ConflictView.tsx';
import { useQuery } from '../useQuery.ts';
import { loweredMarking } from './conflictPages.ts';
import { LowerMarkingConfirm, type PendingLowering } from './LowerMarkingConfirm.tsx';

function tagsOf(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

/** A version of the note as the notes' conflict view reads it. */
export function noteContentOf(side: ConflictSide): NoteContent {
  return {
    title: String(side.values.title ?? ''),
    body: String(side.values.body ?? ''),
    tags: tagsOf(side.values.tags),
    classification: String(side.values.classification ?? ''),
  };
}

/**
 * A note edited on two desks, shown through the notes' own conflict view:
 * both texts side by side, keep this one, take the other desk's, or merge.
 * The decision is written as revisions, so every desk learns it.
 */
export function SyncNoteConflict({ record, note, levels }: { record: string; note: Note; levels: readonly string[] }) {
  const { t } = useTranslation();
  const conflict = useQuery('conflict.get', { id: record });
  const revoked = useQuery('contact.listRevoked', {});
  const [problem, setProblem] = useState<string | null>(null);
  const [lowering, setLowering] = useState<PendingLowering | null>(null);
  const shown = conflict.value;
  const other = shown?.losers[0];
  if (!shown || !other) return <p className="muted">{t('app.loading')}</p>;
  const decide = (decision: ConflictDecision) => {
    setLowering(null);
    setProblem(null);
    call('conflict.resolve', { id: shown.summary.id, winnerRev: shown.summary.winnerRev, ...decision } as ConflictResolution).catch(
      (failure: unknown) => {
        const movedOn = failure instanceof BridgeError && failure.code === 'conflict';
        setProblem(movedOn ? t('conflicts.movedOn') : t('conflicts.failed'));
        if (movedOn) conflict.reload();
      },
    );
  };
  // Keeping, taking or merging at the lower marking lowers the note on every desk: asked first, as on the conflicts screen.
  const decideChecked = (decision: ConflictDecision) => {
    const lowered = loweredMarking(shown, decision, levels);
    if (lowered) setLowering({ ...lowered, decision });
    else decide(decision);
  };
  const theirs: Note = { ...note, ...noteContentOf(other), updatedAt: other.savedAt ?? note.updatedAt };
  return (
    <>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {lowering ? (
        <LowerMarkingConfirm conflict={shown} pending={lowering} busy={false} onDecide={decide} onCancel={() => setLowering(null)} />
      ) : null}
      <ConflictView
        kind="sync"
        mine={noteContentOf(shown.winner)}
        mineSavedAt={shown.winner.savedAt ?? undefined}
        authors={{ mine: shown.winner.author, theirs: other.author, revoked: revoked.status === 'ready' ? revoked.value : [] }}
        theirs={theirs}
        levels={levels}
        onKeepMine={() => decideChecked({ action: 'keep' })}
        onKeepTheirs={() => decideChecked({ action: 'take', rev: other.rev })}
        onMerge={(merged) =>
          decideChecked({
            action: 'merge',
            choices: {},
            texts: { title: merged.title, body: merged.body, tags: JSON.stringify(merged.tags), classification: merged.classification },
          })
        }
      />
    </>
  );
}
