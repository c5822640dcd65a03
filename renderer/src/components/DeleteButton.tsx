import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityName, RecordReferences } from '../../../shared/contract.ts';
import { withMisleadingCharactersShown } from '../../../shared/misleadingCharacters.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { refusalMessage } from '../records/errors.ts';
import { describeReferences, ReferenceList } from '../records/references.tsx';
import { navigate } from '../router.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useToast } from './Undo.tsx';

type DeleteChannel = `${EntityName}.delete`;
type ReferencesChannel = `${EntityName}.references`;

/** Whether taking the references along changes anything (rows that would block, or annotations left behind). */
const takeAlongDiffers = (references: RecordReferences) =>
  references.alone.some(
    (group) => group.effect === 'blocks' || ((group.table === 'note' || group.table === 'free_note') && group.effect === 'unlinked'),
  );

/**
 * Deletes a record after saying what refers to it, optionally with those, then
 * offers Undo: the store keeps what the delete removed and puts it all back
 * with the same ids, and the message says what came back.
 */
export function DeleteButton({
  entity,
  id,
  name: storedName,
  label,
  onDeleted,
  onRestored,
}: {
  entity: EntityName;
  id: number;
  name: string;
  label: string;
  onDeleted?: () => void;
  /** Where to go once Undo has put the record back (its own view, usually). */
  onRestored?: () => void;
}) {
  const { t } = useTranslation();
  // Named in the dialog and the toasts as the record's page shows it: a received override named, not obeyed.
  const name = withMisleadingCharactersShown(storedName);
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  const [references, setReferences] = useState<RecordReferences | null>(null);

  const ask = () => {
    setReferences(null);
    setAsking(true);
    call(`${entity}.references` as ReferencesChannel, { id }).then(setReferences, () => setReferences({ alone: [], takeAlong: [] }));
  };

  const remove = async (takeAlong: boolean) => {
    setAsking(false);
    try {
      // Other desks' versions not yet settled were named in the dialog: confirming deletes with them.
      const withOtherVersions = (references?.otherVersions ?? 0) > 0;
      const result = await call(`${entity}.delete` as DeleteChannel, {
        id,
        takeAlong,
        ...(withOtherVersions ? { withOtherVersions } : {}),
      });
      onDeleted?.();
      toast({
        message: (t) => {
          const list = describeReferences(t, result.references);
          return list ? t('records.deletedWith', { name, list }) : t('records.deleted', { name });
        },
        undo: async () => {
          const restored = await call('deletion.undo', { id: result.undoId });
          onRestored?.();
          return (t) => {
            const restoredList = describeReferences(t, restored.references);
            return restoredList ? t('records.restoredWith', { name, list: restoredList }) : t('records.restored', { name });
          };
        },
      });
    } catch (error) {
      const inUse = error instanceof BridgeError && error.code === 'constraint';
      // Any other refusal is said by its reason (a version from another desk arrived after the dialog asked, the store
      // being checked after a crash), never as the folder being unwritable: nothing was deleted either way.
      toast({ message: (t) => (inUse ? t('records.refused', { name }) : refusalMessage(t, error)) });
    }
  };

  const differs = references !== null && takeAlongDiffers(references);
  const blocked = references?.alone.some((group) => group.effect === 'blocks') ?? false;
  const otherVersions = references?.otherVersions ?? 0;
  const deleteLabel = differs ? t('records.deleteWithThem') : t('common.delete');
  return (
    <>
      <button type="button" className="danger" onClick={ask}>
        {label}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('common.confirmDeleteTitle', { name })}
          body={
            references === null
              ? t('records.checking')
              : references.takeAlong.length === 0
                ? t('records.nothingRefers')
                : differs
                  ? t('records.whatRefers')
                  : t('records.whatHappens')
          }
          details={
            references && (references.takeAlong.length > 0 || otherVersions > 0) ? (
              <>
                {otherVersions > 0 && (
                  <p role="alert" className="warning">
                    {t('records.otherVersions', { count: otherVersions })}
                  </p>
                )}
                {references.takeAlong.length > 0 && <ReferenceList groups={references.takeAlong} />}
                {differs && <p>{blocked ? t('records.cannotAlone') : t('records.onlyKeeps')}</p>}
              </>
            ) : undefined
          }
          confirmLabel={otherVersions > 0 ? t('records.deleteWithOtherVersions') : deleteLabel}
          confirmDisabled={references === null}
          onConfirm={() => void remove(differs)}
          alternative={
            otherVersions > 0
              ? {
                  label: t('records.lookAtVersions'),
                  onClick: () => {
                    setAsking(false);
                    navigate({ view: 'conflicts' });
                  },
                }
              : differs && !blocked
                ? { label: t('records.deleteOnly'), onClick: () => void remove(false) }
                : undefined
          }
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}
