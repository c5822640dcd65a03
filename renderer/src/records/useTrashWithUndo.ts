import type { TFunction } from 'i18next';
import type { Note } from '../../../shared/domain.ts';
import { call } from '../bridge/index.ts';
import { useToast } from '../components/Undo.tsx';

/** Moves a note to the trash and offers Undo, which takes it out again (same note, same id) and says so. */
export function useTrashWithUndo(): (note: Pick<Note, 'id' | 'title'>, name?: string) => Promise<void> {
  const toast = useToast();
  return async (note, name) => {
    const label = (t: TFunction) => note.title || name || t('notes.untitled');
    await call('note.trash', { id: note.id });
    toast({
      message: (t) => t('records.trashed', { name: label(t) }),
      undo: async () => {
        await call('note.restore', { id: note.id });
        return (t) => t('records.restored', { name: label(t) });
      },
    });
  };
}
