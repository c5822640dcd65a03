import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entities, EntityName } from '../../../shared/contract.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useToast } from './Undo.tsx';

type DeleteChannel = `${EntityName}.delete`;
type CreateChannel = `${EntityName}.create`;

/**
 * Deletes a record after asking, then offers Undo: the delete answers with the
 * whole record, and Undo creates it again from that (with a new id).
 */
export function DeleteButton<E extends EntityName>({
  entity,
  id,
  name,
  label,
  onDeleted,
  restoreLinked,
}: {
  entity: E;
  id: number;
  name: string;
  label: string;
  onDeleted?: () => void;
  /**
   * Puts back what the delete took with it (a meeting's participants and
   * follow-ups, a summit's links from its meetings), given the new id.
   */
  restoreLinked?: (newId: number) => Promise<void>;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  const remove = async () => {
    setAsking(false);
    try {
      const { deleted } = (await call(`${entity}.delete` as DeleteChannel, { id })) as { deleted: Entities[E] };
      onDeleted?.();
      toast({
        message: t('common.deleted', { name }),
        undo: async () => {
          const { id: _oldId, ...record } = deleted as Entities[E] & { id: number };
          const restored = (await call(`${entity}.create` as CreateChannel, record as never)) as { id: number };
          await restoreLinked?.(restored.id);
          toast({ message: t('common.restored', { name }) });
        },
      });
    } catch (error) {
      // A delete refused by the store's rules means something still points at the record (a source cited by entries).
      const inUse = error instanceof BridgeError && error.code === 'constraint';
      toast({ message: inUse ? t('common.deleteRefused', { name }) : (error as Error).message });
    }
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {label}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('common.confirmDeleteTitle', { name })}
          body={t('common.confirmDeleteBody')}
          confirmLabel={t('common.delete')}
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}
