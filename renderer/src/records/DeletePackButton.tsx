import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingPack } from '../../../shared/domain.ts';
import { call } from '../bridge/index.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useToast } from '../components/Undo.tsx';
import { refusalMessage } from './errors.ts';

/**
 * Deletes a briefing pack after asking, and offers Undo. Undo puts the same
 * pack back (same id, so a window still showing it and its copy register find
 * it), as it does for every other record.
 */
export function DeletePackButton({ pack, label, onDeleted }: { pack: BriefingPack; label: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  const remove = async () => {
    setAsking(false);
    try {
      const { undoId } = await call('pack.delete', { id: pack.id });
      onDeleted();
      toast({
        message: (t) => t('packs.deleted', { name: pack.name }),
        undo: async () => {
          await call('deletion.undo', { id: undoId });
          return (t) => t('packs.restored', { name: pack.name });
        },
      });
    } catch (error) {
      toast({ message: (t) => refusalMessage(t, error) });
    }
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {label}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('packs.confirmDeleteTitle', { name: pack.name })}
          body={t('packs.confirmDeleteBody')}
          confirmLabel={label}
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}
